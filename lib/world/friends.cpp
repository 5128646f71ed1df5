// Watts-Strogatz on a ring sorted by (city, position), where a critic's
// position is drawn from [0, 1 - homophily) and everyone else's from [0, 1):
// critics bunch at the start of their city's stretch and befriend each other
// more than chance would. Each account links forward to a number of ring
// neighbours drawn around degree / 2 (so degrees vary), and each link is
// rewired to a uniformly chosen account with probability `rewire`, which
// gives the short paths of a small world. Memory: the edges, plus 16 bytes
// per account.
#include "world/friends.hpp"

#include <algorithm>

#include "world/accounts.hpp"
#include "world/persona.hpp"
#include "world/rng.hpp"

namespace socred::world {

std::vector<std::uint64_t> friend_edges(const Population& pop, const FriendSettings& s) {
  struct Node {
    std::uint64_t order;  // city << 40 | position in the city's stretch
    std::uint32_t number;
    std::uint32_t person;
  };
  const int critic = persona_index("critic");
  std::vector<Node> nodes;
  for (std::uint32_t i = 0; i < pop.size(); ++i) {
    const Person& p = pop[i];
    for (std::uint32_t k = 0; k < p.accounts[kSocial]; ++k) {
      Rng rng(stream_key(pop.seed(), kFriendStream, i, k));
      double u = rng.uniform();
      if (p.persona == critic) u *= 1.0 - s.homophily;
      auto position = static_cast<std::uint64_t>(u * 0x1.0p40);
      nodes.push_back({static_cast<std::uint64_t>(p.city) << 40 | position,
                       account_number(pop.seed(), kSocial, i, k), i});
    }
  }
  std::sort(nodes.begin(), nodes.end(), [](const Node& a, const Node& b) {
    return a.order != b.order ? a.order < b.order : a.number < b.number;
  });
  const std::size_t n = nodes.size();
  std::vector<std::uint64_t> edges;
  if (n < 2) return edges;
  edges.reserve(static_cast<std::size_t>(static_cast<double>(n) * s.degree / 2 * 1.05));
  const double half = s.degree / 2;
  for (std::size_t r = 0; r < n; ++r) {
    Rng rng(stream_key(pop.seed(), kFriendStream, nodes[r].person, 1000 + nodes[r].number));
    // Links forward: around degree / 2, a sociable few many more.
    double want = half * rng.lognormal(-0.125, 0.5);  // mean of the factor is 1
    auto links = static_cast<std::uint32_t>(want);
    if (rng.chance(want - links)) ++links;
    links = std::min<std::uint32_t>(links, static_cast<std::uint32_t>(n - 1));
    for (std::uint32_t l = 1; l <= links; ++l) {
      std::uint32_t b = nodes[(r + l) % n].number;
      if (rng.chance(s.rewire)) b = nodes[rng.below(static_cast<std::uint32_t>(n))].number;
      std::uint32_t a = nodes[r].number;
      if (a == b) continue;
      if (a > b) std::swap(a, b);
      edges.push_back(static_cast<std::uint64_t>(a) << 32 | b);
    }
  }
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  return edges;
}

void put_friend(std::uint64_t edge, TextBuffer& out) {
  out.reserve(64);
  out.put("{\"a\":");
  put_account(out, kSocial, static_cast<std::uint32_t>(edge >> 32));
  out.put(",\"b\":");
  put_account(out, kSocial, static_cast<std::uint32_t>(edge));
  out.put("}\n");
}

}  // namespace socred::world
