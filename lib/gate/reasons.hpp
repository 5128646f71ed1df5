// The principal reasons of a denial, ranked, in plain words: what forbids
// (the flag, the clause), then the rules that lowered the score most. Never
// empty on a denial and never only "score below threshold" (CFPB Circular
// 2023-03: failing to reach a qualifying score is not a reason).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "gate/decision.hpp"
#include "gate/score_line.hpp"

namespace socred::gate {

/// At most this many rule reasons, as Regulation B's model notices give at
/// most four principal reasons.
inline constexpr std::size_t kMaxRuleReasons = 4;

/// The reason text of each rule, from the rule set (what a person denied
/// would be told); a rule not listed reads as its name in words.
class RuleTexts {
 public:
  void add(std::string rule, std::string text);
  std::string text(std::string_view rule) const;

 private:
  std::unordered_map<std::string, std::string> rules_;
};

/// Ranks reasons. `clause_reasons` are those of the policy's clauses that
/// decided (matched forbids, or failed allow conditions that are not about
/// the score), in policy order; rule reasons follow, most negative points
/// first, ties in the line's order.
std::vector<Reason> rank_reasons(Outcome outcome, std::vector<Reason> clause_reasons,
                                 const ScoreLine& line, const RuleTexts& texts);

}  // namespace socred::gate
