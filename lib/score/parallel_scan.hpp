// Threads over chunks: each thread scores the chunks it takes into its own
// State; at the end the chunks' line counts turn local line numbers into
// global ones, the states merge (exactly: integer sums), and bad lines are
// settled in file order, so the result is the same for any thread count.
#pragma once

#include <memory>
#include <vector>

#include "io/context.hpp"
#include "score/inputs.hpp"
#include "score/scan.hpp"
#include "score/state.hpp"

namespace socred::score {

struct PassResult {
  std::unique_ptr<State> state;  // null for a pass without one (time pre-scan)
  std::vector<ChunkResult> chunks;
  std::uint64_t soft_failures = 0;
  bool has_ts = false;
  std::int64_t max_ts = INT64_MIN;  // the newest event with a valid ts
};

/// Scores `chunks` with up to `threads` threads. With `explain_n` 0 and
/// `keep_state` false only the newest ts is found.
PassResult scan_chunks(const Inputs& inputs, const std::vector<Chunk>& chunks,
                       const ScanSettings& settings, std::size_t explain_n, bool keep_state,
                       unsigned threads);

/// Adds the pass's line counts to ctx.stats and hands its bad lines to
/// ctx.rejects in file order; under --on-error stop throws the first one's
/// error, with its global line number.
void settle(const Inputs& inputs, const std::vector<Chunk>& chunks, PassResult& pass,
            io::Context& ctx);

/// Global line numbers before each chunk.
std::vector<std::uint64_t> lines_before(const Inputs& inputs, const std::vector<Chunk>& chunks,
                                        const std::vector<ChunkResult>& results);

/// The number of hardware threads this process may run on.
unsigned hardware_threads();

}  // namespace socred::score
