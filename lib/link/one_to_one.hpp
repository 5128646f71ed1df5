// At most one partner per record on each side: for linking two sources that
// each hold a person once.
#pragma once

#include <vector>

#include "link/candidates.hpp"

namespace socred::link {

/// Greedy assignment: links are taken from the heaviest down (ties by left,
/// then right record), each kept only if neither record is taken yet. Not
/// the optimal assignment, but close to it when weights separate well, and
/// easy to explain: a record keeps its strongest claim. Returns the kept
/// links in left-record order.
std::vector<Link> one_to_one(std::vector<Link> links);

/// For each left record, its heaviest link (ties: the lower right record).
std::vector<Link> best_per_left(const std::vector<Link>& links_in_left_order);

}  // namespace socred::link
