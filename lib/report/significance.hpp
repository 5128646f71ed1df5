// The statistics behind a disparity: how sure a group's rate is (Wilson
// interval), how sure its ratio to another group's is (Katz log interval),
// whether the two differ by more than chance (Fisher's exact test), and
// the correction for testing many groups at once (Holm).
#pragma once

#include <cstdint>
#include <vector>

namespace socred::report {

struct Interval {
  double low = 0;
  double high = 0;
};

/// z for a two-sided 95 % interval: the 0.975 quantile of the normal.
inline constexpr double kZ95 = 1.959963984540054;

/// The Wilson score interval of the proportion `selected` / `total`
/// (total > 0): within [0, 1], never empty at 0 or 1, unlike the Wald one.
Interval wilson_interval(std::uint64_t selected, std::uint64_t total, double z = kZ95);

/// The Katz log interval of the risk ratio (a / n) / (b / m), the rate of
/// one group to a reference's (n, m > 0, b > 0): exp(ln ratio +- z * se),
/// se = sqrt(1/a - 1/n + 1/b - 1/m). Where a table cell is 0 (a = 0,
/// a = n or b = m) 0.5 is added to each of the four cells for the interval
/// (Haldane-Anscombe); the interval then always holds the observed ratio.
Interval katz_ratio_interval(std::uint64_t a, std::uint64_t n, std::uint64_t b, std::uint64_t m,
                             double z = kZ95);

/// Two-sided p-value of Fisher's exact test on the 2x2 table
/// [[a, b], [c, d]], as R's fisher.test computes it: the sum of the
/// probabilities (hypergeometric, margins fixed) of every table no more
/// likely than the observed one, "no more" with R's relative tolerance of
/// 1e-7 so that ties that differ only by rounding count.
double fisher_exact_p(std::uint64_t a, std::uint64_t b, std::uint64_t c, std::uint64_t d);

/// Holm's step-down adjustment of p-values for a family of tests (R's
/// p.adjust(p, "holm")), in the order given.
std::vector<double> holm_adjust(const std::vector<double>& p);

}  // namespace socred::report
