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

/// "12.5", "-3", "0.125", "0": at most three decimals, no trailing zeros.
std::string format_milli(Milli value);

/// Exact decimal text ("12.5", "-0.125", "+3", "7") to thousandths; nullopt
/// for anything else, including more than three decimals or an exponent.
std::optional<Milli> parse_milli(std::string_view text);

}  // namespace socred::rules
