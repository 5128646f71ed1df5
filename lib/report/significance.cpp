// Log-space arithmetic throughout: a table of millions of persons has
// probabilities far below the smallest double, so only their ratios to the
// most likely table are ever exponentiated.
#include "report/significance.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace socred::report {

namespace {

double log_choose(double n, double k) {
  return std::lgamma(n + 1) - std::lgamma(k + 1) - std::lgamma(n - k + 1);
}

}  // namespace

Interval wilson_interval(std::uint64_t selected, std::uint64_t total, double z) {
  if (total == 0) return {0, 1};
  const double n = static_cast<double>(total);
  const double p = static_cast<double>(selected) / n;
  const double z2 = z * z;
  const double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const double half = z / (1 + z2 / n) * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
  // At 0 and 1 the bound is exact in theory; keep it so in floating point.
  return {selected == 0 ? 0.0 : std::max(0.0, centre - half),
          selected == total ? 1.0 : std::min(1.0, centre + half)};
}

Interval katz_ratio_interval(std::uint64_t a, std::uint64_t n, std::uint64_t b, std::uint64_t m,
                             double z) {
  const double ratio = (static_cast<double>(a) / static_cast<double>(n)) /
                       (static_cast<double>(b) / static_cast<double>(m));
  double x = static_cast<double>(a), nx = static_cast<double>(n);
  double y = static_cast<double>(b), ny = static_cast<double>(m);
  if (a == 0 || a == n || b == 0 || b == m) {
    x += 0.5;
    nx += 1;
    y += 0.5;
    ny += 1;
  }
  const double centre = std::log((x / nx) / (y / ny));
  const double se = std::sqrt(1 / x - 1 / nx + 1 / y - 1 / ny);
  Interval out{std::exp(centre - z * se), std::exp(centre + z * se)};
  out.low = std::min(out.low, ratio);
  out.high = std::max(out.high, ratio);
  return out;
}

double fisher_exact_p(std::uint64_t a, std::uint64_t b, std::uint64_t c, std::uint64_t d) {
  // Margins: the first column (a + c) holds m of the N, the first row k;
  // a ranges over the support of the hypergeometric distribution.
  const std::uint64_t m = a + c, n = b + d, k = a + b;
  const std::uint64_t lo = k > n ? k - n : 0, hi = std::min(k, m);
  if (lo == hi) return 1;
  auto log_density = [&](std::uint64_t x) {
    return log_choose(static_cast<double>(m), static_cast<double>(x)) +
           log_choose(static_cast<double>(n), static_cast<double>(k - x));
  };
  std::vector<double> logs(hi - lo + 1);
  for (std::uint64_t x = lo; x <= hi; ++x) logs[x - lo] = log_density(x);
  const double top = *std::max_element(logs.begin(), logs.end());
  double all = 0, tail = 0;
  const double observed = std::exp(logs[a - lo] - top);
  constexpr double kRelErr = 1 + 1e-7;
  for (double l : logs) {
    const double p = std::exp(l - top);
    all += p;
    if (p <= observed * kRelErr) tail += p;
  }
  return std::min(1.0, tail / all);
}

std::vector<double> holm_adjust(const std::vector<double>& p) {
  const std::size_t n = p.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t i, std::size_t j) { return p[i] < p[j]; });
  std::vector<double> out(n);
  double running = 0;
  for (std::size_t i = 0; i < n; ++i) {
    running = std::max(running, static_cast<double>(n - i) * p[order[i]]);
    out[order[i]] = std::min(1.0, running);
  }
  return out;
}

}  // namespace socred::report
