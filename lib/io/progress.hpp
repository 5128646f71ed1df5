// Progress on stderr for long runs: lines and megabytes so far, redrawn in
// place at most a few times a second. One per process, because stderr is:
// the runner switches it on (stderr is a terminal, or --progress) and the
// readers and writers tick it, so no tool has to thread it through.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace socred::io {

class Progress {
 public:
  /// The process's meter; off until enable().
  static Progress& get();

  void enable(std::string tool);
  bool enabled() const { return enabled_; }

  /// Counts `lines` more lines of `bytes` bytes; cheap when off, and when on
  /// it looks at the clock only every 4096 lines or 256 KiB (a writer ticks
  /// once per block of many lines, a reader once per batch of lines).
  void tick(std::uint64_t lines, std::uint64_t bytes) {
    if (!enabled_) return;
    lines_ += lines;
    bytes_ += bytes;
    if (lines_ - clocked_lines_ >= 4096 || bytes_ - clocked_bytes_ >= (256u << 10)) {
      clocked_lines_ = lines_;
      clocked_bytes_ = bytes_;
      maybe_draw();
    }
  }
  /// The same from any thread (readers of chunks on threads).
  void tick_shared(std::uint64_t lines, std::uint64_t bytes);
  /// Erases the meter line (before the final messages).
  void finish();

 private:
  void maybe_draw();

  bool enabled_ = false;
  bool drawn_ = false;
  std::string tool_;
  std::uint64_t lines_ = 0, bytes_ = 0, clocked_lines_ = 0, clocked_bytes_ = 0;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace socred::io
