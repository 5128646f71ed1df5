// Whole and real numbers in options: decimal only, finite, in range, with
// a message that says what was expected.
#include "cli/number.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace socred::cli {
namespace {

std::string integer_range(std::int64_t min, std::uint64_t max) {
  return fmt::format("must be a whole number from {} to {}", min, max);
}

std::string real_range(double min, double max) {
  if (min == std::numeric_limits<double>::lowest() && max == std::numeric_limits<double>::max())
    return "must be a finite number";
  return fmt::format("must be a number from {} to {}", min, max);
}

// [+-] digits [. digits] [e [+-] digits], or with the digits after the
// point only: what a person writes, without strtod's hex, inf and nan.
bool decimal(const std::string& t) {
  std::size_t i = 0, n = t.size();
  if (i < n && (t[i] == '+' || t[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < n && t[i] >= '0' && t[i] <= '9') ++i, ++digits;
  if (i < n && t[i] == '.') {
    ++i;
    while (i < n && t[i] >= '0' && t[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < n && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < n && (t[i] == '+' || t[i] == '-')) ++i;
    std::size_t exponent = 0;
    while (i < n && t[i] >= '0' && t[i] <= '9') ++i, ++exponent;
    if (exponent == 0) return false;
  }
  return i == n;
}

}  // namespace

std::string check_integer(std::string& text, std::int64_t min, std::uint64_t max) {
  const std::string complaint = fmt::format("{}, got '{}'", integer_range(min, max), text);
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  if (i == text.size()) return complaint;
  std::uint64_t magnitude = 0;
  for (; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return complaint;
    const auto digit = static_cast<unsigned>(text[i] - '0');
    if (magnitude > (UINT64_MAX - digit) / 10) return complaint;  // beyond any 64-bit number
    magnitude = magnitude * 10 + digit;
  }
  if (negative && magnitude > 0) {
    // -magnitude >= min, written without overflowing: magnitude <= -min.
    const std::uint64_t floor = min < 0 ? static_cast<std::uint64_t>(-(min + 1)) + 1 : 0;
    if (magnitude > floor) return complaint;
    text = fmt::format("-{}", magnitude);
  } else {
    if (magnitude > max || (min > 0 && magnitude < static_cast<std::uint64_t>(min)))
      return complaint;
    text = fmt::format("{}", magnitude);
  }
  return {};
}

std::string check_real(const std::string& text, double min, double max) {
  const std::string complaint = fmt::format("{}, got '{}'", real_range(min, max), text);
  if (!decimal(text)) return complaint;
  errno = 0;
  const double value = std::strtod(text.c_str(), nullptr);
  if (!std::isfinite(value) || (errno == ERANGE && std::fabs(value) > 1) || value < min ||
      value > max)
    return complaint;
  return {};
}

}  // namespace socred::cli
