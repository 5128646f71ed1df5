// One decision: the policy's outcome for a service on a score line, with
// its conditions, ranked reasons, would_flip, without_cited and decision_id.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "gate/decision.hpp"
#include "gate/decision_id.hpp"
#include "gate/options.hpp"
#include "gate/policy.hpp"
#include "gate/reasons.hpp"
#include "gate/score_line.hpp"
#include "io/diagnostics.hpp"

namespace socred::gate {

class Decider {
 public:
  /// `max_reasons`: --reasons N; `diag` takes the one warning a run
  /// without --rules gives when a reason names a rule (none when null).
  explicit Decider(Policy& policy, std::size_t max_reasons = kDefaultReasons,
                   io::Diagnostics* diag = nullptr);

  /// Binds a score line (`text` as read, for the decision id) that will be
  /// decided for `services`; false under --strict when a condition of
  /// theirs is unknown (Policy::problem() says why).
  bool start(const ScoreLine& line, std::string_view text, const std::vector<int>& services);
  /// Decides `service` for the bound line; `request` is the request line's
  /// text under --requests (part of the id), else empty.
  const Decision& decide(int service, std::string_view request = {});
  /// What the last decide() evaluated (its `matched` clauses: coverage).
  const Trace& trace() const { return trace_; }
  /// The end-of-run warnings about dead policy, to `diag`: a service that
  /// allowed nobody, a clause evaluated on every line that never held.
  void warn_dead_policy() const;

 private:
  Policy& policy_;
  DecisionIds ids_;
  const ScoreLine* line_ = nullptr;
  Decision decision_;
  Trace trace_;
  ReasonBuilder reasons_;
  io::Diagnostics* diag_;  // the warning that reasons lack texts; none in --test
  bool warned_ = false;
  // Per service: decisions and allows; per clause: evaluated and held.
  std::vector<std::uint64_t> decided_, allowed_, evaluated_, held_;
};

}  // namespace socred::gate
