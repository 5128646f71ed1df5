// Points as integers in thousandths (DESIGN.md "Arithmetic"): reading them
// from JSON numbers, rounding half away from zero, printing at most 3 decimals.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace socred::gate {

/// The number as thousandths, rounded half away from zero; nullopt when it
/// does not fit (|v| >= 2^53 / 1000, where doubles stop being exact).
std::optional<std::int64_t> to_thousandths(double value);

/// Thousandths rounded to a whole number, half away from zero.
std::int64_t round_whole(std::int64_t thousandths);

/// "-45", "-45.5", "0.125": the shortest decimal text, as score prints it.
std::string points_text(std::int64_t thousandths);
/// The same, appended to `out`.
void append_points(std::string& out, std::int64_t thousandths);

}  // namespace socred::gate
