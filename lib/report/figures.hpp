// Figures derived from the tallies that more than one output needs (the
// layout for people and the JSON for tools must agree on every number).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "report/disparity.hpp"
#include "report/groups.hpp"
#include "report/tally.hpp"

namespace socred::report {

/// The quantiles every distribution reports.
inline constexpr double kQuantiles[] = {0.1, 0.25, 0.5, 0.75, 0.9};
std::string quantile_name(double q);  // "p10", "median"...

/// Points moved by public records against private platforms. "Moved" is the
/// sum of |points|, so a gain and a loss both count as weight.
struct SourceShares {
  std::int64_t public_weight = 0;
  std::int64_t private_weight = 0;
  std::int64_t public_net = 0;
  std::int64_t private_net = 0;
  double public_share() const;  // of all |points|; 0 when none moved
};
SourceShares source_shares(const Ledger& sources, const Settings& settings);
bool is_public(const std::string& source, const Settings& settings);

/// The entries with the largest |total|, at most `top` (0: all), ties in
/// first-seen order.
std::vector<Ledger::Entry> heaviest(const Ledger& ledger, int top);

/// Four-fifths comparisons: score lines at the cutoff (one), decisions per
/// service (one per service, services in first-seen order).
/// Groups of fewer than `min_group` persons are "too few" (see disparity()).
Disparity score_disparity(const Grouped<ScoreTally>& grouped, double cutoff,
                          std::uint64_t min_group);
std::vector<Disparity> decision_disparities(const Grouped<DecisionTally>& grouped,
                                            std::uint64_t min_group);

struct LinkQuality {
  double precision = 0, recall = 0, f1 = 0;
  bool defined = false;  // some pair carried ground truth
};
LinkQuality link_quality(const LinkTally& tally);
LinkQuality evaluation_quality(const LinkEvaluation& e);

/// Histogram bins for one distribution, about `target` of them (0: 12).
std::vector<Bin> bins_of(const Distribution& d, int target);

}  // namespace socred::report
