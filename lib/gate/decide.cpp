// The order of the work: the outcome with its trace first; reasons,
// would_flip and without_cited only for a denial, since allows need none.
#include "gate/decide.hpp"

#include <fmt/format.h>

#include "io/json_text.hpp"

namespace socred::gate {

Decider::Decider(Policy& policy, std::size_t max_reasons, io::Diagnostics* diag)
    : policy_(policy), ids_(policy.hash()), reasons_(policy, max_reasons), diag_(diag) {}

bool Decider::start(const ScoreLine& line, std::string_view text,
                    const std::vector<int>& services) {
  line_ = &line;
  ids_.start(line.person, text);
  return policy_.bind(line, services);
}

const Decision& Decider::decide(int service, std::string_view request) {
  const ScoreLine& line = *line_;
  Decision& d = decision_;
  trace_.clear();

  d.person = line.person;
  d.service = policy_.services()[static_cast<std::size_t>(service)];
  d.score = line.score;
  d.outcome = policy_.explain(service, trace_);
  d.reasons.clear();
  d.would_flip.reset();
  d.without_cited.reset();
  if (d.outcome != Outcome::kAllow) {
    reasons_.explain(service, line, trace_, d);
    if (reasons_.named_rules() && !warned_ && diag_ != nullptr) {
      diag_->warning(
          "reasons name rules, not their reason texts: give --rules FILE, the rule set that made "
          "the scores");
      warned_ = true;
    }
  }
  const auto s = static_cast<std::size_t>(service);
  if (decided_.size() <= s) decided_.resize(s + 1, 0), allowed_.resize(s + 1, 0);
  ++decided_[s];
  if (d.outcome == Outcome::kAllow) ++allowed_[s];
  for (const ClauseTrace& ct : trace_.clauses) {
    const auto c = static_cast<std::size_t>(ct.index);
    if (evaluated_.size() <= c) evaluated_.resize(c + 1, 0), held_.resize(c + 1, 0);
    ++evaluated_[c];
    if (ct.held) ++held_[c];
  }
  d.conditions.swap(trace_.conditions);  // both keep their capacity
  d.decision_id = ids_.id(d.service, request);
  return d;
}

void Decider::warn_dead_policy() const {
  if (diag_ == nullptr) return;
  for (std::string& text : policy_.unseen_fields()) diag_->warning(std::move(text));
  const auto& services = policy_.services();
  for (std::size_t s = 0; s < decided_.size(); ++s)
    if (decided_[s] > 0 && allowed_[s] == 0)
      diag_->warning(fmt::format("service {} allowed nobody ({} decision{})",
                                 io::visible(services[s]), decided_[s],
                                 decided_[s] == 1 ? "" : "s"));
  const auto& clauses = policy_.clauses();
  for (std::size_t c = 0; c < evaluated_.size() && c < clauses.size(); ++c) {
    if (evaluated_[c] == 0 || held_[c] > 0) continue;
    const Clause& clause = clauses[c];
    diag_->warning(fmt::format("{}: service {}: clause '{} when {}' never held",
                               io::visible(clause.where), io::visible(clause.service),
                               clause.forbid ? "forbid" : "allow", io::visible(clause.text)));
  }
}

}  // namespace socred::gate
