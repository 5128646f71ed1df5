// would_flip: the single changes that would each turn a denial into allow:
// the points short, the flag to clear, the one rule whose contribution,
// removed, flips it. Found by asking the policy again, not by guessing, so
// it holds for any policy the language can express.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "gate/decision.hpp"
#include "gate/score_line.hpp"

namespace socred::gate {

/// A hypothetical score line: the real one with one thing changed.
struct WhatIf {
  std::optional<std::int64_t> score;        // the score, replaced
  std::string_view drop_flag;               // a flag, removed
  const Contribution* drop_rule = nullptr;  // a rule's points, removed
};

/// The score's range when the rule set is known (removing a rule cannot
/// lift a score past it).
struct Range {
  std::int64_t min = 0, max = 0;
};

/// The score a line would have without one contribution: base plus the
/// other points, rounded once (DESIGN.md "Arithmetic"); a line whose score
/// is not base plus its points was clamped, and stays within that bound.
/// Without `base`, the points are added back to the score.
std::int64_t score_without(const ScoreLine& line, const Contribution& rule,
                           const std::optional<Range>& range);

struct FlipSearch {
  /// Thresholds the policy compared `score` with (candidates for points).
  std::vector<double> score_thresholds;
  std::optional<Range> range;
  /// Flags each rule sets (so removing the rule clears its flag too).
  std::function<std::string_view(std::string_view rule)> flag_of;
};

/// `allows` evaluates the policy for the service on a hypothetical line.
WouldFlip find_would_flip(const ScoreLine& line, const FlipSearch& search,
                          const std::function<bool(const WhatIf&)>& allows);

}  // namespace socred::gate
