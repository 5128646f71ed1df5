// A fixed point like train.cpp's, over records rather than patterns: a
// record's odds sum is all that matters, so each iteration is one pass over
// the left records.
#include "link/exclusive_prior.hpp"

#include <algorithm>
#include <cmath>

#include "link/fellegi_sunter.hpp"

namespace socred::link {

double exclusive_prior(const std::vector<double>& log2_odds, std::size_t right_records,
                       double start, double& expected) {
  const double all = static_cast<double>(log2_odds.size()) * static_cast<double>(right_records);
  expected = 0;
  if (all <= 0) return start;
  double prior = std::clamp(start, 1e-15, 0.999);
  for (int iteration = 0; iteration < 500; ++iteration) {
    const double has_partner = std::min(prior * static_cast<double>(right_records), 0.999);
    const double shift = std::log2(prior) - std::log2(1 - prior) - std::log2(1 - has_partner);
    expected = 0;
    for (double s : log2_odds)
      if (std::isfinite(s)) expected += probability(shift + s);
    const double next = std::clamp(expected / all, 1e-15, 0.999);
    const bool settled = std::fabs(next - prior) <= 1e-9 * prior;
    prior = next;
    if (settled) break;
  }
  return prior;
}

}  // namespace socred::link
