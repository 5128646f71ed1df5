#include <set>

#include "catch.hpp"
#include "link/blocking.hpp"
#include "link_test_util.hpp"

using namespace socred::link;

// Test data as adjacent literals, one JSON line each: kept as written.
// clang-format off
namespace {

const char* kPeople =
    R"({"id":1,"name":"wang fang","year":1985,"city":"hangzhou"})"
    "\n"
    R"({"id":2,"name":"wang fang","year":1990,"city":"beijing"})"
    "\n"
    R"({"id":3,"name":"li na","year":1985,"city":"hangzhou"})"
    "\n"
    R"({"id":4,"name":"wang fang","year":1985,"city":"shanghai"})"
    "\n"
    R"({"id":5,"name":null,"year":1985,"city":"hangzhou"})"
    "\n";

std::vector<BlockingRule> rules(std::initializer_list<const char*> texts) {
  std::vector<BlockingRule> out;
  for (const char* t : texts) out.push_back(parse_blocking_rule(t));
  return out;
}

std::set<std::pair<int, int>> pairs(const Blocking& b, const Side& left) {
  std::set<std::pair<int, int>> out;
  for (std::uint32_t i = 0; i < left.size; ++i)
    b.for_each_candidate(i, [&](std::uint32_t j, std::size_t) {
      auto inserted = out.emplace(static_cast<int>(i + 1), static_cast<int>(j + 1)).second;
      CHECK(inserted);  // every pair comes once
    });
  return out;
}

}  // namespace

TEST_CASE("dedupe blocking: pair counts per rule and OR-ed", "[link]") {
  std::vector<Comparison> none;
  auto r = rules({"name", "year"});
  Side side = test::load(kPeople, none, r);
  Blocking b(r.size(), side, side, true);
  auto counts = b.counts();
  CHECK(counts[0].pairs == 3);  // wang fang x3 -> 3 pairs; null name: none
  CHECK(counts[1].pairs == 6);  // 1985 x4 -> 6 pairs
  CHECK(counts[1].largest == 6);
  CHECK(counts[1].largest_key == "1985");
  // OR: {1,2},{1,4},{2,4} by name; by year {1,3},{1,4},{1,5},{3,4},{3,5},{4,5};
  // {1,4} only once.
  auto p = pairs(b, side);
  CHECK(p == std::set<std::pair<int, int>>{{1, 2}, {1, 4}, {2, 4}, {1, 3}, {1, 5}, {3, 4}, {3, 5}, {4, 5}});
}

TEST_CASE("link blocking: left records find right ones by key", "[link]") {
  std::vector<Comparison> none;
  auto r = rules({"name,year", "city"});
  Side right = test::load(kPeople, none, r, true);
  Side left = test::load(R"({"id":"a","name":"Wang Fang","year":1985,"city":"x"})"
                         "\n"
                         R"({"id":"b","name":"zhou","year":1985,"city":"hangzhou"})"
                         "\n",
                         none, r);
  Blocking b(r.size(), left, right, false);
  auto counts = b.counts();
  CHECK(counts[0].pairs == 2);  // a: wang fang 1985 -> 1 and 4
  CHECK(counts[1].pairs == 3);  // b: hangzhou -> 1, 3, 5
  CHECK(pairs(b, left) == std::set<std::pair<int, int>>{{1, 1}, {1, 4}, {2, 1}, {2, 3}, {2, 5}});
}

TEST_CASE("a huge block is counted without walking it", "[link]") {
  std::vector<Comparison> none;
  auto r = rules({"city"});
  std::string lines;
  for (int i = 0; i < 3000; ++i) lines += R"({"id":)" + std::to_string(i) + R"(,"city":"same"})" "\n";
  Side side = test::load(lines, none, r);
  Blocking b(r.size(), side, side, true);
  CHECK(b.counts()[0].pairs == 3000ULL * 2999 / 2);
}
// clang-format on
