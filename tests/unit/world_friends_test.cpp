#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "catch.hpp"
#include "world/accounts.hpp"
#include "world/friends.hpp"
#include "world/persona.hpp"
#include "world_test_util.hpp"

using namespace socred::world;
using world_test::field;

TEST_CASE("friends: a < b, each edge once, between existing social accounts", "[world]") {
  auto o = world_test::options("friends", 2000);
  std::string out = world_test::generate(o);
  auto a = world_test::options("accounts", 2000);
  std::set<std::string> social;
  std::string accounts = world_test::generate(a);
  for (auto line : world_test::lines(accounts))
    if (field(line, "platform") == "social") social.insert(std::string(field(line, "account")));
  std::set<std::pair<std::string_view, std::string_view>> seen;
  std::pair<std::string_view, std::string_view> last;
  for (auto line : world_test::lines(out)) {
    auto edge = std::make_pair(field(line, "a"), field(line, "b"));
    CHECK(edge.first < edge.second);
    CHECK(edge > last);  // sorted, hence no duplicates
    last = edge;
    CHECK(social.count(std::string(edge.first)) == 1);
    CHECK(social.count(std::string(edge.second)) == 1);
  }
  // Mean degree 2|E| / |V| close to --degree.
  double degree = 2.0 * world_test::lines(out).size() / social.size();
  CHECK(degree == Approx(10).margin(1.0));
}

TEST_CASE("friends are clustered by city and critics befriend critics", "[world]") {
  Population pop(1, 5000);
  FriendSettings s;
  auto edges = friend_edges(pop, s);
  // Account number -> person, for the social accounts.
  std::map<std::uint32_t, std::uint32_t> person;
  for (std::uint32_t i = 0; i < pop.size(); ++i)
    for (std::uint32_t k = 0; k < pop[i].accounts[kSocial]; ++k)
      person[account_number(pop.seed(), kSocial, i, k)] = i;
  const auto critic = static_cast<std::uint8_t>(persona_index("critic"));
  double same_city = 0, critic_ends = 0, critic_critic = 0, critics = 0;
  for (auto e : edges) {
    const Person& a = pop[person.at(static_cast<std::uint32_t>(e >> 32))];
    const Person& b = pop[person.at(static_cast<std::uint32_t>(e))];
    same_city += a.city == b.city;
    for (const Person* x : {&a, &b}) {
      if (x->persona != critic) continue;
      ++critic_ends;
      critic_critic += (x == &a ? b : a).persona == critic;
    }
  }
  for (const auto& [number, i] : person) critics += pop[i].persona == critic;
  double base = critics / person.size();
  CHECK(same_city / edges.size() > 0.8);
  // A critic's friend is a critic several times more often than chance.
  CHECK(critic_critic / critic_ends > 2.5 * base);
  s.homophily = 0;
  auto mixed = friend_edges(pop, s);
  CHECK(mixed != edges);
}

TEST_CASE("the degree option sets the mean degree", "[world]") {
  Population pop(3, 3000);
  FriendSettings s;
  s.degree = 4;
  auto edges = friend_edges(pop, s);
  std::set<std::uint32_t> nodes;
  for (auto e : edges)
    nodes.insert(static_cast<std::uint32_t>(e >> 32)), nodes.insert(static_cast<std::uint32_t>(e));
  CHECK(2.0 * edges.size() / nodes.size() == Approx(4).margin(0.6));
}

TEST_CASE("the friend graph is a small world: clustered, with short paths", "[world]") {
  Population pop(2, 4000);
  auto edges = friend_edges(pop, FriendSettings{});
  std::map<std::uint32_t, std::vector<std::uint32_t>> adj;
  for (auto e : edges) {
    auto a = static_cast<std::uint32_t>(e >> 32), b = static_cast<std::uint32_t>(e);
    adj[a].push_back(b);
    adj[b].push_back(a);
  }
  // Clustering: the share of a node's friend pairs who are friends themselves.
  std::set<std::uint64_t> edge_set(edges.begin(), edges.end());
  double clustering = 0;
  int counted = 0;
  for (const auto& [node, friends] : adj) {
    if (friends.size() < 2) continue;
    int closed = 0, pairs = 0;
    for (std::size_t i = 0; i < friends.size(); ++i)
      for (std::size_t j = i + 1; j < friends.size(); ++j) {
        std::uint32_t a = std::min(friends[i], friends[j]), b = std::max(friends[i], friends[j]);
        closed += edge_set.count(static_cast<std::uint64_t>(a) << 32 | b) > 0;
        ++pairs;
      }
    clustering += double(closed) / pairs;
    ++counted;
  }
  clustering /= counted;
  double random_graph = 10.0 / adj.size();  // a random graph's clustering: k / n
  CHECK(clustering > 0.3);
  CHECK(clustering > 50 * random_graph);
  // Short paths: breadth-first from a few nodes reaches most of the graph
  // within a handful of steps (a ring alone would need hundreds).
  std::vector<std::uint32_t> nodes;
  for (const auto& kv : adj) nodes.push_back(kv.first);
  for (std::size_t start = 0; start < nodes.size(); start += nodes.size() / 4) {
    std::map<std::uint32_t, int> dist{{nodes[start], 0}};
    std::vector<std::uint32_t> frontier{nodes[start]};
    int depth = 0;
    while (!frontier.empty() && depth < 12) {
      std::vector<std::uint32_t> next;
      for (auto n : frontier)
        for (auto m : adj[n])
          if (dist.emplace(m, depth + 1).second) next.push_back(m);
      frontier.swap(next);
      ++depth;
    }
    CHECK(dist.size() > 0.95 * adj.size());
  }
}
