#include <simdjson.h>

#include <random>
#include <string>

#include "catch.hpp"
#include "rules/json_points.hpp"

using namespace socred::rules;

namespace {
simdjson::dom::parser parser;
std::optional<Milli> points_of(const std::string& text) {
  simdjson::dom::element e = parser.parse(text).value();
  return json_points(e, [&] { return std::string_view(text); });
}
}  // namespace

TEST_CASE("json_points: whole numbers from the DOM, checked for range", "[rules]") {
  CHECK(points_of("0") == 0);
  CHECK(points_of("-45") == -45000);
  CHECK(points_of("9223372036854775") == 9223372036854775000);
  CHECK_FALSE(points_of("9223372036854776").has_value());      // past int64 in thousandths
  CHECK_FALSE(points_of("18446744073709551615").has_value());  // past int64 itself
  CHECK_FALSE(points_of("\"12\"").has_value());
  CHECK_FALSE(points_of("null").has_value());
}

TEST_CASE("json_points: decimals read as their digits say, fast path or not", "[rules]") {
  CHECK(points_of("25.5") == 25500);
  CHECK(points_of("-0.125") == -125);
  CHECK(points_of("0.0005") == 1);  // half-way: from the text, half away from zero
  CHECK(points_of("-2.0005") == -2001);
  CHECK(points_of("0.00049999999999999999999") == 0);
  CHECK(points_of("9007199254740.993") == 9007199254740993);  // past 2^33: from the text
  CHECK(points_of("2.5e1") == 25000);
  // Every value the double path answers must be what the digits say.
  std::mt19937_64 rng(16);
  for (int i = 0; i < 200000; ++i) {
    const int decimals = static_cast<int>(rng() % 7);
    const std::uint64_t scale = rng() % 4;
    const std::uint64_t whole = rng() % (scale == 0   ? 10
                                         : scale == 1 ? 100000
                                         : scale == 2 ? 10000000000ULL
                                                      : 100000000000000ULL);
    std::string text = (rng() % 2 ? "-" : "") + std::to_string(whole);
    if (decimals > 0) {
      text += '.';
      for (int d = 0; d < decimals; ++d) text += static_cast<char>('0' + rng() % 10);
      if (rng() % 8 == 0 && decimals > 3) text[text.size() - decimals + 3] = '5';  // half-way-ish
    }
    INFO(text);
    REQUIRE(points_of(text) == parse_json_milli(text));
  }
}
