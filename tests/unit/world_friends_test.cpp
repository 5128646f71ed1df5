#include <map>
#include <set>
#include <string>

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
  for (auto e : edges) nodes.insert(static_cast<std::uint32_t>(e >> 32)), nodes.insert(static_cast<std::uint32_t>(e));
  CHECK(2.0 * edges.size() / nodes.size() == Approx(4).margin(0.6));
}
