#include "catch.hpp"
#include "report/disparity.hpp"

using namespace socred::report;

TEST_CASE("four fifths: exactly 0.8 passes, just below is flagged", "[report]") {
  // Rates 50%, 40% (ratio 0.8 exactly), 39% (0.78).
  Disparity d =
      disparity("loan", {{"a", false, 100, 50}, {"b", false, 100, 40}, {"c", false, 100, 39}});
  REQUIRE(d.rows.size() == 3);
  CHECK(d.best_rate == Approx(0.5));
  CHECK(d.rows[0].best);
  CHECK_FALSE(d.rows[1].below);
  CHECK(d.rows[1].ratio == Approx(0.8));
  CHECK(d.rows[2].below);
  CHECK(d.flagged == 1);
}

TEST_CASE("groups with no members are left out; no selection flags nothing", "[report]") {
  Disparity d = disparity("visa", {{"a", false, 0, 0}, {"b", false, 10, 0}, {"c", false, 5, 0}});
  CHECK(d.rows.size() == 2);
  CHECK(d.flagged == 0);
  CHECK(d.best_rate == 0);
  CHECK_FALSE(d.rows[0].best);
  CHECK(disparity("none", {}).rows.empty());
}

TEST_CASE("the best group is found by exact comparison of rates", "[report]") {
  // 1/3 and 2/6 are equal: both best.
  Disparity d = disparity("x", {{"a", false, 3, 1}, {"b", false, 6, 2}, {"c", false, 4, 1}});
  CHECK(d.rows[0].best);
  CHECK(d.rows[1].best);
  CHECK_FALSE(d.rows[2].best);
  CHECK(d.rows[2].below);  // 0.25 / 0.333 = 0.75 < 0.8
}
