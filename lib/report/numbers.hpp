// How numbers read in tables and charts: counts with thousands separators,
// points to at most 3 decimals, rates as percentages, ranges of bins.
#pragma once

#include <cstdint>
#include <string>

namespace socred::report {

std::string count_text(std::uint64_t n);                      // 1,234,567
std::string points_text(std::int64_t thousandths);            // -12.5
std::string signed_points_text(std::int64_t thousandths);     // +12.5 / -12.5 / 0
std::string percent_text(double fraction, int decimals = 1);  // 62.5%
std::string decimal_text(double v, int decimals = 3);         // trailing zeros trimmed
std::string ratio_text(double v);                             // 0.83
/// "350–399" for whole-number bins, "0.5–1" otherwise.
std::string bin_text(double lo, double hi, bool integers);

}  // namespace socred::report
