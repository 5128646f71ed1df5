// Runs work over numbered chunks on several threads and hands each chunk's
// result to the calling thread in chunk order, so output and sums come out
// the same whatever the thread count. Workers stay at most a window of
// chunks ahead, so memory holds a few chunks' results, not all of them.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace socred::io {

/// work(chunk, result) runs on a worker; consume(chunk, result) on the
/// caller, chunks 0, 1, 2... in order. An exception from either stops all
/// threads and is rethrown here.
template <typename Result>
void ordered_parallel(std::size_t chunks, unsigned threads,
                      const std::function<void(std::size_t, Result&)>& work,
                      const std::function<void(std::size_t, Result&)>& consume) {
  if (threads <= 1 || chunks <= 1) {
    for (std::size_t c = 0; c < chunks; ++c) {
      Result r{};
      work(c, r);
      consume(c, r);
    }
    return;
  }
  const std::size_t window = 4 * static_cast<std::size_t>(threads);
  std::mutex mutex;
  std::condition_variable changed;
  std::map<std::size_t, Result> done;
  std::size_t next_chunk = 0, next_consumed = 0;
  bool stop = false;
  std::exception_ptr failure;
  auto worker = [&] {
    for (;;) {
      std::size_t c;
      {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] {
          return stop || next_chunk >= chunks || next_chunk < next_consumed + window;
        });
        if (stop || next_chunk >= chunks) return;
        c = next_chunk++;
      }
      Result r{};
      try {
        work(c, r);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mutex);
        if (!failure) failure = std::current_exception();
        stop = true;
        changed.notify_all();
        return;
      }
      std::lock_guard<std::mutex> lock(mutex);
      done.emplace(c, std::move(r));
      changed.notify_all();
    }
  };
  std::vector<std::thread> pool;
  const unsigned n = static_cast<unsigned>(std::min<std::size_t>(threads, chunks));
  for (unsigned t = 0; t < n; ++t) pool.emplace_back(worker);
  try {
    while (next_consumed < chunks) {
      Result r;
      {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] { return stop || done.count(next_consumed) > 0; });
        if (stop) break;
        auto it = done.find(next_consumed);
        r = std::move(it->second);
        done.erase(it);
      }
      consume(next_consumed, r);
      std::lock_guard<std::mutex> lock(mutex);
      ++next_consumed;
      changed.notify_all();
    }
  } catch (...) {
    std::lock_guard<std::mutex> lock(mutex);
    if (!failure) failure = std::current_exception();
    stop = true;
    changed.notify_all();
  }
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace socred::io
