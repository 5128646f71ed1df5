// The order of the work: the outcome with its trace first; reasons and the
// would_flip search only for a denial, since allows need neither.
#include "gate/decide.hpp"

namespace socred::gate {

Decider::Decider(Policy& policy) : policy_(policy), ids_(policy.hash()) {
  search_.range = policy.range();
  search_.flag_of = [this](std::string_view rule) { return policy_.flag_of(rule); };
}

bool Decider::start(const ScoreLine& line, std::string_view text,
                    const std::vector<int>& services) {
  line_ = &line;
  ids_.start(line.person, text);
  return policy_.bind(line, services);
}

const Decision& Decider::decide(int service, std::string_view request) {
  const ScoreLine& line = *line_;
  Decision& d = decision_;
  trace_.conditions.clear();
  trace_.clause_reasons.clear();
  trace_.score_thresholds.clear();
  trace_.matched.clear();

  d.person = line.person;
  d.service = policy_.services()[static_cast<std::size_t>(service)];
  d.score = line.score;
  d.outcome = policy_.explain(service, trace_);
  d.conditions.swap(trace_.conditions);
  d.reasons.clear();
  d.would_flip.reset();
  if (d.outcome != Outcome::kAllow) {
    rank_reasons(d.outcome, trace_.clause_reasons, line, policy_.rule_texts(), reason_text_,
                 d.reasons);
    search_.score_thresholds.swap(trace_.score_thresholds);  // both keep their capacity
    d.would_flip = find_would_flip(line, search_, [&](const WhatIf& what) {
      return policy_.decide(service, what) == Outcome::kAllow;
    });
  }
  d.decision_id = ids_.id(d.service, request);
  return d;
}

}  // namespace socred::gate
