// Fades, caps and spills. Each is a pure function of its inputs, so any
// thread or split computing the same event gets the same Milli.
#include "rules/points.hpp"

#include <cmath>

namespace socred::rules {

double fade_factor(const Rule& rule, std::int64_t event_ts, std::int64_t as_of) {
  if (rule.fade.kind == Fade::none || rule.fade.micros <= 0) return 1.0;
  std::int64_t age = as_of > event_ts ? as_of - event_ts : 0;
  if (rule.fade.kind == Fade::expire) return age < rule.fade.micros ? 1.0 : 0.0;
  return std::exp2(-static_cast<double>(age) / static_cast<double>(rule.fade.micros));
}

Milli final_points(const Rule& rule, double raw, std::int64_t event_ts, std::int64_t as_of) {
  if (rule.fade.kind == Fade::none) return round_milli(raw);
  return round_milli(raw * fade_factor(rule, event_ts, as_of));
}

Milli apply_cap(const Cap& cap, Milli sum) {
  if (cap.limit > 0) return sum < cap.limit ? sum : cap.limit;
  if (cap.limit < 0) return sum > cap.limit ? sum : cap.limit;
  return sum;
}

Milli spill_points(const Spill& spill, Milli points, int hop) {
  if (hop < 1 || hop > spill.hops) return 0;
  double factor = spill.share;
  for (int k = 1; k < hop; ++k) factor *= spill.decay;
  return round_milli(static_cast<double>(points) * factor);
}

}  // namespace socred::rules
