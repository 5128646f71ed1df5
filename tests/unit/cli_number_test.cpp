#include <cstdint>
#include <limits>

#include "catch.hpp"
#include "cli/number.hpp"

using socred::cli::check_integer;
using socred::cli::check_real;

namespace {

// The text after the check, or "refused".
std::string integer(std::string text, std::int64_t min, std::uint64_t max) {
  return check_integer(text, min, max).empty() ? text : "refused";
}

constexpr std::uint64_t kU64 = std::numeric_limits<std::uint64_t>::max();
constexpr std::int64_t kI64Min = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kI64Max = std::numeric_limits<std::int64_t>::max();

}  // namespace

TEST_CASE("whole numbers are decimal, whatever CLI11 would make of them", "[cli]") {
  CHECK(integer("010", 0, kU64) == "10");  // not octal 8
  CHECK(integer("+5", 0, kU64) == "5");
  CHECK(integer("-0", 0, kU64) == "0");
  CHECK(integer("0x10", 0, kU64) == "refused");
  CHECK(integer("1e3", 0, kU64) == "refused");
  CHECK(integer("", 0, kU64) == "refused");
  CHECK(integer("-", 0, kU64) == "refused");
  CHECK(integer(" 1", 0, kU64) == "refused");
}

TEST_CASE("whole numbers out of the type's range are refused, not saturated", "[cli]") {
  CHECK(integer("18446744073709551615", 0, kU64) == "18446744073709551615");
  CHECK(integer("18446744073709551616", 0, kU64) == "refused");
  CHECK(integer("99999999999999999999", 0, kU64) == "refused");
  CHECK(integer("-1", 0, kU64) == "refused");
  CHECK(integer("-9223372036854775808", kI64Min, kI64Max) == "-9223372036854775808");
  CHECK(integer("-9223372036854775809", kI64Min, kI64Max) == "refused");
  CHECK(integer("9223372036854775808", kI64Min, kI64Max) == "refused");
  CHECK(integer("0", 1, 50000000) == "refused");
  CHECK(integer("50000001", 1, 50000000) == "refused");
  CHECK(integer("-3", -5, 5) == "-3");
  CHECK(integer("-6", -5, 5) == "refused");
}

TEST_CASE("the complaint says what was expected and what came", "[cli]") {
  std::string text = "-1";
  CHECK(check_integer(text, 0, kU64) ==
        "must be a whole number from 0 to 18446744073709551615, got '-1'");
  CHECK(check_real("nan", 0, 1) == "must be a number from 0 to 1, got 'nan'");
  CHECK(check_real("inf", std::numeric_limits<double>::lowest(),
                   std::numeric_limits<double>::max()) == "must be a finite number, got 'inf'");
}

TEST_CASE("real numbers are finite decimals in range", "[cli]") {
  const double lo = std::numeric_limits<double>::lowest(), hi = std::numeric_limits<double>::max();
  CHECK(check_real("0.5", 0, 1).empty());
  CHECK(check_real(".5", 0, 1).empty());
  CHECK(check_real("5.", 0, 10).empty());
  CHECK(check_real("2.5e1", 0, 100).empty());
  CHECK(check_real("-1e3", lo, hi).empty());
  CHECK(check_real("1e-400", lo, hi).empty());  // underflows to zero: still a number
  CHECK_FALSE(check_real("1e400", lo, hi).empty());
  CHECK_FALSE(check_real("nan", lo, hi).empty());
  CHECK_FALSE(check_real("-inf", lo, hi).empty());
  CHECK_FALSE(check_real("0x1p-1", lo, hi).empty());
  CHECK_FALSE(check_real("1.5", 0, 1).empty());
  CHECK_FALSE(check_real("1e", lo, hi).empty());
  CHECK_FALSE(check_real(".", lo, hi).empty());
  CHECK_FALSE(check_real("", lo, hi).empty());
}
