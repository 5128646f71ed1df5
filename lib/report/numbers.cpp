// Number formatting for people (JSON output prints the raw numbers instead).
#include "report/numbers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "rules/milli.hpp"

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
  // score's own text, with thousands separators in the whole part.
  const std::string plain = rules::format_milli(thousandths);
  const std::size_t sign = plain[0] == '-' ? 1 : 0;
  const std::size_t point = std::min(plain.find('.'), plain.size());
  std::string out = plain.substr(0, sign);
  for (std::size_t i = sign; i < point; ++i) {
    if (i != sign && (point - i) % 3 == 0) out += ',';
    out += plain[i];
  }
  return out + plain.substr(point);
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

std::string p_text(double p) {
  if (!std::isfinite(p)) return "–";
  // Three significant digits: a p-value's order matters, not its tail.
  return fmt::format("{:.3g}", p);
}

namespace {

// The digits of a whole number held in a Real, or nothing when it is not
// one (or too large to be one a report reads: 2^64 and more).
std::string whole_text(Real v) {
  if (v != std::floor(v) || !(std::fabs(v) < 18446744073709551616.0L)) return {};
  if (v < 0) return "-" + std::to_string(static_cast<std::uint64_t>(-v));
  return std::to_string(static_cast<std::uint64_t>(v));
}

}  // namespace

std::string real_text(Real v, int decimals) {
  std::string whole = v == 0 ? "0" : whole_text(v);
  return whole.empty() ? decimal_text(static_cast<double>(v), decimals) : whole;
}

std::string bin_text(Real lo, Real hi, bool integers) {
  if (integers) {
    // Whole bins hold lo .. hi - 1; exact in long double, no int64 overflow.
    const Real last = hi - 1;
    if (lo == last) return real_text(lo);
    return real_text(lo) + "–" + real_text(last);
  }
  return decimal_text(static_cast<double>(lo), 6) + "–" + decimal_text(static_cast<double>(hi), 6);
}

}  // namespace socred::report
