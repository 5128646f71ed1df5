// Times as the formats fix them (RFC 3339, dates YYYY-MM-DD), as
// microseconds since 1970-01-01 UTC, and the calendar periods caps count in.
// Microseconds, because real logs (Zeek) stamp events to the microsecond and
// a fade or an --as-of must not round an event into the wrong side of a
// boundary; 64 bits of them span 292,000 years, past every date we read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace socred::rules {

/// A time or a duration in microseconds (since 1970-01-01 UTC for a time).
using Micros = std::int64_t;

inline constexpr Micros kMicrosPerSecond = 1'000'000;
inline constexpr Micros kMicrosPerDay = 86400 * kMicrosPerSecond;

/// "2024-03-01T12:34:56Z", with fractional seconds ("...56.25Z"; digits past
/// the sixth truncate toward the past) or an offset ("...56+08:00"), or a
/// date "2024-03-01" (midnight UTC); "T" may also be "t" or a space, "Z" may
/// be "z". nullopt for anything else, including impossible dates
/// (2023-02-29).
std::optional<Micros> parse_time(std::string_view text);

/// "2024-03-01T12:34:56Z", or "2024-03-01T12:34:56.25Z" when the time has a
/// fraction (no trailing zeros): parse_time reads it back exactly.
std::string format_time(Micros time);

/// Whole UTC days since 1970-01-01, rounded toward the past.
std::int64_t day_of(Micros time);

/// The calendar period a time falls in for a cap "per N days":
/// floor(day_of(time) / days). `days` 0 means one period for all time
/// ("in total"): always 0.
std::int64_t period_of(Micros time, std::int64_t days);

/// Hour of day 0..23 (UTC).
int hour_of(Micros time);
/// ISO weekday: 1 Monday .. 7 Sunday (UTC).
int weekday_of(Micros time);

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
/// days_from_civil).
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day);

}  // namespace socred::rules
