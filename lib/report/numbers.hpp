// How numbers read in tables and charts: counts with thousands separators,
// points to at most 3 decimals, rates as percentages, ranges of bins.
#pragma once

#include <cstdint>
#include <limits>
#include <string>

namespace socred::report {

/// A value of a column: long double holds every int64 (a score, a count)
/// and every double (a match weight) exactly, so large integers are never
/// rounded on their way to the page.
using Real = long double;
static_assert(std::numeric_limits<Real>::digits >= 64, "long double must hold every int64");

std::string count_text(std::uint64_t n);                      // 1,234,567
std::string points_text(std::int64_t thousandths);            // -12.5
std::string signed_points_text(std::int64_t thousandths);     // +12.5 / -12.5 / 0
std::string percent_text(double fraction, int decimals = 1);  // 62.5%
std::string decimal_text(double v, int decimals = 3);         // trailing zeros trimmed
std::string ratio_text(double v);                             // 0.83
std::string p_text(double p);                                 // 0.0123, 4.56e-08
/// A column's value: a whole number in all its digits (9007199254740993),
/// any other as decimal_text prints it.
std::string real_text(Real v, int decimals = 3);
/// "350–399" for whole-number bins, "0.5–1" otherwise.
std::string bin_text(Real lo, Real hi, bool integers);

}  // namespace socred::report
