#include <sched.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "catch.hpp"
#include "io/ordered_parallel.hpp"
#include "io/threads.hpp"

using namespace socred::io;

TEST_CASE("default_threads is the processors this process may run on", "[io]") {
  cpu_set_t set;
  REQUIRE(sched_getaffinity(0, sizeof set, &set) == 0);
  CHECK(default_threads() == static_cast<unsigned>(CPU_COUNT(&set)));
  CHECK(threads_or_default(3) == 3);
  CHECK(threads_or_default(0) == default_threads());
  // Pinned to one processor, the default follows.
  cpu_set_t one;
  CPU_ZERO(&one);
  for (int c = 0; c < CPU_SETSIZE; ++c) {
    if (CPU_ISSET(c, &set)) {
      CPU_SET(c, &one);
      break;
    }
  }
  REQUIRE(sched_setaffinity(0, sizeof one, &one) == 0);
  CHECK(default_threads() == 1);
  REQUIRE(sched_setaffinity(0, sizeof set, &set) == 0);
}

TEST_CASE("ordered_parallel hands results over in chunk order, on any thread count", "[io]") {
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    std::vector<std::size_t> order;
    std::string joined;
    ordered_parallel<std::string>(
        100, threads,
        [](std::size_t chunk, std::string& out) {
          // Later chunks finish first, so order must come from the pool.
          if (chunk % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
          out = std::to_string(chunk * chunk);
        },
        [&](std::size_t chunk, std::string& result) {
          order.push_back(chunk);
          joined += result + ",";
        });
    REQUIRE(order.size() == 100);
    for (std::size_t i = 0; i < order.size(); ++i) CHECK(order[i] == i);
    CHECK(joined.rfind("0,1,4,9,", 0) == 0);
  }
}

TEST_CASE("ordered_parallel rethrows a worker's or the consumer's exception", "[io]") {
  for (unsigned threads : {1u, 4u}) {
    CHECK_THROWS_WITH(ordered_parallel<int>(
                          50, threads,
                          [](std::size_t chunk, int&) {
                            if (chunk == 17) throw std::runtime_error("chunk 17");
                          },
                          [](std::size_t, int&) {}),
                      "chunk 17");
    std::size_t consumed = 0;
    CHECK_THROWS_WITH(ordered_parallel<int>(
                          50, threads, [](std::size_t, int&) {},
                          [&](std::size_t chunk, int&) {
                            ++consumed;
                            if (chunk == 5) throw std::runtime_error("consumer");
                          }),
                      "consumer");
    CHECK(consumed == 6);
  }
}
