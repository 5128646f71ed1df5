// The proleptic Gregorian calendar's months, for every reader of dates (the
// rules language's times, linkage's dates): one answer to "is this a day".
#pragma once

#include <cstdint>

namespace socred::io {

constexpr bool is_leap_year(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

/// Days in month `m` (1 to 12) of year `y`.
constexpr unsigned days_in_month(std::int64_t y, unsigned m) {
  constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

/// True when year, month and day name a day (1980-02-30 does not).
constexpr bool is_civil_date(std::int64_t y, unsigned m, unsigned d) {
  return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

}  // namespace socred::io
