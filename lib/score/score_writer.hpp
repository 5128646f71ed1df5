// Score lines out (DESIGN.md "Formats"): person, score, base, events,
// matched, flags, contributions, by_source, then spilled, spilled_by and
// explain.
#pragma once

#include "io/jsonl_writer.hpp"
#include "score/spill.hpp"
#include "score/state.hpp"
#include "score/totals.hpp"

namespace socred::score {

/// Writes one line per person of `state`, in key order. With `spill` (score
/// --friends), lines add `spilled` and `spilled_by`, and the score counts
/// the spilled points.
void write_scores(const State& state, const TotalsBuilder& totals, bool explain,
                  const SpillResult* spill, io::JsonlWriter& out);

/// `file:line` of an explain entry.
std::string explain_input(const State& state, const ExplainEntry& e);

/// "-12.5: critical_post by 3 friends, most by friend p0000812
/// (events.jsonl:48213)".
std::string spilled_text(const State& state, const SpilledItem& item);

}  // namespace socred::score
