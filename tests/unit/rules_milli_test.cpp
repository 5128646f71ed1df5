#include "catch.hpp"
#include "rules/milli.hpp"

using namespace socred::rules;

TEST_CASE("round_milli rounds half away from zero, once", "[rules]") {
  CHECK(round_milli(0.0) == 0);
  CHECK(round_milli(0.4999) == 0);
  CHECK(round_milli(0.5) == 1);
  CHECK(round_milli(-0.5) == -1);
  CHECK(round_milli(1.5) == 2);
  CHECK(round_milli(2.5) == 3);  // not banker's rounding
  CHECK(round_milli(-2.5) == -3);
  CHECK(round_milli(123.45) == 123);
  CHECK(round_milli(-1234.5) == -1235);
}

TEST_CASE("round_milli saturates and maps NaN to 0", "[rules]") {
  CHECK(round_milli(1e300) == kMaxMilli);
  CHECK(round_milli(-1e300) == -kMaxMilli);
  CHECK(round_milli(std::nan("")) == 0);
}

TEST_CASE("format_milli prints at most three decimals without trailing zeros", "[rules]") {
  CHECK(format_milli(0) == "0");
  CHECK(format_milli(12500) == "12.5");
  CHECK(format_milli(-3000) == "-3");
  CHECK(format_milli(125) == "0.125");
  CHECK(format_milli(-500) == "-0.5");
  CHECK(format_milli(1) == "0.001");
  CHECK(format_milli(-10) == "-0.01");
  CHECK(format_milli(1000000) == "1000");
  CHECK(format_milli(INT64_MIN) == "-9223372036854775.808");
}

TEST_CASE("parse_milli reads decimal text exactly", "[rules]") {
  CHECK(parse_milli("12.5") == 12500);
  CHECK(parse_milli("-0.125") == -125);
  CHECK(parse_milli("+3") == 3000);
  CHECK(parse_milli("7") == 7000);
  CHECK(parse_milli("0.1") == 100);  // exact, not 0.1 as a double
  CHECK_FALSE(parse_milli("0.0001").has_value());
  CHECK_FALSE(parse_milli("1e3").has_value());
  CHECK_FALSE(parse_milli("").has_value());
  CHECK_FALSE(parse_milli("-").has_value());
  CHECK_FALSE(parse_milli("1.").has_value());
  CHECK_FALSE(parse_milli(".5").has_value());
  CHECK_FALSE(parse_milli("99999999999999999999").has_value());
}
