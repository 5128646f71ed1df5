#include "catch.hpp"
#include "rules/time.hpp"

using namespace socred::rules;

namespace {
constexpr std::int64_t kS = kMicrosPerSecond;
constexpr std::int64_t kDay = kMicrosPerDay;
}  // namespace

TEST_CASE("parse_time reads RFC 3339 and dates", "[rules]") {
  CHECK(parse_time("1970-01-01T00:00:00Z") == 0);
  CHECK(parse_time("1970-01-01") == 0);
  CHECK(parse_time("2024-03-01T12:34:56Z") == 1709296496 * kS);
  CHECK(parse_time("2024-03-01t12:34:56z") == 1709296496 * kS);
  CHECK(parse_time("2024-03-01 12:34:56Z") == 1709296496 * kS);
  CHECK(parse_time("2024-03-01T12:34:56.999Z") == 1709296496 * kS + 999000);
  CHECK(parse_time("2024-03-01T20:34:56+08:00") == 1709296496 * kS);
  CHECK(parse_time("2024-03-01T07:04:56-05:30") == 1709296496 * kS);
  CHECK(parse_time("2024-02-29") == 1709164800 * kS);  // a leap day
  CHECK(parse_time("1969-12-31T23:59:59Z") == -kS);
}

TEST_CASE("parse_time refuses what is not a time", "[rules]") {
  for (const char* bad :
       {"", "2024", "2024-13-01", "2023-02-29", "2024-03-01T12:34:56", "2024-03-01T24:00:00Z",
        "2024-03-01T12:60:00Z", "2024-03-01T12:34:56.Z", "2024-03-01T12:34:56+0800",
        "2024-03-01T12:34:56Zjunk", "2024-3-1", "x024-03-01", "2024-03-01X"})
    CHECK_FALSE(parse_time(bad).has_value());
}

TEST_CASE("format_time prints RFC 3339 UTC and reads back", "[rules]") {
  CHECK(format_time(0) == "1970-01-01T00:00:00Z");
  CHECK(format_time(1709296496 * kS) == "2024-03-01T12:34:56Z");
  CHECK(format_time(-kS) == "1969-12-31T23:59:59Z");
  for (std::int64_t t :
       {-400 * kDay, 951782400 * kS, 4102444799 * kS, 1709296496 * kS + 250000, std::int64_t{-1}})
    CHECK(parse_time(format_time(t)) == t);
}

TEST_CASE("calendar periods count whole UTC days from 1970-01-01", "[rules]") {
  CHECK(day_of(0) == 0);
  CHECK(day_of(kDay - 1) == 0);
  CHECK(day_of(kDay) == 1);
  CHECK(day_of(-1) == -1);
  // floor(days / 30): day 29 is period 0, day 30 period 1, day -1 period -1.
  CHECK(period_of(30 * kDay - 1, 30) == 0);
  CHECK(period_of(30 * kDay, 30) == 1);
  CHECK(period_of(-1, 30) == -1);
  CHECK(period_of(*parse_time("2024-03-01T12:00:00Z"), 30) == 19783 / 30);
  CHECK(period_of(123456789 * kS, 0) == 0);  // "in total": one period
}

TEST_CASE("hour and ISO weekday in UTC", "[rules]") {
  CHECK(hour_of(*parse_time("2024-03-01T23:59:59Z")) == 23);
  CHECK(hour_of(*parse_time("2024-03-01T20:00:00+08:00")) == 12);
  CHECK(weekday_of(0) == 4);                          // a Thursday
  CHECK(weekday_of(*parse_time("2024-03-04")) == 1);  // a Monday
  CHECK(weekday_of(*parse_time("2024-03-03T23:59:59Z")) == 7);
  CHECK(weekday_of(-1) == 3);
}

TEST_CASE("parse_time keeps fractions to the microsecond", "[rules]") {
  // Issue 16: sub-second stamps (Zeek's) were cut to whole seconds.
  CHECK(parse_time("2024-01-01T00:00:00.999Z") == *parse_time("2024-01-01") + 999000);
  CHECK(parse_time("2024-01-01T01:00:00.4Z") == *parse_time("2024-01-01T01:00:00Z") + 400000);
  CHECK(parse_time("2024-01-01T00:00:00.1234567Z") == *parse_time("2024-01-01") + 123456);
  CHECK(parse_time("1969-12-31T23:59:59.5Z") == -kS / 2);
  CHECK(parse_time("2024-01-01T08:00:00.25+08:00") == *parse_time("2024-01-01") + 250000);
  CHECK(format_time(*parse_time("2024-01-01T00:00:00.5Z")) == "2024-01-01T00:00:00.5Z");
  CHECK(format_time(*parse_time("2024-01-01T00:00:00.000001Z")) == "2024-01-01T00:00:00.000001Z");
  CHECK(format_time(-1) == "1969-12-31T23:59:59.999999Z");
  CHECK(hour_of(*parse_time("2024-03-01T23:59:59.999Z")) == 23);
}
