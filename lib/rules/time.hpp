// Times as the formats fix them (RFC 3339, dates YYYY-MM-DD), as whole
// seconds since 1970-01-01 UTC, and the calendar periods caps count in.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace socred::rules {

inline constexpr std::int64_t kSecondsPerDay = 86400;

/// "2024-03-01T12:34:56Z", with fractional seconds ("...56.25Z", truncated
/// toward the past) or an offset ("...56+08:00"), or a date "2024-03-01"
/// (midnight UTC); "T" may also be "t" or a space, "Z" may be "z". nullopt
/// for anything else, including impossible dates (2023-02-29).
std::optional<std::int64_t> parse_time(std::string_view text);

/// "2024-03-01T12:34:56Z".
std::string format_time(std::int64_t seconds);

/// Whole UTC days since 1970-01-01, rounded toward the past.
std::int64_t day_of(std::int64_t seconds);

/// The calendar period a time falls in for a cap "per N days":
/// floor(day_of(seconds) / days). `days` 0 means one period for all time
/// ("in total"): always 0.
std::int64_t period_of(std::int64_t seconds, std::int64_t days);

/// Hour of day 0..23 (UTC).
int hour_of(std::int64_t seconds);
/// ISO weekday: 1 Monday .. 7 Sunday (UTC).
int weekday_of(std::int64_t seconds);

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
/// days_from_civil).
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day);

}  // namespace socred::rules
