#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "catch.hpp"
#include "report/distribution.hpp"

using socred::report::Distribution;

namespace {
// Type 7 on a sorted copy: the definition the distribution must match.
double type7(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  double h = q * static_cast<double>(v.size() - 1);
  auto lo = static_cast<std::size_t>(std::floor(h));
  std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

// Adds `n` values draw(0), draw(1)... to `d`; returns them, to check against.
template <typename Draw>
std::vector<double> add_drawn(Distribution& d, int n, Draw draw) {
  std::vector<double> all;
  for (int i = 0; i < n; ++i) {
    double v = draw(i);
    d.add(v);
    all.push_back(v);
  }
  return all;
}
}  // namespace

TEST_CASE("exact quantiles interpolate between order statistics (type 7)", "[report]") {
  Distribution d;
  for (int i = 10; i >= 1; --i) d.add(i);
  CHECK(d.exact());
  CHECK(d.count() == 10);
  CHECK(d.mean() == Approx(5.5));
  CHECK(d.quantile(0.1) == Approx(1.9));
  CHECK(d.quantile(0.5) == Approx(5.5));
  CHECK(d.quantile(0.9) == Approx(9.1));
  CHECK(d.quantile(0) == 1);
  CHECK(d.quantile(1) == 10);
}

TEST_CASE("repeated values stay exact whatever the number of lines", "[report]") {
  Distribution d;
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> score(350, 950);
  std::vector<double> all = add_drawn(d, 200000, [&](int) { return score(rng); });
  CHECK(d.exact());
  for (double q : {0.1, 0.25, 0.5, 0.75, 0.9}) CHECK(d.quantile(q) == type7(all, q));
}

TEST_CASE("past the distinct-value budget the sketch keeps its stated error", "[report]") {
  Distribution d;
  std::mt19937 rng(11);
  std::lognormal_distribution<double> amount(3.0, 1.2);
  std::vector<double> all =
      add_drawn(d, 50000, [&](int i) { return amount(rng) * (i % 5 == 0 ? -1 : 1); });
  REQUIRE_FALSE(d.exact());
  std::sort(all.begin(), all.end());
  for (double q : {0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99}) {
    // Within the bound of some value between the bracketing order statistics.
    double h = q * static_cast<double>(all.size() - 1);
    double lo = all[static_cast<std::size_t>(std::floor(h))];
    double hi = all[static_cast<std::size_t>(std::ceil(h))];
    double got = d.quantile(q);
    double slack = Distribution::kRelativeError * std::max(std::fabs(lo), std::fabs(hi)) + 1e-9;
    CHECK(got >= std::min(lo, hi) - slack);
    CHECK(got <= std::max(lo, hi) + slack);
  }
  CHECK(d.min() == all.front());
  CHECK(d.max() == all.back());
}

TEST_CASE("histograms use nice widths and count every value once", "[report]") {
  Distribution d;
  for (int v = 350; v <= 950; v += 3) d.add(v);
  auto bins = d.histogram(12);
  REQUIRE(!bins.empty());
  CHECK(bins.front().hi - bins.front().lo == 50);
  CHECK(bins.front().lo == 350);
  CHECK(bins.back().lo <= 950);
  CHECK(bins.back().hi > 950);
  std::uint64_t total = 0;
  for (const auto& b : bins) total += b.count;
  CHECK(total == d.count());
  CHECK(socred::report::nice_width(0.9, 12, false) == Approx(0.1));
  CHECK(socred::report::nice_width(30, 12, true) == 5);  // 2.5 is not a whole width
  CHECK(socred::report::nice_width(3, 12, true) == 1);
}

TEST_CASE("a value on a bin edge falls in the bin it opens", "[report]") {
  Distribution d;
  for (double v : {0.1, 0.2, 0.3, 0.4}) d.add(v);
  auto bins = d.histogram(0.0, 0.1, 5);
  CHECK(bins[0].count == 0);
  CHECK(bins[1].count == 1);
  CHECK(bins[2].count == 1);
  CHECK(bins[3].count == 1);
  CHECK(bins[4].count == 1);
}

TEST_CASE("merging groups gives the distribution of all their values", "[report]") {
  Distribution a, b, all;
  for (int i = 0; i < 3000; ++i) {
    (i % 2 ? a : b).add(i * 0.37);
    all.add(i * 0.37);
  }
  a.merge(b);
  CHECK(a.count() == all.count());
  CHECK(a.exact() == all.exact());
  CHECK(a.quantile(0.5) == all.quantile(0.5));
  CHECK(a.mean() == Approx(all.mean()));
}
