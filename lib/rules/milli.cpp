// Fixed-point thousandths: the one rounding, printing and exact parsing.
// Decimal text is read digit by digit into an integer scaled to the wanted
// power of ten, so a value is exact wherever 64 bits can hold it.
#include "rules/milli.hpp"

#include <cmath>

namespace socred::rules {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A decimal number as written: its sign, its digits (integer part, then
// fraction), and the exponent that applies to them.
struct Decimal {
  bool negative = false;
  std::string_view whole;     // digits before the point
  std::string_view fraction;  // digits after it (may be empty)
  long exponent = 0;          // the number is whole.fraction x 10^exponent
};

// JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?;
// with `leading_zeros`, the rules language's, which also allows "007".
std::optional<Decimal> read_json_number(std::string_view t, bool leading_zeros = false) {
  Decimal d;
  std::size_t i = 0;
  if (i < t.size() && t[i] == '-') d.negative = true, ++i;
  const std::size_t whole_at = i;
  if (!leading_zeros && i < t.size() && t[i] == '0') {
    ++i;
  } else {
    while (i < t.size() && is_digit(t[i])) ++i;
  }
  if (i == whole_at) return std::nullopt;
  d.whole = t.substr(whole_at, i - whole_at);
  if (i < t.size() && t[i] == '.') {
    const std::size_t at = ++i;
    while (i < t.size() && is_digit(t[i])) ++i;
    if (i == at) return std::nullopt;
    d.fraction = t.substr(at, i - at);
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    bool minus = false;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) minus = t[i++] == '-';
    const std::size_t at = i;
    long e = 0;
    for (; i < t.size() && is_digit(t[i]); ++i)
      if (e < 1'000'000) e = e * 10 + (t[i] - '0');  // past this, only 0 or overflow
    if (i == at) return std::nullopt;
    d.exponent = minus ? -e : e;
  }
  if (i != t.size()) return std::nullopt;
  return d;
}

// round(d x 10^scale), half away from zero, and whether nothing was
// dropped; nullopt past 64 bits.
std::optional<std::int64_t> scaled(const Decimal& d, int scale, bool& exact) {
  // Digit k of whole then fraction has the power of ten `top - k`.
  const std::size_t n = d.whole.size() + d.fraction.size();
  auto digit = [&](std::size_t k) {
    return k < d.whole.size() ? d.whole[k] - '0' : d.fraction[k - d.whole.size()] - '0';
  };
  // Digits kept: those whose power (after scaling) is >= 0.
  const long shift = d.exponent + scale - static_cast<long>(d.fraction.size());
  const long kept = static_cast<long>(n) + (shift < 0 ? shift : 0);
  std::uint64_t magnitude = 0;
  const std::uint64_t limit = d.negative ? 9223372036854775808ULL : 9223372036854775807ULL;
  auto push = [&](int v) {
    if (magnitude > (limit - static_cast<std::uint64_t>(v)) / 10) return false;
    magnitude = magnitude * 10 + static_cast<std::uint64_t>(v);
    return true;
  };
  for (long k = 0; k < kept; ++k)
    if (!push(digit(static_cast<std::size_t>(k)))) return std::nullopt;
  exact = true;
  if (shift > 0) {
    // Zeros appended; a zero value stays zero whatever the exponent.
    for (long k = 0; k < shift && magnitude != 0; ++k)
      if (!push(0)) return std::nullopt;
  } else if (kept < static_cast<long>(n)) {
    // The first dropped digit decides: 5 or more is at least half.
    const std::size_t first = static_cast<std::size_t>(kept < 0 ? 0 : kept);
    const bool up = kept >= 0 && digit(first) >= 5;
    for (std::size_t k = first; k < n; ++k) exact = exact && digit(k) == 0;
    if (up && magnitude == limit) return std::nullopt;
    if (up) ++magnitude;
  }
  if (d.negative) return static_cast<std::int64_t>(0 - magnitude);
  return static_cast<std::int64_t>(magnitude);
}

}  // namespace

Milli round_milli(double thousandths) {
  if (std::isnan(thousandths)) return 0;
  if (thousandths >= static_cast<double>(kMaxMilli)) return kMaxMilli;
  if (thousandths <= -static_cast<double>(kMaxMilli)) return -kMaxMilli;
  // std::round is defined as half away from zero, independent of the
  // floating-point rounding mode.
  return static_cast<Milli>(std::round(thousandths));
}

std::int64_t round_whole(Milli value) {
  // Quotient and remainder truncate toward zero, so neither overflows.
  std::int64_t whole = value / kMilliPerPoint;
  const std::int64_t rest = value % kMilliPerPoint;
  if (rest >= 500) ++whole;
  if (rest <= -500) --whole;
  return whole;
}

std::string format_milli(Milli value) {
  std::string out;
  append_milli(out, value);
  return out;
}

void append_milli(std::string& out, Milli value) {
  // Work on the magnitude as unsigned so INT64_MIN prints too.
  const std::uint64_t magnitude =
      value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  if (value < 0) out += '-';
  out += std::to_string(magnitude / 1000);
  const auto frac = static_cast<unsigned>(magnitude % 1000);
  if (frac != 0) {
    const char digits[3] = {static_cast<char>('0' + frac / 100),
                            static_cast<char>('0' + frac / 10 % 10),
                            static_cast<char>('0' + frac % 10)};
    std::size_t len = 3;
    while (digits[len - 1] == '0') --len;
    out += '.';
    out.append(digits, len);
  }
}

std::optional<std::int64_t> parse_scaled(std::string_view text, int decimals) {
  std::string_view t = text;
  if (!t.empty() && t[0] == '+') {
    t.remove_prefix(1);
    if (!t.empty() && t[0] == '-') return std::nullopt;
  }
  auto d = read_json_number(t, true);
  if (!d) return std::nullopt;
  bool exact = true;
  auto value = scaled(*d, decimals, exact);
  if (!value || !exact) return std::nullopt;
  return value;
}

std::optional<Milli> parse_milli(std::string_view text) {
  auto value = parse_scaled(text, 3);
  if (!value || *value > kMaxMilli || *value < -kMaxMilli) return std::nullopt;
  return value;
}

std::optional<Milli> parse_json_milli(std::string_view text) {
  auto d = read_json_number(text);
  if (!d) return std::nullopt;
  bool exact = true;
  return scaled(*d, 3, exact);
}

std::optional<std::int64_t> parse_json_integer(std::string_view text) {
  auto d = read_json_number(text);
  if (!d) return std::nullopt;
  bool exact = true;
  auto value = scaled(*d, 0, exact);
  if (!value || !exact) return std::nullopt;
  return value;
}

}  // namespace socred::rules
