// join-records' exact join, as the tool's main() calls it.
#pragma once

#include "io/context.hpp"
#include "join/options.hpp"

namespace socred::join {

/// Joins the inputs (left) with options.right; returns the exit status.
int run(const Options& options, io::Context& ctx);

}  // namespace socred::join
