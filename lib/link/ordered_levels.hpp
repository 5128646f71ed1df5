// Agreement levels are ordered, closest first: a closer level must never
// weigh less than a looser one of the same comparison (exact below
// jw>=0.92 would say that agreeing exactly is weaker evidence than almost
// agreeing). EM, estimating each level on its own, can break the order
// where a level is rare; pooling the adjacent levels that break it mends it.
#pragma once

#include <string>
#include <vector>

#include "link/fellegi_sunter.hpp"

namespace socred::link {

/// A run of levels of one comparison pooled to one weight.
struct Pooled {
  std::size_t comparison = 0;
  std::size_t first = 0, last = 0;  // levels, inclusive
  double weight = 0;                // log2(m / u) of the pool
};

/// Pools adjacent violators (Ayer et al., 1955) on each comparison's levels
/// 1 .. n-1 ("different" included), so that log2(m / u) never rises from
/// one level to the next: a pool's levels share the ratio of its summed m
/// to its summed u, each level keeping its u and taking m = u * ratio (so m
/// still sums to 1). Levels seen by neither class (m = u = 0) are left out.
/// Returns the pools of more than one level, for a note.
std::vector<Pooled> order_levels(Model& model);

}  // namespace socred::link
