// Sorts a pair of prepared values into one of a comparison's agreement
// levels: the heart of every pair's comparison vector.
#pragma once

#include "link/comparison.hpp"
#include "link/field_value.hpp"

namespace socred::link {

/// The level of (a, b) under `c`: kNullLevel when either is absent, 1 for
/// exact agreement, then the comparison's levels in order (the first that
/// holds wins), the last level when none holds.
int compare(const Comparison& c, const Value& a, const Arena& arena_a, const Value& b,
            const Arena& arena_b);

}  // namespace socred::link
