// One reading of an input's chunks, possibly on threads: each chunk counts
// its lines and keeps its bad lines apart, and settle() hands them on in
// input order, so that the totals, the --on-error file and the first error
// are those a single reader would give, for any number of threads.
#pragma once

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "io/chunked_input.hpp"
#include "io/record_reader.hpp"
#include "io/rejects.hpp"

namespace socred::io {

class ChunkedRead {
 public:
  ChunkedRead(const ChunkedInput& input, std::vector<Chunk> chunks, Rejects& rejects);
  ~ChunkedRead();
  ChunkedRead(const ChunkedRead&) = delete;
  ChunkedRead& operator=(const ChunkedRead&) = delete;

  const ChunkedInput& input() const { return input_; }
  std::uint32_t size() const { return static_cast<std::uint32_t>(chunks_.size()); }
  std::uint32_t input_of(std::uint32_t chunk) const { return chunks_[chunk].input; }

  /// A reader of chunk `c`, its records numbered from 1 within the chunk.
  /// Under --on-error stop it ends at the chunk's first bad line; it also
  /// ends early once an earlier chunk has stopped. One thread per chunk.
  std::unique_ptr<RecordReader> reader(std::uint32_t c);
  /// True when chunk `c`'s work is moot: an earlier chunk stopped at a bad
  /// line, or abandon() was called.
  bool moot(std::uint32_t c) const;
  /// Every reader ends soon (a thread failed).
  void abandon() { abandoned_.store(true, std::memory_order_relaxed); }
  /// True when some chunk stopped at a bad line (--on-error stop).
  bool stopped() const { return first_stopped_.load() != UINT32_MAX; }
  /// True when chunk `c` is the first that stopped at a bad line: what a
  /// single reader writes ends inside it.
  bool stopped_at(std::uint32_t c) const { return first_stopped_.load() == c; }

  /// The input's line number of line `line` of chunk `c`, once the chunks
  /// before `c` have been read (before settle).
  std::uint64_t input_line(std::uint32_t c, std::uint64_t line);
  /// Adds the chunks' counts to `stats` and copies their bad lines to the
  /// --on-error file, in input order; under stop, throws the first bad
  /// line's Error with its line number in its input.
  void settle(LineStats& stats);

 private:
  // One chunk's share of the reject path.
  class Share final : public RejectSink {
   public:
    Share(ChunkedRead& owner, std::uint32_t chunk) : owner_(owner), chunk_(chunk) {}
    ~Share();
    bool reject(const std::string& file, const Line& line, std::uint64_t column,
                const std::string& message, LineStats& stats) override;
    bool abandoned() const override { return owner_.moot(chunk_); }

    LineStats stats;
    bool stopped = false;  // at line `line`, column `column`, with `message`
    std::uint64_t line = 0, column = 0;
    std::string message;
    std::string copies;            // bad lines for the file, newline-terminated
    std::FILE* spilled = nullptr;  // ... and those before them, past a MiB

   private:
    ChunkedRead& owner_;
    std::uint32_t chunk_;
  };

  void line_offsets();

  const ChunkedInput& input_;
  std::vector<Chunk> chunks_;
  Rejects& rejects_;
  std::vector<std::unique_ptr<Share>> shares_;
  std::vector<std::uint64_t> start_;  // the input's number of each chunk's first line
  std::atomic<std::uint32_t> first_stopped_{UINT32_MAX};
  std::atomic<bool> abandoned_{false};
};

}  // namespace socred::io
