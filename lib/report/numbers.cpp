// Number formatting for people (JSON output prints the raw numbers instead).
#include "report/numbers.hpp"

#include <fmt/format.h>

#include <cmath>

namespace socred::report {

std::string count_text(std::uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string points_text(std::int64_t thousandths) {
  const bool negative = thousandths < 0;
  // Magnitude in unsigned arithmetic: -INT64_MIN does not fit an int64.
  const std::uint64_t m = negative ? 0 - static_cast<std::uint64_t>(thousandths)
                                   : static_cast<std::uint64_t>(thousandths);
  std::string out = negative ? "-" : "";
  out += count_text(m / 1000);
  std::uint64_t frac = m % 1000;
  if (frac != 0) {
    std::string f = fmt::format("{:03}", frac);
    while (!f.empty() && f.back() == '0') f.pop_back();
    out += '.' + f;
  }
  return out;
}

std::string signed_points_text(std::int64_t thousandths) {
  return thousandths > 0 ? "+" + points_text(thousandths) : points_text(thousandths);
}

std::string decimal_text(double v, int decimals) {
  if (!std::isfinite(v)) return "–";
  std::string s = fmt::format("{:.{}f}", v, decimals);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

std::string percent_text(double fraction, int decimals) {
  if (!std::isfinite(fraction)) return "–";
  return fmt::format("{:.{}f}%", fraction * 100, decimals);
}

std::string ratio_text(double v) {
  if (!std::isfinite(v)) return "–";
  return fmt::format("{:.2f}", v);
}

std::string bin_text(double lo, double hi, bool integers) {
  if (integers) {
    auto a = static_cast<std::int64_t>(std::llround(lo));
    auto b = static_cast<std::int64_t>(std::llround(hi)) - 1;
    if (a == b) return std::to_string(a);
    return fmt::format("{}–{}", a, b);
  }
  return decimal_text(lo, 6) + "–" + decimal_text(hi, 6);
}

}  // namespace socred::report
