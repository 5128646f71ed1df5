#include "catch.hpp"
#include "io/error.hpp"
#include "io/hash.hpp"
#include "join/partition.hpp"

using namespace socred::join;

TEST_CASE("partition i/N counts from 1 and rejects nonsense", "[join]") {
  CHECK_NOTHROW(Partition::parse("1/1"));
  CHECK_NOTHROW(Partition::parse("4/4"));
  for (const char* bad : {"0/4", "5/4", "1/0", "1", "a/b", "1/2x", "/2", "-1/2"})
    CHECK_THROWS_AS(Partition::parse(bad), socred::Error);
}

TEST_CASE("the N partitions of a key set are disjoint and cover it", "[join]") {
  std::vector<Partition> parts;
  for (int i = 1; i <= 3; ++i) parts.push_back(Partition::parse(std::to_string(i) + "/3"));
  int per_part[3] = {0, 0, 0};
  for (int k = 0; k < 3000; ++k) {
    std::uint64_t h = socred::io::fnv1a64("\"p" + std::to_string(k) + "\"");
    int owners = 0;
    for (int i = 0; i < 3; ++i) {
      if (parts[i].keeps(h)) {
        ++owners;
        ++per_part[i];
      }
    }
    CHECK(owners == 1);
  }
  for (int n : per_part) CHECK(n > 800);  // roughly even
  CHECK(parts[0].keeps_keyless());
  CHECK_FALSE(parts[1].keeps_keyless());
  // The documented rule, checked on one key: FNV-1a 64 of "\"p0000042\"" mod N.
  std::uint64_t h = socred::io::fnv1a64("\"p0000042\"");
  CHECK(Partition::parse(std::to_string(h % 7 + 1) + "/7").keeps(h));
}
