// Guilt by association (score --friends): each rule's spill along the
// friendship graph, once every person's own points are known.
//
// What spills: a person's own points for a spilling rule, per period of the
// rule (its cap's, or its spill cap's, or all time), the rule's own cap
// applied. Each person within the rule's hops (shortest distance d, the
// person excluded) receives round(points x share x decay^(d-1)), one
// rounding per friend, period and rule. A spill cap limits the sum a person
// receives per period of its own length, each amount dated by the first day
// of the friend's period. Integer sums again: any order, same bytes.
#pragma once

#include <cstdint>
#include <vector>

#include "score/friends.hpp"
#include "score/state.hpp"
#include "score/totals.hpp"

namespace socred::score {

/// One friend's spill to a person by one rule, with the friend's event it
/// cites (the friend's top event for the rule, when known).
struct SpilledEntry {
  ExplainEntry event;  // rule always set; id/input/line when cited
  bool cited = false;
  Milli points = 0;  // what the person received from this friend (before a spill cap)
  std::uint32_t friend_person = 0;
  int hops = 1;
};

class SpillResult {
 public:
  SpillResult(const State& state, const TotalsBuilder& totals, const Graph& graph);

  Milli total(std::uint32_t p) const { return total_[p]; }
  /// Points received by rule, and whether any was received.
  Milli by_rule(std::uint32_t p, std::uint32_t rule) const;
  bool hit(std::uint32_t p, std::uint32_t rule) const;
  /// The person's top --explain N spilled entries, best first.
  const std::vector<SpilledEntry>& explained(std::uint32_t p) const;

 private:
  void offer(std::uint32_t p, SpilledEntry&& e);

  const State& state_;
  std::vector<int> slot_of_rule_;
  std::size_t width_ = 0;
  std::vector<Milli> sums_;  // persons x spilling rules
  std::vector<std::uint8_t> hits_;
  std::vector<Milli> total_;
  std::vector<std::vector<SpilledEntry>> explain_;
  std::vector<SpilledEntry> none_;
};

/// The --explain order for spilled entries, as for a person's own: |points|
/// descending, then the cited event's id; then rule, friend and hops.
bool spilled_before(const State& state, const SpilledEntry& a, const SpilledEntry& b);

}  // namespace socred::score
