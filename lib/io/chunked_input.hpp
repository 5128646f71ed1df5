// Inputs read by several threads at once: every named input opened up front
// (a missing one is 66 before any output), streams and compressed files
// spooled (decoded) to an unlinked temporary file when the run must read
// them twice, and plain files cut into byte ranges at line boundaries, one
// reader per range.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "io/input_file.hpp"
#include "io/line_reader.hpp"
#include "io/record_reader.hpp"

namespace socred::io {

/// A byte range of one input, read by one thread. Chunks are numbered in
/// input order, so chunk order is input order.
struct Chunk {
  std::uint32_t input = 0;
  std::uint64_t begin = 0;
  std::uint64_t end = 0;  // UINT64_MAX: to the end (a stream)
};

class ChunkedInput {
 public:
  /// Opens `paths` ("-" or none: standard input). With `spool_streams`,
  /// every input that is not a plain regular file (standard input, a pipe,
  /// a FIFO, `<(...)`, a gzip or zstd file) is first copied, decompressed,
  /// to an unlinked temporary file, so that it can be reread and cut;
  /// without, such an input is one chunk, read once.
  ChunkedInput(const std::vector<std::string>& paths, bool spool_streams);
  ~ChunkedInput();
  ChunkedInput(const ChunkedInput&) = delete;
  ChunkedInput& operator=(const ChunkedInput&) = delete;

  std::uint32_t size() const { return static_cast<std::uint32_t>(inputs_.size()); }
  const std::string& name(std::uint32_t input) const { return inputs_[input].file.name; }
  /// Lines of the whole file before the input's first (--first-line N: N-1).
  std::uint64_t lines_before(std::uint32_t input) const { return inputs_[input].lines_before; }
  /// Cites the only input as `name`, its first line as `first_line`: a
  /// part of a split file then cites the whole file's places.
  void cite_as(const std::string& name, std::uint64_t first_line);

  /// About `parts` chunks of similar size (at least `min_bytes` each);
  /// streams are one chunk each.
  std::vector<Chunk> plan(unsigned parts, std::uint64_t min_bytes = std::uint64_t{1} << 20) const;
  /// A reader of one chunk. Each call opens its own file description, so
  /// readers on threads do not share an offset. A stream or a compressed
  /// file is one chunk, read once and decompressed as it is read.
  std::unique_ptr<LineReader> open(const Chunk& chunk) const;
  /// The number the chunk's reader gives its first line: the input's own
  /// for a chunk that starts it, 1 for any other (ChunkedRead makes those
  /// the input's once the chunks before are counted).
  std::uint64_t first_line(const Chunk& chunk) const;
  /// Every input whole, in order, numbered as cited (one pass on one thread).
  std::unique_ptr<RecordReader> sequential(RejectSink& rejects, LineStats& stats) const;

  /// Up to the last `max_bytes` of a file (empty for a stream); `whole` is
  /// set when that is the entire file.
  std::string tail(std::uint32_t input, std::size_t max_bytes, bool& whole) const;

 private:
  struct Opened {
    InputFile file;
    bool seekable = false;  // a plain regular file, or a spool: can be cut
    std::uint64_t lines_before = 0;
  };
  std::uint64_t next_line_start(const Opened& in, std::uint64_t at) const;
  std::unique_ptr<LineReader> open(const Chunk& chunk, std::uint64_t first_line) const;
  std::vector<Opened> inputs_;
};

}  // namespace socred::io
