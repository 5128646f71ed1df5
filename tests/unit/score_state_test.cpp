#include <algorithm>
#include <set>

#include "catch.hpp"
#include "score/person_table.hpp"
#include "score/state.hpp"
#include "score/totals.hpp"
#include "score_stand_in.hpp"

using namespace socred::score;
using score_test::rule;

TEST_CASE("the person table keeps every key and its first-sight index", "[score]") {
  PersonTable table;
  std::vector<std::string> keys;
  for (int i = 0; i < 100000; ++i) keys.push_back("p" + std::to_string(i * 7919 % 100003));
  for (std::size_t i = 0; i < keys.size(); ++i) REQUIRE(table.intern(keys[i]) == i);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    REQUIRE(table.find(keys[i]) == i);
    REQUIRE(table.key(static_cast<std::uint32_t>(i)) == keys[i]);
  }
  CHECK(table.intern(keys[5]) == 5);
  CHECK(table.find("nobody") == UINT32_MAX);
  CHECK(table.size() == keys.size());
  CHECK(table.intern("") == keys.size());  // the empty key is a key too
}

namespace {
RuleSet rules_with_cap() {
  RuleSet set;
  set.rules.push_back(rule("plain"));
  auto capped = rule("capped");
  capped.cap = socred::rules::Cap{-50000, 30};  // at most -50 per 30 days
  set.rules.push_back(capped);
  auto up = rule("up");
  up.cap = socred::rules::Cap{30000, 0};  // in total
  set.rules.push_back(up);
  return set;
}
}  // namespace

TEST_CASE("caps apply to each calendar period's sum, at the end", "[score]") {
  RuleSet set = rules_with_cap();
  State state(set, 0);
  auto p = state.person("p1");
  auto shop = state.source("shop"), court = state.source("court");
  state.add(p, 0, shop, kNoPeriod, 7000);
  state.add(p, 0, court, kNoPeriod, -2000);  // a second source for the slab rule
  state.add(p, 1, court, 100, -40000);
  state.add(p, 1, court, 100, -40000);  // period 100: -80 capped to -50
  state.add(p, 1, shop, 101, -20000);   // period 101: -20, under the cap
  state.add(p, 2, shop, 0, 25000);
  state.add(p, 2, shop, 0, 25000);  // in total: 50 capped to 30
  TotalsBuilder totals(state);
  Totals t;
  totals.compute(p, t);
  CHECK(t.by_rule == std::vector<Milli>{5000, -70000, 30000});
  CHECK(t.hit == std::vector<char>{1, 1, 1});
  // shop: 7 - 20 + 30; court: -2 - 50
  CHECK(t.by_source[shop] == 17000);
  CHECK(t.by_source[court] == -52000);
  CHECK(t.own == -35000);
}

TEST_CASE("a capped period shared by two sources keeps the sources adding up", "[score]") {
  RuleSet set = rules_with_cap();
  State state(set, 0);
  auto p = state.person("p1");
  auto a = state.source("a"), b = state.source("b");
  state.add(p, 1, a, 7, -60000);
  state.add(p, 1, b, 7, -30000);  // -90 capped to -50: a -33.333, b -16.666, remainder to a
  TotalsBuilder totals(state);
  Totals t;
  totals.compute(p, t);
  CHECK(t.by_rule[1] == -50000);
  CHECK(t.by_source[a] + t.by_source[b] == -50000);
  CHECK(t.by_source[a] == -33334);
  CHECK(t.by_source[b] == -16666);
}

TEST_CASE("explain keeps the top N by |points| then id", "[score]") {
  RuleSet set = rules_with_cap();
  State state(set, 3);
  auto p = state.person("p1");
  auto offer = [&](const char* id, Milli points, std::uint64_t line) {
    ExplainEntry e;
    e.id = id;
    e.has_id = true;
    e.points = points;
    e.line = line;
    state.offer(p, std::move(e));
  };
  offer("e5", 1000, 5);
  offer("e4", -3000, 4);
  offer("e3", 3000, 3);
  offer("e2", 500, 2);
  offer("e1", 1000, 1);
  std::size_t n;
  const ExplainEntry* top = state.explained(p, n);
  REQUIRE(n == 3);
  CHECK(top[0].id == "e3");
  CHECK(top[1].id == "e4");
  CHECK(top[2].id == "e1");
}

TEST_CASE("merging states equals adding everything into one", "[score]") {
  RuleSet set = rules_with_cap();
  State one(set, 2), left(set, 2), right(set, 2);
  for (State* s : {&one, &left, &right}) s->input("events.jsonl");
  struct Add {
    const char* person;
    const char* source;
    std::uint32_t rule;
    std::int64_t period;
    Milli points;
  };
  std::vector<Add> adds;
  for (int i = 0; i < 200; ++i)
    adds.push_back(Add{i % 3 == 0 ? "p1" : (i % 3 == 1 ? "p2" : "p3"), i % 4 == 0 ? "x" : "y",
                       static_cast<std::uint32_t>(i % 3), i % 3 == 0 ? kNoPeriod : i % 5,
                       (i * 37 % 101 - 50) * 100});
  for (std::size_t i = 0; i < adds.size(); ++i) {
    for (State* s : {&one, i % 2 == 0 ? &left : &right}) {
      auto p = s->person(adds[i].person);
      s->count_events(p, 1);
      s->add(p, adds[i].rule, s->source(adds[i].source), adds[i].period, adds[i].points);
      ExplainEntry e;
      e.id = "e" + std::to_string(1000 + i);
      e.has_id = true;
      e.points = adds[i].points;
      e.rule = adds[i].rule;
      s->offer(p, std::move(e));
    }
  }
  // The right side first: merge order cannot matter.
  right.merge(left);
  TotalsBuilder a(one), b(right);
  REQUIRE(a.order().size() == b.order().size());
  Totals ta, tb;
  for (std::size_t i = 0; i < a.order().size(); ++i) {
    auto pa = a.order()[i], pb = b.order()[i];
    CHECK(one.persons().key(pa) == right.persons().key(pb));
    CHECK(one.events(pa) == right.events(pb));
    a.compute(pa, ta);
    b.compute(pb, tb);
    CHECK(ta.by_rule == tb.by_rule);
    CHECK(ta.own == tb.own);
    std::size_t na, nb;
    const ExplainEntry* ea = one.explained(pa, na);
    const ExplainEntry* eb = right.explained(pb, nb);
    REQUIRE(na == nb);
    for (std::size_t k = 0; k < na; ++k) CHECK(ea[k].id == eb[k].id);
  }
}
