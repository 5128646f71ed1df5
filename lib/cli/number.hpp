// Numeric options, read exactly. CLI11 2.1.2 converts with strtoull and
// friends in base 0: "--seed -1" and "--seed 99999999999999999999" both
// became 18446744073709551615, "010" was eight and "nan" passed every range.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>

namespace socred::cli {

/// Checks `text` as a whole decimal number within [min, max] and rewrites
/// it without sign or leading zeros that CLI11 would misread ("+5", "010");
/// returns the complaint, empty when the text is fine.
std::string check_integer(std::string& text, std::int64_t min, std::uint64_t max);
/// Checks `text` as a finite decimal number within [min, max].
std::string check_real(const std::string& text, double min, double max);

/// A CLI11 check for an option bound to a T (an integer or floating type):
/// a number of T's range, or of [min, max] when given. Its description is
/// empty, so --help shows only the option's TYPE.
template <typename T>
CLI::Validator number(T min = std::numeric_limits<T>::lowest(),
                      T max = std::numeric_limits<T>::max()) {
  static_assert(std::is_arithmetic_v<T>);
  if constexpr (std::is_integral_v<T>) {
    const auto lo = static_cast<std::int64_t>(min);
    const auto hi = static_cast<std::uint64_t>(max);
    return CLI::Validator([lo, hi](std::string& s) { return check_integer(s, lo, hi); }, "");
  } else {
    return CLI::Validator([min, max](std::string& s) { return check_real(s, min, max); }, "");
  }
}

/// app.add_option for a number, with the check above first (a transform:
/// CLI11's check() may not rewrite the text).
template <typename T>
CLI::Option* add_number(CLI::App& app, const std::string& name, T& value, const std::string& help,
                        T min = std::numeric_limits<T>::lowest(),
                        T max = std::numeric_limits<T>::max()) {
  return app.add_option(name, value, help)->transform(number<T>(min, max));
}

}  // namespace socred::cli
