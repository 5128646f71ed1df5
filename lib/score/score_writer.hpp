// Score lines out (DESIGN.md "Formats"): person, score, base, events,
// matched, flags, contributions, by_source, then spilled and explain.
#pragma once

#include "io/jsonl_writer.hpp"
#include "score/state.hpp"
#include "score/totals.hpp"

namespace socred::score {

/// What --friends adds to one person's line.
struct Spill {
  std::vector<Milli> by_rule;       // rule-file order
  std::vector<char> hit;
  Milli total = 0;
  std::vector<ExplainEntry> explain;  // merged into the person's own --explain
};

/// Writes one line per person of `state`, in key order. `spill`, when not
/// null, gives each person's spilled points (indexed by person).
void write_scores(const State& state, const TotalsBuilder& totals, bool explain,
                  const std::vector<Spill>* spill, io::JsonlWriter& out);

/// The points of the explain entry `e` as printed, and its `input` text.
std::string explain_input(const State& state, const ExplainEntry& e);

}  // namespace socred::score
