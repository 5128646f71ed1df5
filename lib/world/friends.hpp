// The social graph between social-platform accounts: a small world (a ring
// of neighbours ordered by city, some links rewired at random), with critics
// placed near each other in their city so that criticism clusters.
#pragma once

#include <cstdint>
#include <vector>

#include "world/people.hpp"
#include "world/text_buffer.hpp"

namespace socred::world {

struct FriendSettings {
  double degree = 10;      // mean number of friends per account
  double rewire = 0.1;     // share of links rewired to a random account
  double homophily = 0.8;  // 0: critics placed at random; 1: side by side
};

/// Every undirected edge once as (a << 32 | b) with account numbers a < b,
/// sorted (which is the order of the "social:xxxxxxxx" strings).
std::vector<std::uint64_t> friend_edges(const Population& pop, const FriendSettings& s);

/// Appends {"a":"social:...","b":"social:..."} for one edge.
void put_friend(std::uint64_t edge, TextBuffer& out);

}  // namespace socred::world
