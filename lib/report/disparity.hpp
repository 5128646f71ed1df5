// Disparity between groups: each group's selection (allow) rate against the
// best group's, flagged below four fifths, the "four-fifths rule" of the US
// Uniform Guidelines, 29 CFR 1607.4(D) (Aequitas and Fairlearn report the
// same ratio as "disparate impact" / "demographic parity ratio").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

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
  double ratio = 0;    // rate / best rate; 0 when the best rate is 0
  bool best = false;   // has the highest rate
  bool below = false;  // ratio < 4/5
};

struct Disparity {
  std::string subject;  // the service, or "score >= 600"
  std::vector<DisparityRow> rows;
  double best_rate = 0;
  std::uint64_t flagged = 0;
};

/// Groups with no members get no rate and are left out; when every rate is 0
/// nothing is flagged (no group is selected at all).
Disparity disparity(std::string subject, const std::vector<GroupRate>& groups);

/// The four-fifths line: 0.8.
inline constexpr double kFourFifths = 0.8;

}  // namespace socred::report
