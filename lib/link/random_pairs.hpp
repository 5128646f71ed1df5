// u probabilities from pairs drawn at random: almost none of them match, so
// how often each level occurs among them is what it takes for two different
// people to agree that well by chance.
#pragma once

#include <cstdint>
#include <vector>

#include "link/em.hpp"
#include "link/side.hpp"

namespace socred::link {

struct RandomPairs {
  std::vector<PatternCount> patterns;  // sorted by pattern
  std::vector<PatternCount> outside;   // those of pairs no blocking rule gives
  std::uint64_t pairs = 0;             // drawn (or all of them, when fewer)
  bool exhaustive = false;             // every pair was compared
};

/// Compares `wanted` pairs drawn with a generator seeded by `seed` (or every
/// pair when there are no more than that), on `threads` threads. The draw
/// depends on the seed and the sizes only, never on the thread count.
/// `rules` is the number of blocking rules whose keys the sides hold.
RandomPairs compare_random_pairs(const std::vector<Comparison>& comparisons, const Side& left,
                                 const Side& right, bool dedupe, std::size_t rules,
                                 std::uint64_t wanted, std::uint64_t seed, unsigned threads);

}  // namespace socred::link
