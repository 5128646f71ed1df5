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

TEST_CASE("issue 16: integers keep all 64 bits in counts, quantiles and extremes", "[report]") {
  Distribution d;
  d.add(9007199254740993LL);  // 2^53 + 1: a double would say ...992
  d.add(9007199254740993LL);
  d.add(9007199254740995LL);
  CHECK(d.exact());
  CHECK(d.min() == 9007199254740993LL);
  CHECK(d.max() == 9007199254740995LL);
  CHECK(d.quantile(0.5) == 9007199254740993LL);
  CHECK(d.quantile(1) == 9007199254740995LL);
  CHECK(d.quantile(0.75) == 9007199254740994LL);  // interpolated, exactly
  Distribution ends;
  ends.add(INT64_MAX);
  ends.add(INT64_MIN);
  ends.add(INT64_MAX - 1);
  CHECK(ends.min() == INT64_MIN);
  CHECK(ends.max() == INT64_MAX);
  CHECK(ends.quantile(1) == INT64_MAX);
  CHECK(ends.quantile(0.5) == INT64_MAX - 1);
}

TEST_CASE("issue 16: histogram bins of int64 extremes are exact and never overflow", "[report]") {
  Distribution top;
  top.add(INT64_MAX);
  auto bins = top.histogram(12);
  REQUIRE(bins.size() == 1);
  CHECK(bins[0].lo == INT64_MAX);  // not INT64_MIN, not 2^63
  CHECK(bins[0].hi == static_cast<socred::report::Real>(INT64_MAX) + 1);
  CHECK(bins[0].count == 1);
  CHECK(socred::report::bin_text(bins[0].lo, bins[0].hi, true) == "9223372036854775807");

  Distribution all;
  for (std::int64_t v : {INT64_MIN, std::int64_t{-1}, std::int64_t{0}, INT64_MAX}) all.add(v);
  bins = all.histogram(12);
  REQUIRE(!bins.empty());
  CHECK(bins.front().lo <= INT64_MIN);
  CHECK(bins.back().hi > INT64_MAX);
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < bins.size(); ++i) {
    total += bins[i].count;
    CHECK(bins[i].hi > bins[i].lo);
    if (i > 0) CHECK(bins[i].lo == bins[i - 1].hi);
  }
  CHECK(total == 4);
  CHECK(bins.front().count >= 1);
  CHECK(bins.back().count >= 1);

  Distribution two;
  two.add(9007199254740993LL);
  two.add(9007199254740994LL);
  bins = two.histogram(12);
  REQUIRE(bins.size() == 2);
  CHECK(socred::report::bin_text(bins[0].lo, bins[0].hi, true) == "9007199254740993");
  CHECK(socred::report::bin_text(bins[1].lo, bins[1].hi, true) == "9007199254740994");
}

TEST_CASE("real_text prints whole numbers in all their digits, others as before", "[report]") {
  using socred::report::real_text;
  CHECK(real_text(9007199254740993LL) == "9007199254740993");
  CHECK(real_text(INT64_MIN) == "-9223372036854775808");
  CHECK(real_text(static_cast<socred::report::Real>(INT64_MAX) + 1) == "9223372036854775808");
  CHECK(real_text(612) == "612");
  CHECK(real_text(-0.0L) == "0");
  CHECK(real_text(636.25) == "636.25");
  CHECK(real_text(569.625, 1) == "569.6");
  CHECK(real_text(1e300) == socred::report::decimal_text(1e300));
}
