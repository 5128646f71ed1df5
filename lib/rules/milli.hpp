// Points as fixed-point thousandths (DESIGN.md "Arithmetic"): parsed exactly
// from decimal text, rounded once half away from zero, printed with at most
// three decimals and no trailing zeros.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace socred::rules {

/// Points in thousandths: 12.5 points is 12500. Sums of Milli are exact in
/// any order, which is what makes thread counts and splits give equal bytes.
using Milli = std::int64_t;

inline constexpr Milli kMilliPerPoint = 1000;
/// The largest magnitude one rounding returns (10^12 points), so that sums
/// of up to ~9000 saturated values still fit in 64 bits.
inline constexpr Milli kMaxMilli = 1'000'000'000'000'000;

/// Rounds a count of thousandths (possibly fractional) to a whole one, half
/// away from zero: 0.5 -> 1, -0.5 -> -1, 2.4999 -> 2. NaN gives 0; values past
/// kMaxMilli saturate.
Milli round_milli(double thousandths);

/// Thousandths to whole points, half away from zero, in integers: exact
/// for every value, INT64_MIN and INT64_MAX included.
std::int64_t round_whole(Milli value);

/// Points as a double, for what only draws them (a chart's bar length).
inline double milli_as_double(Milli value) {
  return static_cast<double>(value) / static_cast<double>(kMilliPerPoint);
}

/// "12.5", "-3", "0.125", "0": at most three decimals, no trailing zeros.
std::string format_milli(Milli value);
/// The same, appended to `out`.
void append_milli(std::string& out, Milli value);

/// The rules language's numbers: exact decimal text with an optional sign
/// and exponent ("12.5", "-0.125", "+3", "2.5e1", "1e-3") times
/// 10^decimals, as an integer; nullopt for anything else, for a value that
/// needs more decimals (2.5e-4 at 3), or past 64 bits.
std::optional<std::int64_t> parse_scaled(std::string_view text, int decimals);

/// parse_scaled(text, 3): thousandths, nullopt past kMaxMilli.
std::optional<Milli> parse_milli(std::string_view text);

/// A JSON number's text in any form JSON allows ("12.5", "-1e3", "2.50E+1",
/// "9223372036854775.807") to thousandths, read exactly from the digits, no
/// double on the way: what score writes reads back as it was. More than
/// three decimals round once, half away from zero. nullopt when `text` is
/// not a JSON number or the value does not fit 64 bits.
std::optional<Milli> parse_json_milli(std::string_view text);

/// A JSON number's text whose value is a whole number ("612", "6.12e2",
/// "600.0"), exactly; nullopt for a fraction, a value past 64 bits, or text
/// that is not a JSON number.
std::optional<std::int64_t> parse_json_integer(std::string_view text);

}  // namespace socred::rules
