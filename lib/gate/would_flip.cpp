// The search tries only the values where a decision can change: a policy
// that reads the score compares it with constants, so the first whole score
// at or past each threshold is the only candidate that matters there.
#include "gate/would_flip.hpp"

#include <algorithm>
#include <cmath>

#include "rules/milli.hpp"

namespace socred::gate {
namespace {

// Sums of points in 128 bits: every value a score line can hold is near
// the int64 limits at worst, and a few hundred of them cannot overflow.
__extension__ typedef __int128 Wide;

// A wide sum of thousandths back in 64 bits; past int64 it is at the
// bound, as score's own sums are.
std::int64_t narrow(Wide milli) {
  if (milli > INT64_MAX) return INT64_MAX;
  if (milli < INT64_MIN) return INT64_MIN;
  return static_cast<std::int64_t>(milli);
}

// `a - b` in whole points, saturating (a line made by hand may lie so far
// below a threshold that the difference passes int64).
std::int64_t difference(std::int64_t a, std::int64_t b) {
  std::int64_t d;
  if (__builtin_sub_overflow(a, b, &d)) d = a > b ? INT64_MAX : INT64_MIN;
  return d;
}

}  // namespace

std::optional<std::int64_t> Range::max_whole() const {
  if (!max) return std::nullopt;
  return rules::round_whole(*max);  // clamped, then rounded: the top score there is
}

std::int64_t exact_after(const ScoreLine& line, std::int64_t removed,
                         const std::optional<Range>& range) {
  std::int64_t after;
  if (line.base) {
    Wide sum = *line.base;
    for (const Contribution& c : line.contributions) sum += c.points;
    for (const Contribution& c : line.spilled) sum += c.points;
    const std::int64_t before = narrow(sum);
    after = narrow(sum - removed);
    if (!range && line.score) {
      // A score that is not base + sum sits at a bound of the range: at
      // the bottom, removing a penalty lifts it only past that bound; at
      // the top it cannot rise.
      const std::int64_t bound = narrow(Wide(*line.score) * rules::kMilliPerPoint);
      if (rules::round_whole(before) < *line.score)
        after = std::max(after, bound);
      else if (rules::round_whole(before) > *line.score)
        after = std::min(after, bound);
    }
  } else {
    after = narrow(Wide(line.score.value_or(0)) * rules::kMilliPerPoint - removed);
  }
  if (range) {
    if (range->min) after = std::max(after, *range->min);
    if (range->max) after = std::min(after, *range->max);
  }
  return after;
}

std::int64_t score_after(const ScoreLine& line, std::int64_t removed,
                         const std::optional<Range>& range) {
  return rules::round_whole(exact_after(line, removed, range));
}

std::optional<std::int64_t> first_score(const ScoreLine& line,
                                        const std::vector<double>& thresholds,
                                        std::optional<std::int64_t> max,
                                        const std::function<bool(const WhatIf&)>& holds) {
  if (!line.score) return std::nullopt;
  std::vector<std::int64_t> candidates;
  for (double t : thresholds) {
    if (!std::isfinite(t) || std::fabs(t) > 1e15) continue;
    candidates.push_back(static_cast<std::int64_t>(std::ceil(t)));       // >= t
    candidates.push_back(static_cast<std::int64_t>(std::floor(t)) + 1);  // > t
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  WhatIf what;
  for (std::int64_t s : candidates) {
    if (s <= *line.score) continue;
    if (max && s > *max) break;
    what.score = s;
    if (holds(what)) return s;
  }
  return std::nullopt;
}

WouldFlip find_would_flip(const ScoreLine& line, const FlipSearch& search,
                          const std::vector<std::string_view>& preferred,
                          const std::function<bool(const WhatIf&)>& allows) {
  WouldFlip flip;
  std::optional<std::int64_t> top;
  if (search.range) top = search.range->max_whole();
  if (search.allowing_known) {
    if (search.allowing && (!top || *search.allowing <= *top))
      flip.points_short = difference(*search.allowing, *line.score);
  } else if (auto s = first_score(line, search.score_thresholds, top, allows)) {
    flip.points_short = difference(*s, *line.score);
  }

  WhatIf what;
  for (std::string_view flag : line.flags) {
    what.clear();
    what.drop_flag = flag;
    if (allows(what)) {
      flip.clear_flag = flag;
      break;
    }
  }

  // The smallest penalty whose removal flips it: the least a person would
  // have to get struck from the record. Those the reasons cite come first,
  // so that would_flip and the reasons tell one story.
  std::vector<const Contribution*> negative;
  for (const Contribution& c : line.contributions)
    if (c.points < 0) negative.push_back(&c);
  std::stable_sort(
      negative.begin(), negative.end(),
      [](const Contribution* a, const Contribution* b) { return a->points > b->points; });
  auto flips = [&](const Contribution* c) {
    what.clear();
    what.drop_rules.push_back(c->rule);
    if (line.score) what.score = score_after(line, c->points, search.range);
    if (search.flag_of) {
      std::string_view flag = search.flag_of(c->rule);
      if (!flag.empty() &&
          std::find(line.flags.begin(), line.flags.end(), flag) != line.flags.end())
        what.drop_flag = flag;
    }
    return allows(what);
  };
  for (int pass = 0; pass < 2 && flip.remove_rule.empty(); ++pass)
    for (const Contribution* c : negative) {
      const bool cited = std::find(preferred.begin(), preferred.end(), c->rule) != preferred.end();
      if (pass == 0 && !cited) continue;
      if (pass == 1 && cited) continue;  // asked already
      if (flips(c)) {
        flip.remove_rule = c->rule;
        break;
      }
    }
  return flip;
}

}  // namespace socred::gate
