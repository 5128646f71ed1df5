// The principal reasons of a denial, ranked, in plain words: what forbids
// (the flag, the clause), then the rules that lowered the score most. Never
// empty on a denial and never only "score below threshold" (CFPB Circular
// 2023-03: failing to reach a qualifying score is not a reason).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
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
  /// Valid as long as this object (names in words are kept once made).
  std::string_view text(std::string_view rule) const;

 private:
  std::map<std::string, std::string, std::less<>> rules_;
  mutable std::map<std::string, std::string, std::less<>> words_;
};

/// Ranks reasons into `out`. `clause_reasons` are those of the policy's
/// clauses that decided (matched forbids, or failed allow conditions that
/// are not about the score), in policy order; rule reasons follow, most
/// negative points first, ties in the line's order. `scratch` holds the
/// text of a reason made here (a thin record's); keep it with `out`.
void rank_reasons(Outcome outcome, const std::vector<Reason>& clause_reasons, const ScoreLine& line,
                  const RuleTexts& texts, std::string& scratch, std::vector<Reason>& out);

}  // namespace socred::gate
