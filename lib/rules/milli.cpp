// Fixed-point thousandths: the one rounding, printing and exact parsing.
#include "rules/milli.hpp"

#include <cmath>

namespace socred::rules {

Milli round_milli(double thousandths) {
  if (std::isnan(thousandths)) return 0;
  if (thousandths >= static_cast<double>(kMaxMilli)) return kMaxMilli;
  if (thousandths <= -static_cast<double>(kMaxMilli)) return -kMaxMilli;
  // std::round is defined as half away from zero, independent of the
  // floating-point rounding mode.
  return static_cast<Milli>(std::round(thousandths));
}

std::string format_milli(Milli value) {
  // Work on the magnitude as unsigned so INT64_MIN prints too.
  std::uint64_t magnitude =
      value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  std::string out = value < 0 ? "-" : "";
  out += std::to_string(magnitude / 1000);
  unsigned frac = static_cast<unsigned>(magnitude % 1000);
  if (frac != 0) {
    char digits[4] = {static_cast<char>('0' + frac / 100), static_cast<char>('0' + frac / 10 % 10),
                      static_cast<char>('0' + frac % 10), 0};
    int len = 3;
    while (digits[len - 1] == '0') --len;
    out += '.';
    out.append(digits, static_cast<std::size_t>(len));
  }
  return out;
}

std::optional<Milli> parse_milli(std::string_view text) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  std::int64_t whole = 0;
  std::size_t digits = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++digits) {
    if (whole > (kMaxMilli / 1000) / 10) return std::nullopt;
    whole = whole * 10 + (text[i] - '0');
  }
  if (digits == 0) return std::nullopt;
  std::int64_t frac = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    std::size_t decimals = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++decimals) {
      if (decimals == 3) return std::nullopt;
      frac = frac * 10 + (text[i] - '0');
    }
    if (decimals == 0) return std::nullopt;
    for (; decimals < 3; ++decimals) frac *= 10;
  }
  if (i != text.size()) return std::nullopt;
  Milli value = whole * 1000 + frac;
  return negative ? -value : value;
}

}  // namespace socred::rules
