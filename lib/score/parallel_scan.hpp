// Threads over chunks: each thread scores the chunks it takes into its own
// State; at the end the chunks' line counts turn local line numbers into
// global ones and the states merge (exactly: integer sums), so the result is
// the same for any thread count. Counts and bad lines settle in io.
#pragma once

#include <memory>
#include <vector>

#include "io/chunked_read.hpp"
#include "score/scan.hpp"
#include "score/state.hpp"

namespace socred::score {

struct PassResult {
  std::unique_ptr<State> state;  // null for a pass without one (time pre-scan)
  std::uint64_t soft_failures = 0;
  bool has_ts = false;
  std::int64_t max_ts = INT64_MIN;  // the newest event with a valid ts
  Usage usage;                      // the chunks', merged in input order
};

/// Scores the chunks of `read` with up to `threads` threads. With
/// `explain_n` 0 and `keep_state` false only the newest ts is found. The
/// caller settles `read` (counts, bad lines, the first error).
PassResult scan_chunks(io::ChunkedRead& read, const ScanSettings& settings, std::size_t explain_n,
                       bool keep_state, unsigned threads);

}  // namespace socred::score
