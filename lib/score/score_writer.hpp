// Score lines out (DESIGN.md "Formats"): person, score, base, events,
// matched, flags, contributions, by_source, then spilled and explain.
#pragma once

#include "io/jsonl_writer.hpp"
#include "score/spill.hpp"
#include "score/state.hpp"
#include "score/totals.hpp"

namespace socred::score {

/// Writes one line per person of `state`, in key order. With `spill` (score
/// --friends), lines add `spilled` and the score counts it.
void write_scores(const State& state, const TotalsBuilder& totals, bool explain,
                  const SpillResult* spill, io::JsonlWriter& out);

/// `file:line` of an explain entry.
std::string explain_input(const State& state, const ExplainEntry& e);

/// "-10: critical_post by friend p0000812 (events.jsonl:48213)".
std::string spilled_text(const State& state, const SpilledEntry& e);

}  // namespace socred::score
