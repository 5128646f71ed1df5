// What-ifs on a score line and would_flip: the single changes that would
// each turn a denial into allow: the points short, the flag to clear, the
// one rule whose contribution, removed, flips it. Found by asking the policy
// again, not by guessing, so it holds for any policy the language can
// express.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "gate/decision.hpp"
#include "gate/score_line.hpp"

namespace socred::gate {

/// A hypothetical score line: the real one with some things changed.
struct WhatIf {
  std::optional<std::int64_t> score;           // the score, replaced
  std::string_view drop_flag;                  // a flag, removed
  std::vector<std::string_view> drop_rules;    // contributions.RULE, set to 0
  std::vector<std::string_view> drop_spilled;  // spilled.RULE, set to 0
  void clear() {
    score.reset();
    drop_flag = {};
    drop_rules.clear();
    drop_spilled.clear();
  }
};

/// The rule set's range, thousandths, when --rules gives it: a score is
/// clamped to it before it is rounded, as score does.
struct Range {
  std::optional<std::int64_t> min, max;
  /// The highest whole score the range allows, if bounded above.
  std::optional<std::int64_t> max_whole() const;
};

/// The score the line would have with `removed` thousandths taken out of
/// its points (a penalty removed is a negative `removed`): base plus the
/// points that remain (contributions and spilled), clamped to `range` and
/// rounded once (DESIGN.md "Arithmetic"). Without a range, a line whose
/// score is not base plus its points was clamped, and stays within that
/// bound; without `base`, the points are taken from the score.
std::int64_t score_after(const ScoreLine& line, std::int64_t removed,
                         const std::optional<Range>& range);

/// The same before rounding, thousandths (clamped when the range is known
/// or the line shows it was): what a not_earned reason measures.
std::int64_t exact_after(const ScoreLine& line, std::int64_t removed,
                         const std::optional<Range>& range);

struct FlipSearch {
  /// Thresholds the policy compared `score` with (candidates for points).
  std::vector<double> score_thresholds;
  std::optional<Range> range;
  /// Flags each rule sets (so removing the rule clears its flag too).
  std::function<std::string_view(std::string_view rule)> flag_of;
  /// The first score above the line's at which the policy allows, when
  /// the caller has searched already (first_score, no bound).
  bool allowing_known = false;
  std::optional<std::int64_t> allowing;
};

/// The smallest whole score above the line's at which `holds` (asked with
/// WhatIf::score set) is true, among the thresholds; nullopt when none
/// is, or above `max` when given.
std::optional<std::int64_t> first_score(const ScoreLine& line,
                                        const std::vector<double>& thresholds,
                                        std::optional<std::int64_t> max,
                                        const std::function<bool(const WhatIf&)>& holds);

/// `allows` evaluates the policy for the service on a hypothetical line.
/// remove_rule is the smallest of `preferred` (penalties already cited)
/// whose removal alone flips the decision, else the smallest of all.
WouldFlip find_would_flip(const ScoreLine& line, const FlipSearch& search,
                          const std::vector<std::string_view>& preferred,
                          const std::function<bool(const WhatIf&)>& allows);

}  // namespace socred::gate
