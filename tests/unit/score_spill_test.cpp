#include "catch.hpp"
#include "score/score_writer.hpp"
#include "score/spill.hpp"
#include "score/state.hpp"
#include "score/totals.hpp"
#include "score_stand_in.hpp"

using namespace socred::score;
using score_test::rule;

namespace {

// A graph over state persons 0..n-1 from undirected pairs.
Graph graph_of(std::uint32_t n, std::vector<std::pair<std::uint32_t, std::uint32_t>> edges) {
  Graph g;
  std::vector<std::vector<std::uint32_t>> adj(n);
  for (auto [a, b] : edges) {
    adj[a].push_back(b);
    adj[b].push_back(a);
  }
  g.offsets.push_back(0);
  for (auto& list : adj) {
    std::sort(list.begin(), list.end());
    g.targets.insert(g.targets.end(), list.begin(), list.end());
    g.offsets.push_back(g.targets.size());
  }
  return g;
}

RuleSet spilling(int hops, double share, double decay) {
  RuleSet set;
  auto r = rule("critic");
  r.spill = socred::rules::Spill{share, hops, decay, std::nullopt};
  set.rules.push_back(r);
  return set;
}

}  // namespace

TEST_CASE("spill reaches each person once, at the shortest distance, with decay", "[score]") {
  RuleSet set = spilling(3, 0.5, 0.5);
  State state(set, 2);
  state.input("events.jsonl");
  for (const char* key : {"a", "b", "c", "d", "e", "f"}) state.person(key);
  // a-b-c-d-e in a chain, and a cycle b-f-c: c is 2 hops from a (3 through f).
  Graph g = graph_of(6, {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {1, 5}, {5, 2}});
  auto src = state.source("social");
  state.add(0, 0, src, kNoPeriod, -8000);
  ExplainEntry e;
  e.id = "e1";
  e.has_id = true;
  e.line = 7;
  e.points = -8000;
  state.offer_spill_top(0, 0, e);
  TotalsBuilder totals(state);
  SpillResult spill(state, totals, g);
  CHECK(spill.total(0) == 0);      // never to oneself
  CHECK(spill.total(1) == -4000);  // hop 1: x 0.5
  CHECK(spill.total(5) == -2000);  // f: hop 2
  CHECK(spill.total(2) == -2000);  // hop 2: x 0.25, once although two paths
  CHECK(spill.total(3) == -1000);  // hop 3
  CHECK(spill.total(4) == 0);      // beyond the hops
  CHECK_FALSE(spill.hit(4, 0));
  const FriendShare& d = spill.share(3, 0);
  CHECK(d.friends == 1);
  CHECK(d.top == 0);
  CHECK(d.top_hops == 3);
  auto item = [&](std::uint32_t p) {
    return SpilledItem{0, spill.by_rule(p, 0), spill.share(p, 0), state.spill_top(0, 0)};
  };
  CHECK(spilled_text(state, item(3)) == "-1: critic by a, 3 hops away (events.jsonl:7)");
  CHECK(spilled_text(state, item(1)) == "-4: critic by friend a (events.jsonl:7)");
  CHECK(spilled_text(state, item(2)) == "-2: critic by a, a friend of a friend (events.jsonl:7)");
}

TEST_CASE("spilled points are rounded once per friend, half away from zero", "[score]") {
  RuleSet set = spilling(1, 0.3, 1);
  State state(set, 0);
  for (const char* key : {"a", "b", "c"}) state.person(key);
  Graph g = graph_of(3, {{0, 2}, {1, 2}});
  auto src = state.source("s");
  state.add(0, 0, src, kNoPeriod, -5);  // -1.5 thousandths -> -2
  state.add(1, 0, src, kNoPeriod, -5);
  TotalsBuilder totals(state);
  SpillResult spill(state, totals, g);
  CHECK(spill.total(2) == -4);  // two roundings of -1.5, not one of -3
}

TEST_CASE("spilled_by counts the friends and keeps the largest giver", "[score]") {
  RuleSet set = spilling(1, 0.5, 1);
  State state(set, 0);
  for (const char* key : {"c", "b", "a", "d"}) state.person(key);
  // a, b and c are friends of d; b and c give the same, a less.
  Graph g = graph_of(4, {{0, 3}, {1, 3}, {2, 3}});
  auto src = state.source("s");
  state.add(0, 0, src, kNoPeriod, -6000);
  state.add(1, 0, src, kNoPeriod, -6000);
  state.add(2, 0, src, kNoPeriod, -2000);
  TotalsBuilder totals(state);
  SpillResult spill(state, totals, g);
  const FriendShare& d = spill.share(3, 0);
  CHECK(d.friends == 3);
  CHECK(state.persons().key(d.top) == "b");  // a tie between b and c: the smaller key
  CHECK(d.top_points == -3000);
  CHECK(spill.by_rule(3, 0) == -7000);
  SpilledItem item{0, spill.by_rule(3, 0), d, nullptr};
  CHECK(spilled_text(state, item) == "-7: critic by 3 friends, most by friend b (no event cited)");
}

TEST_CASE("a spill cap bounds what a person receives per period", "[score]") {
  RuleSet set;
  auto r = rule("praise");
  r.spill = socred::rules::Spill{0.5, 1, 1, socred::rules::Cap{1000, 30}};
  set.rules.push_back(r);
  State state(set, 0);
  for (const char* key : {"a", "b", "c"}) state.person(key);
  Graph g = graph_of(3, {{0, 2}, {1, 2}});
  auto src = state.source("s");
  state.add(0, 0, src, 10, 4000);  // period 10: 2 + 2 received, capped to 1
  state.add(1, 0, src, 10, 4000);
  state.add(1, 0, src, 11, 1000);  // period 11: 0.5
  TotalsBuilder totals(state);
  SpillResult spill(state, totals, g);
  CHECK(spill.total(2) == 1500);
}
