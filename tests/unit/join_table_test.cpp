#include "catch.hpp"
#include "join/partition.hpp"
#include "join/table.hpp"

using namespace socred::join;

TEST_CASE("records with one key come back in the order added", "[join]") {
  Table t;
  t.add(0, "\"a\"", fnv1a64("\"a\""), "r0");
  t.add(1, "\"b\"", fnv1a64("\"b\""), "r1");
  t.add(2, "\"a\"", fnv1a64("\"a\""), "r2");
  t.add_keyless(3, "r3");
  std::uint32_t e = t.find("\"a\"", fnv1a64("\"a\""));
  REQUIRE(e != Table::kNone);
  CHECK(t.entry(e).payload_text() == "r0");
  e = t.entry(e).next;
  REQUIRE(e != Table::kNone);
  CHECK(t.entry(e).payload_text() == "r2");
  CHECK(t.entry(e).next == Table::kNone);
  CHECK(t.find("\"c\"", fnv1a64("\"c\"")) == Table::kNone);
  CHECK(t.size() == 4);
  CHECK(t.entries()[3].keyless);
}

TEST_CASE("a hash collision does not confuse two keys", "[join]") {
  Table t;
  t.add(0, "x", 42, "first");
  t.add(1, "y", 42, "second");
  CHECK(t.entry(t.find("x", 42)).payload_text() == "first");
  CHECK(t.entry(t.find("y", 42)).payload_text() == "second");
  CHECK(t.find("z", 42) == Table::kNone);
}

TEST_CASE("many keys, big payloads, and clear", "[join]") {
  Table t;
  std::string big(3 << 20, 'x');  // larger than one arena chunk
  for (int i = 0; i < 100000; ++i) {
    std::string k = std::to_string(i);
    t.add(static_cast<std::uint64_t>(i), k, fnv1a64(k), i == 500 ? big : k);
  }
  for (int i = 0; i < 100000; i += 997) {
    std::string k = std::to_string(i);
    std::uint32_t e = t.find(k, fnv1a64(k));
    REQUIRE(e != Table::kNone);
    CHECK(t.entry(e).seq == static_cast<std::uint64_t>(i));
  }
  CHECK(t.entry(t.find("500", fnv1a64("500"))).payload_text().size() == big.size());
  CHECK(t.bytes() > big.size());
  t.clear();
  CHECK(t.size() == 0);
  CHECK(t.bytes() < 4096);
  CHECK(t.find("1", fnv1a64("1")) == Table::kNone);
}
