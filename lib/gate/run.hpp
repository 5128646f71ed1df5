// gate's entry point: loads the policy and runs the mode the options ask
// for (every service for every score line, --requests, a single question,
// or --test).
#pragma once

#include "gate/options.hpp"
#include "io/context.hpp"

namespace socred::gate {

/// Returns the exit status: 0, or 1 / kExitNoScore for a single question,
/// 1 for a failed --test.
int run(const Options& options, io::Context& ctx);

}  // namespace socred::gate
