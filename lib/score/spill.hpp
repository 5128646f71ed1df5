// Guilt by association (score --friends): each rule's spill along the
// friendship graph, once every person's own points are known.
//
// What spills: a person's own points for a spilling rule, per period of the
// rule (its cap's, or its spill cap's, or all time), the rule's own cap
// applied. Each person within the rule's hops (shortest distance d, the
// person excluded) receives round(points x share x decay^(d-1)), one
// rounding per friend, period and rule. A spill cap limits the sum a person
// receives per period of its own length, each amount dated by the first day
// of the friend's period. Integer sums again: any order, same bytes. Per
// person and rule, the friends who gave are counted and the largest giver
// kept (score's spilled_by, and the friend --explain names).
#pragma once

#include <cstdint>
#include <vector>

#include "score/friends.hpp"
#include "score/state.hpp"
#include "score/totals.hpp"

namespace socred::score {

/// Who spilled one rule's points onto a person: how many friends gave any,
/// and the one who gave the largest share (|points| before a spill cap;
/// among equals the smallest person key, so any split picks the same).
struct FriendShare {
  std::uint32_t friends = 0;
  std::uint32_t top = UINT32_MAX;  // state person index; UINT32_MAX: none
  Milli top_points = 0;
  int top_hops = 0;
};

class SpillResult {
 public:
  SpillResult(const State& state, const TotalsBuilder& totals, const Graph& graph);

  Milli total(std::uint32_t p) const { return total_[p]; }
  /// Points received by rule, and whether any was received.
  Milli by_rule(std::uint32_t p, std::uint32_t rule) const;
  bool hit(std::uint32_t p, std::uint32_t rule) const;
  /// The friends behind a person's points for spilling rule `rule`.
  const FriendShare& share(std::uint32_t p, std::uint32_t rule) const;

 private:
  void offer(std::size_t at, std::uint32_t p, Milli got, int hop);

  const State& state_;
  std::vector<int> slot_of_rule_;
  std::size_t width_ = 0;
  std::vector<Milli> sums_;  // persons x spilling rules
  std::vector<FriendShare> shares_;
  std::vector<Milli> total_;
  FriendShare none_;
};

/// One rule's spilled points as --explain cites them: one item per rule,
/// with the friend who gave most and that friend's largest event for it.
struct SpilledItem {
  std::uint32_t rule = 0;
  Milli points = 0;  // spilled.RULE: what the person received, caps applied
  FriendShare share;
  const ExplainEntry* event = nullptr;  // the top friend's event; null when not known
};

/// The --explain order for spilled items among themselves: |points|
/// descending, then the cited event's id, then rule.
bool spilled_before(const SpilledItem& a, const SpilledItem& b);

}  // namespace socred::score
