// The order of the work: the outcome with its trace first; reasons,
// would_flip and without_cited only for a denial, since allows need none.
#include "gate/decide.hpp"

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
  d.conditions.swap(trace_.conditions);  // both keep their capacity
  d.decision_id = ids_.id(d.service, request);
  return d;
}

}  // namespace socred::gate
