// Record linkage from start to end: read both sides, block, estimate or
// load a model, weigh the candidate pairs, and write links, clusters, a
// preview of the blocking, or an evaluation.
#pragma once

#include "io/context.hpp"
#include "link/options.hpp"

namespace socred::link {

/// Left records come from ctx.io.inputs; the right ones from
/// options.right (linking only). Returns the exit status.
int run(const Options& options, io::Context& ctx);

}  // namespace socred::link
