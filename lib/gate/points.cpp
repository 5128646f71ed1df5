// Fixed-point points, so that what-if sums in would_flip are exact.
#include "gate/points.hpp"

#include <cmath>

namespace socred::gate {

std::optional<std::int64_t> to_thousandths(double value) {
  const double scaled = value * 1000.0;
  if (!std::isfinite(scaled) || std::fabs(scaled) >= 9007199254740992.0) return std::nullopt;
  return static_cast<std::int64_t>(std::llround(scaled));  // llround: half away from zero
}

std::int64_t round_whole(std::int64_t thousandths) {
  const std::int64_t whole = thousandths / 1000, rest = thousandths % 1000;
  if (rest >= 500) return whole + 1;
  if (rest <= -500) return whole - 1;
  return whole;
}

std::string points_text(std::int64_t thousandths) {
  std::string text;
  append_points(text, thousandths);
  return text;
}

void append_points(std::string& text, std::int64_t thousandths) {
  std::uint64_t magnitude = thousandths < 0 ? 0 - static_cast<std::uint64_t>(thousandths)
                                            : static_cast<std::uint64_t>(thousandths);
  if (thousandths < 0) text += '-';
  text += std::to_string(magnitude / 1000);
  unsigned frac = static_cast<unsigned>(magnitude % 1000);
  if (frac != 0) {
    char digits[4] = {char('0' + frac / 100), char('0' + frac / 10 % 10), char('0' + frac % 10), 0};
    int len = 3;
    while (digits[len - 1] == '0') --len;
    text += '.';
    text.append(digits, static_cast<std::size_t>(len));
  }
}

}  // namespace socred::gate
