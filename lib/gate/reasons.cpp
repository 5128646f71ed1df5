// Reason ranking. Contributions are the score's own account of what lowered
// it, so they are the reasons; a thin record with nothing negative gets a
// reason that says so, which is what a credit notice calls "insufficient
// history", rather than a restatement of the threshold.
#include "gate/reasons.hpp"

#include <algorithm>

#include "gate/points.hpp"

namespace socred::gate {

void RuleTexts::add(std::string rule, std::string text) {
  rules_[std::move(rule)] = std::move(text);
}

std::string RuleTexts::text(std::string_view rule) const {
  if (auto it = rules_.find(std::string(rule)); it != rules_.end()) return it->second;
  std::string words(rule);  // late_repayment -> "late repayment"
  std::replace(words.begin(), words.end(), '_', ' ');
  return words;
}

std::vector<Reason> rank_reasons(Outcome outcome, std::vector<Reason> clause_reasons,
                                 const ScoreLine& line, const RuleTexts& texts) {
  if (outcome == Outcome::kAllow) return {};
  std::vector<Reason> reasons = std::move(clause_reasons);

  std::vector<const Contribution*> negative;
  for (const Contribution& c : line.contributions)
    if (c.points < 0) negative.push_back(&c);
  // Stable: equal points keep the rule-file order the line carries.
  std::stable_sort(negative.begin(), negative.end(),
                   [](const Contribution* a, const Contribution* b) { return a->points < b->points; });
  if (negative.size() > kMaxRuleReasons) negative.resize(kMaxRuleReasons);
  for (const Contribution* c : negative)
    reasons.push_back(Reason{texts.text(c->rule), std::string(c->rule), c->points, {}});

  if (reasons.empty()) {
    std::int64_t gained = 0;
    for (const Contribution& c : line.contributions) gained += c.points;
    std::string text = line.contributions.empty() || gained == 0
                           ? "insufficient record: no recorded event raised the score"
                           : "insufficient record: recorded events raised the score by only " +
                                 points_text(gained) + " points";
    reasons.push_back(Reason{std::move(text), {}, {}, {}});
  }
  return reasons;
}

}  // namespace socred::gate
