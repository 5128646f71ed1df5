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
  CHECK(parse_milli("1e3") == 1000000);  // socred-rules.5 lists 2.5e3 as a number
  CHECK(parse_milli("2.5e1") == 25000);
  CHECK(parse_milli("-1e3") == -1000000);
  CHECK(parse_milli("1E-3") == 1);
  CHECK(parse_milli("0.1000") == 100);  // exact to the thousandth
  CHECK_FALSE(parse_milli("2.5e-4").has_value());
  CHECK_FALSE(parse_milli("1e13").has_value());
  CHECK_FALSE(parse_milli("").has_value());
  CHECK_FALSE(parse_milli("-").has_value());
  CHECK_FALSE(parse_milli("1.").has_value());
  CHECK_FALSE(parse_milli(".5").has_value());
  CHECK_FALSE(parse_milli("99999999999999999999").has_value());
}

TEST_CASE("round_whole rounds thousandths to whole points, half away from zero", "[rules]") {
  CHECK(round_whole(599500) == 600);
  CHECK(round_whole(599499) == 599);
  CHECK(round_whole(-500) == -1);
  CHECK(round_whole(-499) == 0);
  CHECK(round_whole(0) == 0);
  // The ends of int64: no overflow on the way (score's own copy negated).
  CHECK(round_whole(INT64_MAX) == 9223372036854776);
  CHECK(round_whole(INT64_MIN) == -9223372036854776);
}

TEST_CASE("append_milli appends what format_milli returns", "[rules]") {
  std::string out = "x=";
  append_milli(out, -5);
  CHECK(out == "x=-0.005");
  append_milli(out, 1010);
  CHECK(out == "x=-0.0051.01");
  CHECK(format_milli(INT64_MAX) == "9223372036854775.807");
}

TEST_CASE("parse_milli keeps the rules language's limit", "[rules]") {
  CHECK(parse_milli("1000000000000") == kMaxMilli);
  CHECK(parse_milli("-1000000000000") == -kMaxMilli);
  CHECK_FALSE(parse_milli("1000000000000.001").has_value());
  CHECK_FALSE(parse_milli("+-1").has_value());
  CHECK(parse_milli("007.50") == 7500);
}

TEST_CASE("parse_json_milli reads any JSON number exactly", "[rules]") {
  CHECK(parse_json_milli("12.5") == 12500);
  CHECK(parse_json_milli("-0.125") == -125);
  CHECK(parse_json_milli("0") == 0);
  CHECK(parse_json_milli("-0") == 0);
  CHECK(parse_json_milli("0.1") == 100);
  CHECK(parse_json_milli("2.5e1") == 25000);
  CHECK(parse_json_milli("2.50E+1") == 25000);
  CHECK(parse_json_milli("-1e3") == -1000000);
  CHECK(parse_json_milli("125e-3") == 125);
  CHECK(parse_json_milli("1e-3") == 1);
  CHECK(parse_json_milli("0e999999999") == 0);
  CHECK(parse_json_milli("1e-999999999") == 0);
  // What score writes, at the ends of int64 and past 2^53.
  CHECK(parse_json_milli("9223372036854775.807") == INT64_MAX);
  CHECK(parse_json_milli("-9223372036854775.808") == INT64_MIN);
  CHECK(parse_json_milli("9007199254740.993") == 9007199254740993);
  CHECK(parse_json_milli("0.0000000000000000000000009223372036854775807e40") == INT64_MAX);
  // More decimals round once, half away from zero, from the digits.
  CHECK(parse_json_milli("0.0005") == 1);
  CHECK(parse_json_milli("-0.0005") == -1);
  CHECK(parse_json_milli("0.00049999999999999999999") == 0);  // a double would say 0.0005
  CHECK(parse_json_milli("2.4995") == 2500);
  CHECK(parse_json_milli("0.00001") == 0);
  CHECK(parse_json_milli("9223372036854775.8069") == INT64_MAX);
  // Past 64 bits, or not JSON.
  CHECK_FALSE(parse_json_milli("9223372036854775.808").has_value());
  CHECK_FALSE(parse_json_milli("9223372036854775.8075").has_value());
  CHECK_FALSE(parse_json_milli("-9223372036854775.809").has_value());
  CHECK_FALSE(parse_json_milli("1e300").has_value());
  CHECK_FALSE(parse_json_milli("1e400").has_value());
  for (const char* bad : {"", "-", "+1", "01", "1.", ".5", "1e", "1e+", "--1", "1x", " 1", "0x1",
                          "NaN", "Infinity", "1.5.2"})
    CHECK_FALSE(parse_json_milli(bad).has_value());
}

TEST_CASE("parse_json_integer reads whole numbers exactly, in any JSON form", "[rules]") {
  CHECK(parse_json_integer("612") == 612);
  CHECK(parse_json_integer("6.12e2") == 612);
  CHECK(parse_json_integer("600.0") == 600);
  CHECK(parse_json_integer("-0") == 0);
  CHECK(parse_json_integer("9223372036854775807") == INT64_MAX);
  CHECK(parse_json_integer("-9223372036854775808") == INT64_MIN);
  CHECK(parse_json_integer("9.007199254740993e15") == 9007199254740993);
  CHECK_FALSE(parse_json_integer("9223372036854775808").has_value());
  CHECK_FALSE(parse_json_integer("1.5").has_value());
  CHECK_FALSE(parse_json_integer("1e-1").has_value());
  CHECK_FALSE(parse_json_integer("1e300").has_value());
  CHECK_FALSE(parse_json_integer("x").has_value());
}
