// Civil dates as day numbers (days since 1970-01-01, proleptic Gregorian),
// their text forms, and parsing of --start: no time zone, no current date.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace socred::world {

struct Civil {
  int year;
  int month;  // 1..12
  int day;    // 1..31
};

/// Howard Hinnant's days_from_civil / civil_from_days.
std::int64_t days_from_civil(int y, int m, int d);
Civil civil_from_days(std::int64_t days);
/// 0 = Monday ... 6 = Sunday.
int weekday(std::int64_t days);

/// "YYYY-MM-DD", or that followed by "T00:00:00Z" (a start must be midnight
/// UTC); nullopt if malformed or not a real date.
std::optional<std::int64_t> parse_start(std::string_view text);

/// Writes "YYYY-MM-DD" (10 bytes) at `out`.
void format_date(std::int64_t days, char* out);
std::string date_text(std::int64_t days);

}  // namespace socred::world
