// RFC 3339 parsing and printing, and day arithmetic with floor division so
// that times before 1970 fall in the right day and period.
#include "rules/time.hpp"

#include <fmt/format.h>

#include "io/calendar.hpp"

namespace socred::rules {
namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// Reads exactly `n` digits at `pos`.
bool digits(std::string_view s, std::size_t pos, std::size_t n, unsigned& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + static_cast<unsigned>(s[i] - '0');
  }
  return true;
}

struct Civil {
  std::int64_t year;
  unsigned month, day;
};

Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = floor_div(z, 146097);
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {m <= 2 ? y + 1 : y, m, d};
}

}  // namespace

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = floor_div(y, 400);
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::optional<Micros> parse_time(std::string_view s) {
  unsigned year, month, day;
  if (!digits(s, 0, 4, year) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, month) ||
      s[7] != '-' || !digits(s, 8, 2, day))
    return std::nullopt;
  if (!io::is_civil_date(year, month, day)) return std::nullopt;
  Micros t = days_from_civil(year, month, day) * kMicrosPerDay;
  if (s.size() == 10) return t;
  unsigned hh, mm, ss;
  if (!(s[10] == 'T' || s[10] == 't' || s[10] == ' ') || !digits(s, 11, 2, hh) || s.size() < 19 ||
      s[13] != ':' || !digits(s, 14, 2, mm) || s[16] != ':' || !digits(s, 17, 2, ss))
    return std::nullopt;
  // 60 is a leap second, which RFC 3339 allows; it counts as the next second.
  if (hh > 23 || mm > 59 || ss > 60) return std::nullopt;
  t += (hh * 3600 + mm * 60 + ss) * kMicrosPerSecond;
  std::size_t i = 19;
  if (i < s.size() && s[i] == '.') {
    std::size_t start = ++i;
    Micros place = kMicrosPerSecond / 10;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, place /= 10)
      t += (s[i] - '0') * place;  // place is 0 past the sixth digit: truncated
    if (i == start) return std::nullopt;
  }
  if (i == s.size()) return std::nullopt;  // RFC 3339 requires the offset
  if ((s[i] == 'Z' || s[i] == 'z') && i + 1 == s.size()) return t;
  if (s[i] != '+' && s[i] != '-') return std::nullopt;
  unsigned oh, om;
  if (s.size() != i + 6 || !digits(s, i + 1, 2, oh) || s[i + 3] != ':' ||
      !digits(s, i + 4, 2, om) || oh > 23 || om > 59)
    return std::nullopt;
  Micros offset = (oh * 3600 + om * 60) * kMicrosPerSecond;
  return s[i] == '+' ? t - offset : t + offset;
}

std::string format_time(Micros time) {
  std::int64_t days = floor_div(time, kMicrosPerDay);
  Micros rest = time - days * kMicrosPerDay;
  std::int64_t seconds = rest / kMicrosPerSecond;
  auto fraction = static_cast<unsigned>(rest % kMicrosPerSecond);
  Civil c = civil_from_days(days);
  std::string out = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", c.year, c.month, c.day,
                                seconds / 3600, seconds / 60 % 60, seconds % 60);
  if (fraction != 0) {
    std::string digits = fmt::format(".{:06}", fraction);
    while (digits.back() == '0') digits.pop_back();
    out += digits;
  }
  out += 'Z';
  return out;
}

std::int64_t day_of(Micros time) { return floor_div(time, kMicrosPerDay); }

std::int64_t period_of(Micros time, std::int64_t days) {
  if (days <= 0) return 0;
  return floor_div(day_of(time), days);
}

int hour_of(Micros time) {
  return static_cast<int>((time - day_of(time) * kMicrosPerDay) / (3600 * kMicrosPerSecond));
}

int weekday_of(Micros time) {
  // 1970-01-01 was a Thursday (ISO 4).
  std::int64_t d = day_of(time);
  return static_cast<int>(floor_div(d + 3, 7) * -7 + d + 3) + 1;
}

}  // namespace socred::rules
