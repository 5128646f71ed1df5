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

std::string_view RuleTexts::text(std::string_view rule) const {
  if (auto it = rules_.find(rule); it != rules_.end()) return it->second;
  auto it = words_.find(rule);
  if (it == words_.end()) {
    std::string words(rule);  // late_repayment -> "late repayment"
    std::replace(words.begin(), words.end(), '_', ' ');
    it = words_.emplace(std::string(rule), std::move(words)).first;
  }
  return it->second;
}

void rank_reasons(Outcome outcome, const std::vector<Reason>& clause_reasons, const ScoreLine& line,
                  const RuleTexts& texts, std::string& scratch, std::vector<Reason>& out) {
  out.clear();
  if (outcome == Outcome::kAllow) return;
  out = clause_reasons;

  // The kMaxRuleReasons most negative, stable: equal points keep the
  // rule-file order the line carries.
  const Contribution* top[kMaxRuleReasons];
  std::size_t count = 0;
  for (const Contribution& c : line.contributions) {
    if (c.points >= 0) continue;
    std::size_t at = count;
    while (at > 0 && top[at - 1]->points > c.points) --at;
    if (at == kMaxRuleReasons) continue;
    if (count < kMaxRuleReasons) ++count;
    for (std::size_t k = count - 1; k > at; --k) top[k] = top[k - 1];
    top[at] = &c;
  }
  for (std::size_t k = 0; k < count; ++k)
    out.push_back(Reason{texts.text(top[k]->rule), top[k]->rule, top[k]->points, {}});

  if (out.empty()) {
    std::int64_t gained = 0;
    for (const Contribution& c : line.contributions) gained += c.points;
    scratch = gained == 0 ? "insufficient record: no recorded event raised the score"
                          : "insufficient record: recorded events raised the score by only " +
                                points_text(gained) + " points";
    out.push_back(Reason{scratch, {}, {}, {}});
  }
}

}  // namespace socred::gate
