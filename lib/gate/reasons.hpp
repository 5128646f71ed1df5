// The principal reasons of a denial, each a cause: the gap to the
// threshold, the forbid or flag that holds, then the person's own penalties
// and friends' points by size until the line without them would be
// allowed, then what no removal covers (not_earned). A denial is never
// explained only by "score below threshold" (CFPB Circular 2023-03).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "gate/decision.hpp"
#include "gate/policy.hpp"
#include "gate/score_line.hpp"
#include "gate/would_flip.hpp"

namespace socred::gate {

class ReasonBuilder {
 public:
  /// `max_cited`: --reasons N.
  ReasonBuilder(Policy& policy, std::size_t max_cited);

  /// Fills the reasons, would_flip and without_cited of `d`, a denial of
  /// `service` on the bound `line`, from what explaining it found.
  void explain(int service, const ScoreLine& line, Trace& trace, Decision& d);

  /// Whether a reason named a rule by its name for want of --rules (once
  /// true, stays true).
  bool named_rules() const { return named_rules_; }

 private:
  struct Item {
    ReasonKind kind;  // kPenalty (contributions) or kFriends (spilled)
    const Contribution* c;
  };
  // The outcome with `items` removed: points out, score recomputed.
  Outcome without(const std::vector<const Item*>& items);
  std::int64_t removed(const std::vector<const Item*>& items) const;
  void add_clause_reasons(const Trace& trace, Outcome outcome, bool score_gap, Decision& d);
  void add_item(const Item& item, Decision& d);
  void add_not_earned(std::int64_t required, Decision& d);

  Policy& policy_;
  std::size_t max_cited_;
  int service_ = 0;
  Outcome outcome_ = Outcome::kNotPermitted;
  const ScoreLine* line_ = nullptr;
  FlipSearch search_;
  WhatIf what_;
  std::vector<Item> items_;  // candidates, largest |points| first
  std::vector<const Item*> all_, cited_, one_;
  std::vector<std::string_view> preferred_;
  std::string earning_;  // ": on time repayment, spending power": not_earned's end
  bool named_rules_ = false;
};

}  // namespace socred::gate
