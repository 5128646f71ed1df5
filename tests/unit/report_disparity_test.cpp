#include "catch.hpp"
#include "report/disparity.hpp"

using namespace socred::report;

TEST_CASE("four fifths: exactly 0.8 is not below, just below is", "[report]") {
  // Rates 50%, 40% (ratio 0.8 exactly), 39% (0.78), of 1,000 each.
  Disparity d = disparity(
      "loan", {{"a", false, 1000, 500}, {"b", false, 1000, 400}, {"c", false, 1000, 390}}, 30);
  REQUIRE(d.rows.size() == 3);
  CHECK(d.reference_rate == Approx(0.5));
  REQUIRE(d.reference == 0u);
  CHECK(d.rows[0].reference);
  CHECK_FALSE(d.rows[1].below);
  CHECK(*d.rows[1].ratio == Approx(0.8));
  CHECK(d.rows[2].below);
  CHECK(d.rows[2].flagged);  // 390 of 1,000 against 500: p far below 0.05
  CHECK(d.flagged == 1);
  CHECK(d.tested == 2);
}

TEST_CASE("below four fifths but within chance is not flagged", "[report]") {
  // 6 of 40 against 10 of 40: ratio 0.6, yet Fisher's p is about 0.4.
  Disparity d = disparity("visa", {{"a", false, 40, 10}, {"b", false, 40, 6}}, 30);
  REQUIRE(d.rows[1].p);
  CHECK(d.rows[1].below);
  CHECK(*d.rows[1].p > 0.05);
  CHECK_FALSE(d.rows[1].flagged);
  CHECK(d.flagged == 0);
  CHECK(d.below == 1);
}

TEST_CASE("small groups are too few: never the reference, never tested", "[report]") {
  // Lhasa: 12 of 15 allowed, the best rate, but fewer than 30 persons.
  Disparity d = disparity("job",
                          {{"Beijing", false, 400, 200},
                           {"Lhasa", false, 15, 12},
                           {"Tiny", false, 10, 0},
                           {"Wuhan", false, 300, 60}},
                          30);
  REQUIRE(d.reference == 0u);
  CHECK(d.rows[1].too_few);
  CHECK_FALSE(d.rows[1].reference);
  CHECK(d.rows[2].too_few);
  CHECK(d.rows[2].below);          // its ratio is shown...
  CHECK_FALSE(d.rows[2].flagged);  // ...but never flagged
  CHECK_FALSE(d.rows[2].p);
  CHECK(d.rows[3].flagged);  // 20 % against 50 %, 300 persons
  REQUIRE(d.rows[3].p_adjusted);
  CHECK(*d.rows[3].p_adjusted < 0.05);
  CHECK(d.too_few == 2);
  CHECK(d.tested == 1);
  // With --min-group 10 Lhasa becomes the reference.
  CHECK(disparity("job", {{"Beijing", false, 400, 200}, {"Lhasa", false, 15, 12}}, 10).reference ==
        1u);
}

TEST_CASE("Holm adjusts across the groups of one subject", "[report]") {
  Disparity d =
      disparity("x", {{"a", false, 100, 50}, {"b", false, 100, 35}, {"c", false, 100, 36}}, 30);
  REQUIRE(d.rows[1].p);
  REQUIRE(d.rows[2].p);
  // The smaller p is doubled, the larger kept at least as large.
  CHECK(*d.rows[1].p_adjusted == Approx(2 * *d.rows[1].p));
  CHECK(*d.rows[2].p_adjusted >= *d.rows[1].p_adjusted);
}

TEST_CASE("groups with no members are left out; no selection flags nothing", "[report]") {
  Disparity d =
      disparity("visa", {{"a", false, 0, 0}, {"b", false, 40, 0}, {"c", false, 50, 0}}, 30);
  CHECK(d.rows.size() == 2);
  CHECK(d.flagged == 0);
  CHECK_FALSE(d.reference);
  CHECK_FALSE(d.rows[0].ratio);
  CHECK(disparity("none", {}, 30).rows.empty());
}

TEST_CASE("the reference is found by exact comparison of rates", "[report]") {
  // 10/30 and 20/60 are equal: the first is the reference, the other 1.
  Disparity d =
      disparity("x", {{"a", false, 30, 10}, {"b", false, 60, 20}, {"c", false, 40, 10}}, 30);
  CHECK(d.rows[0].reference);
  CHECK_FALSE(d.rows[1].reference);
  CHECK(*d.rows[1].ratio == Approx(1));
  CHECK(d.rows[2].below);  // 0.25 / 0.333 = 0.75 < 0.8
}
