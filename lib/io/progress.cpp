// The stderr progress meter.
#include "io/progress.hpp"

#include <cstdio>
#include <mutex>

namespace socred::io {

Progress& Progress::get() {
  static Progress meter;
  return meter;
}

void Progress::enable(std::string tool) {
  enabled_ = true;
  tool_ = std::move(tool);
  start_ = last_ = std::chrono::steady_clock::now();
}

void Progress::tick_shared(std::uint64_t lines, std::uint64_t bytes) {
  if (!enabled_) return;
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  tick(lines, bytes);
}

void Progress::maybe_draw() {
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(250)) return;
  last_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  std::fprintf(stderr, "\r%s: %llu lines, %.1f MB, %.1f MB/s ", tool_.c_str(),
               static_cast<unsigned long long>(lines_), bytes_ / 1e6,
               secs > 0 ? bytes_ / 1e6 / secs : 0.0);
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::finish() {
  if (!drawn_) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace socred::io
