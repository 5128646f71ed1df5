// sched_getaffinity first; hardware_concurrency where the mask is unknown.
#include "io/threads.hpp"

#include <sched.h>

#include <thread>

namespace socred::io {

unsigned default_threads() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) {
    const int n = CPU_COUNT(&set);
    if (n > 0) return static_cast<unsigned>(n);
  }
  const unsigned n = std::thread::hardware_concurrency();
  return n > 0 ? n : 1;
}

}  // namespace socred::io
