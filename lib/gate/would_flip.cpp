// The search tries only the values where a decision can change: a policy
// that reads the score compares it with constants, so the first whole score
// at or past each threshold is the only candidate that matters there.
#include "gate/would_flip.hpp"

#include <algorithm>
#include <cmath>

#include "gate/points.hpp"

namespace socred::gate {

std::int64_t score_without(const ScoreLine& line, const Contribution& rule,
                           const std::optional<Range>& range) {
  const std::int64_t score = line.score.value_or(0);
  std::int64_t result;
  if (line.base) {
    std::int64_t sum = 0;
    for (const Contribution& c : line.contributions) sum += c.points;
    const std::int64_t before = round_whole(*line.base + sum);
    result = round_whole(*line.base + sum - rule.points);
    // A score that is not base + sum sits at a bound of the range: at the
    // bottom, removing a penalty lifts it only past that bound; at the top
    // it cannot rise.
    if (before < score)
      result = std::max(result, score);
    else if (before > score)
      result = std::min(result, score);
  } else {
    result = round_whole(score * 1000 - rule.points);
  }
  if (range) result = std::clamp(result, range->min, range->max);
  return result;
}

WouldFlip find_would_flip(const ScoreLine& line, const FlipSearch& search,
                          const std::function<bool(const WhatIf&)>& allows) {
  WouldFlip flip;

  if (line.score) {
    std::vector<std::int64_t> candidates;
    for (double t : search.score_thresholds) {
      if (!std::isfinite(t) || std::fabs(t) > 1e15) continue;
      candidates.push_back(static_cast<std::int64_t>(std::ceil(t)));       // >= t
      candidates.push_back(static_cast<std::int64_t>(std::floor(t)) + 1);  // > t
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    for (std::int64_t s : candidates) {
      if (s <= *line.score) continue;
      if (search.range && s > search.range->max) break;
      WhatIf what;
      what.score = s;
      if (allows(what)) {
        flip.points_short = s - *line.score;
        break;
      }
    }
  }

  for (std::string_view flag : line.flags) {
    WhatIf what;
    what.drop_flag = flag;
    if (allows(what)) {
      flip.clear_flag = flag;
      break;
    }
  }

  // The smallest penalty whose removal flips it: the least a person would
  // have to get struck from the record.
  std::vector<const Contribution*> negative;
  for (const Contribution& c : line.contributions)
    if (c.points < 0) negative.push_back(&c);
  std::stable_sort(
      negative.begin(), negative.end(),
      [](const Contribution* a, const Contribution* b) { return a->points > b->points; });
  for (const Contribution* c : negative) {
    WhatIf what;
    what.drop_rule = c;
    if (line.score) what.score = score_without(line, *c, search.range);
    if (search.flag_of) {
      std::string_view flag = search.flag_of(c->rule);
      if (!flag.empty() &&
          std::find(line.flags.begin(), line.flags.end(), flag) != line.flags.end())
        what.drop_flag = flag;
    }
    if (allows(what)) {
      flip.remove_rule = c->rule;
      break;
    }
  }
  return flip;
}

}  // namespace socred::gate
