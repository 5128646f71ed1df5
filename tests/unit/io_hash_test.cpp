#include "catch.hpp"
#include "io/hash.hpp"

using namespace socred::io;

TEST_CASE("FNV-1a 64 matches the published test vectors", "[io]") {
  CHECK(Fnv1a().value() == 0xcbf29ce484222325ULL);
  CHECK(fnv1a64("") == 0xcbf29ce484222325ULL);
  CHECK(fnv1a64("a") == 0xaf63dc4c8601ec8cULL);
  CHECK(fnv1a64("foobar") == 0x85944171f73967e8ULL);
  CHECK(Fnv1a().add("foo").add("bar").value() == fnv1a64("foobar"));
  Fnv1a prefix;
  prefix.add("foo");
  Fnv1a copy = prefix;  // a copy carries the state
  CHECK(copy.add("bar").value() == fnv1a64("foobar"));
  CHECK(prefix.value() == fnv1a64("foo"));
}

TEST_CASE("hex64 is 16 lower-case digits", "[io]") {
  CHECK(hex64(0xaf63dc4c8601ec8cULL) == "af63dc4c8601ec8c");
  CHECK(hex64(1) == "0000000000000001");
  std::string s = "id=";
  append_hex64(s, ~0ULL);
  CHECK(s == "id=ffffffffffffffff");
}

TEST_CASE("SplitMix64 gives the published stream", "[io]") {
  // Vigna's splitmix64.c from state 0.
  std::uint64_t state = 0;
  CHECK(splitmix64(state) == 0xe220a8397b1dcdafULL);
  CHECK(splitmix64(state) == 0x6e789e6aa1b965f4ULL);
  CHECK(splitmix64(state) == 0x06c45d188009454fULL);
  CHECK(mix64(0) == 0);
  state = 1234567;
  CHECK(splitmix64(state) == 6457827717110365317ULL);
  CHECK(splitmix64(state) == 3203168211198807973ULL);
}

TEST_CASE("stream_seed: the seed times the FNV prime plus the stream", "[io]") {
  // Pinned: linkage samples drawn with it must not move.
  CHECK(stream_seed(0, 5) == 5);
  CHECK(stream_seed(42, 0) == 42 * 0x100000001b3ULL);
  CHECK(stream_seed(42, 3) == 42 * 0x100000001b3ULL + 3);
  CHECK(stream_seed(~0ULL, 1) == (~0ULL) * 0x100000001b3ULL + 1);
}
