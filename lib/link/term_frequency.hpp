// Term frequencies: how many records hold each value of a comparison's
// field, so that agreeing on a rare name counts for more than agreeing on a
// common one.
#pragma once

#include <vector>

#include "link/side.hpp"

namespace socred::link {

/// Counts each value of every term-frequency comparison over `sides`
/// (both sides when linking, the one side when deduplicating), stores each
/// value's count in Value::count, and returns per comparison the number of
/// values present (the denominator of a share).
std::vector<double> count_terms(const std::vector<Comparison>& comparisons,
                                const std::vector<Side*>& sides);

}  // namespace socred::link
