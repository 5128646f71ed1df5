// score's inputs: every named file opened up front (a missing one is 66
// before any output), standard input spooled to a temporary file when the
// run must read it twice, and files cut into byte ranges at line boundaries
// so that threads can read one file in parallel.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "io/line_reader.hpp"

namespace socred::score {

struct Input {
  std::string name;  // as messages and --explain cite it: a path or "<stdin>"
  int fd = -1;
  bool owned = false;     // closed by ~Inputs (everything but standard input)
  bool seekable = false;  // a regular file (or spooled stdin): can be cut and reread
  std::uint64_t size = 0;
  std::uint64_t lines_before = 0;  // --first-line N: N - 1 (a part of a bigger file)
};

/// A byte range of one input, read by one thread. Chunks are numbered in
/// input order, so chunk order is file order.
struct Chunk {
  std::uint32_t input = 0;
  std::uint64_t begin = 0;
  std::uint64_t end = 0;  // UINT64_MAX: to the end (a stream)
};

class Inputs {
 public:
  /// Opens `paths` ("-" or none: standard input). With `spool_stdin`, a
  /// standard input that is not a regular file is first copied to an
  /// unlinked temporary file, so that it can be reread and cut.
  Inputs(const std::vector<std::string>& paths, bool spool_stdin);
  ~Inputs();
  Inputs(const Inputs&) = delete;
  Inputs& operator=(const Inputs&) = delete;

  const std::vector<Input>& list() const { return inputs_; }
  /// Cites the only input as `name`, its first line as `first_line`: a
  /// part of a split file then cites the whole file's places.
  void cite_as(const std::string& name, std::uint64_t first_line);
  bool all_seekable() const;

  /// About `parts` chunks of similar size (at least `min_bytes` each);
  /// streams are one chunk each.
  std::vector<Chunk> plan(unsigned parts, std::uint64_t min_bytes = std::uint64_t{1} << 20) const;
  /// A reader of one chunk. A chunk that starts a file numbers its lines
  /// from 1; any other from 2, which only keeps LineReader from looking for
  /// a byte-order mark there: callers count lines per chunk themselves.
  std::unique_ptr<io::LineReader> open(const Chunk& chunk) const;

  /// The `ts` of the last valid JSON line of every seekable input that has
  /// one (the newest event when inputs are in time order, as gen-events
  /// writes them); nullopt when none has.
  std::optional<std::int64_t> last_ts_guess(const std::string& ts_field) const;

 private:
  std::uint64_t next_line_start(const Input& in, std::uint64_t at) const;
  std::vector<Input> inputs_;
};

}  // namespace socred::score
