// The reproducibility stamp of gen-events: one JSON line naming the version
// and every input that determines the output.
#pragma once

#include <string>

#include "world/gen_events.hpp"
#include "world/noise.hpp"

namespace socred::world {

/// {"tool":"gen-events","version":...,"seed":...,"population":...,"start":...,
/// "days":...,"noise":{...},"court_name_share":...,"degree":...,...}
std::string manifest(const Options& o, const NoiseSettings& noise);

}  // namespace socred::world
