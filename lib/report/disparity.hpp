// Disparity between groups: each group's selection (allow) rate against a
// reference group's, flagged below four fifths, the "four-fifths rule" of
// the US Uniform Guidelines, 29 CFR 1607.4(D) (Aequitas and Fairlearn report
// the same ratio as "disparate impact" / "demographic parity ratio"), but
// only where the difference is more than chance: the Guidelines themselves
// (1607.4(D)) discount differences from small numbers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "report/significance.hpp"

namespace socred::report {

struct GroupRate {
  std::string group;
  bool missing = false;
  std::uint64_t total = 0;
  std::uint64_t selected = 0;  // allowed, or at or above the cutoff
};

struct DisparityRow {
  std::string group;
  bool missing = false;
  std::uint64_t total = 0;
  std::uint64_t selected = 0;
  double rate = 0;
  Interval rate_interval;                  // Wilson, 95 %
  bool too_few = false;                    // fewer persons than min_group: never tested
  bool reference = false;                  // the group every other is compared with
  std::optional<double> ratio;             // rate / reference rate; none without a reference
  std::optional<Interval> ratio_interval;  // Katz log, 95 %; not for the reference
  std::optional<double> p;                 // Fisher exact, two-sided; tested groups only
  std::optional<double> p_adjusted;        // Holm, across the tested groups of this subject
  bool below = false;                      // ratio < 4/5 (exact)
  bool flagged = false;                    // below, tested and p_adjusted < alpha
};

struct Disparity {
  std::string subject;  // the service, or "score >= 600"
  std::vector<DisparityRow> rows;
  std::uint64_t min_group = 0;
  std::optional<std::size_t> reference;  // index into rows
  double reference_rate = 0;
  std::uint64_t tested = 0;   // groups given a p-value
  std::uint64_t too_few = 0;  // groups below min_group
  std::uint64_t below = 0;    // tested groups whose ratio is below four fifths
  std::uint64_t flagged = 0;  // of which the difference is significant
};

/// Groups with no members are left out. The reference is the group with
/// the highest rate among those of at least `min_group` persons (the first
/// of equals); there is none when no such group exists or its rate is 0,
/// and then nothing is tested or flagged.
Disparity disparity(std::string subject, const std::vector<GroupRate>& groups,
                    std::uint64_t min_group);

/// The four-fifths line: 0.8.
inline constexpr double kFourFifths = 0.8;
/// The level at which a Holm-adjusted p-value counts as significant.
inline constexpr double kAlpha = 0.05;
/// --min-group's default: groups smaller than this are "too few".
inline constexpr std::uint64_t kDefaultMinGroup = 30;

}  // namespace socred::report
