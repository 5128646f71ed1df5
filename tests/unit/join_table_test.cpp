#include "catch.hpp"
#include "io/hash.hpp"
#include "join/partition.hpp"
#include "join/table.hpp"

using namespace socred::join;

TEST_CASE("records with one key come back in the order added", "[join]") {
  Table t;
  t.add(0, "\"a\"", socred::io::fnv1a64("\"a\""), "r0");
  t.add(1, "\"b\"", socred::io::fnv1a64("\"b\""), "r1");
  t.add(2, "\"a\"", socred::io::fnv1a64("\"a\""), "r2");
  t.add_keyless(3, "r3");
  Table::Entry* e = t.find("\"a\"", socred::io::fnv1a64("\"a\""));
  REQUIRE(e != nullptr);
  CHECK(e->payload_text() == "r0");
  CHECK(e->key_text() == "\"a\"");
  e = e->next;
  REQUIRE(e != nullptr);
  CHECK(e->payload_text() == "r2");
  CHECK(e->next == nullptr);
  CHECK(t.find("\"c\"", socred::io::fnv1a64("\"c\"")) == nullptr);
  CHECK(t.size() == 4);
  CHECK(t.entries()[3]->keyless);
  CHECK(t.entries()[3]->seq == 3);
}

TEST_CASE("a hash collision does not confuse two keys", "[join]") {
  Table t;
  t.add(0, "x", 42, "first");
  t.add(1, "y", 42, "second");
  CHECK(t.find("x", 42)->payload_text() == "first");
  CHECK(t.find("y", 42)->payload_text() == "second");
  CHECK(t.find("z", 42) == nullptr);
}

TEST_CASE("many keys, big payloads, and clear", "[join]") {
  Table t;
  std::string big(3 << 20, 'x');  // larger than one arena chunk
  for (int i = 0; i < 100000; ++i) {
    std::string k = std::to_string(i);
    t.add(static_cast<std::uint64_t>(i), k, socred::io::fnv1a64(k), i == 500 ? big : k);
  }
  for (int i = 0; i < 100000; i += 997) {
    std::string k = std::to_string(i);
    Table::Entry* e = t.find(k, socred::io::fnv1a64(k));
    REQUIRE(e != nullptr);
    CHECK(e->seq == static_cast<std::uint64_t>(i));
    CHECK(e->payload_text() == (i == 500 ? big : k));
  }
  CHECK(t.bytes() > big.size());
  t.clear();
  CHECK(t.size() == 0);
  CHECK(t.bytes() < 4096);
  CHECK(t.find("1", socred::io::fnv1a64("1")) == nullptr);
}
