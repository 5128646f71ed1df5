// From a match to points: fades at --as-of, the one rounding, caps on a
// period's sum, and spilled shares (DESIGN.md "Arithmetic").
#pragma once

#include <cstdint>

#include "rules/milli.hpp"
#include "rules/program.hpp"

namespace socred::rules {

/// The factor an event's points keep at `as_of`: 1 without a fade; for a
/// half-life h, 2^(-age/h); for "expire after d", 1 while age < d, then 0.
/// age = as_of - event_ts (both in microseconds); an event after as_of has age 0.
double fade_factor(const Rule& rule, std::int64_t event_ts, std::int64_t as_of);

/// The event's points: round_milli(raw x fade_factor), the one rounding.
/// Without a fade, as_of is not used.
Milli final_points(const Rule& rule, double raw, std::int64_t event_ts, std::int64_t as_of);

/// A period's sum after its cap: min(sum, limit) for a positive limit,
/// max(sum, limit) for a negative one.
Milli apply_cap(const Cap& cap, Milli sum);

/// What a friend `hop` steps away (1 = a direct friend) receives of
/// `points`: round_milli(points x share x decay^(hop-1)); 0 past the hops.
Milli spill_points(const Spill& spill, Milli points, int hop);

}  // namespace socred::rules
