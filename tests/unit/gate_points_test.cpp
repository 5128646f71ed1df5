#include "catch.hpp"
#include "gate/points.hpp"

using namespace socred::gate;

TEST_CASE("points print with at most three decimals, no trailing zeros", "[gate]") {
  CHECK(points_text(0) == "0");
  CHECK(points_text(-45000) == "-45");
  CHECK(points_text(-45500) == "-45.5");
  CHECK(points_text(125) == "0.125");
  CHECK(points_text(-5) == "-0.005");
  CHECK(points_text(1010) == "1.01");
}

TEST_CASE("points read as thousandths and round half away from zero", "[gate]") {
  CHECK(*to_thousandths(-45.5) == -45500);
  CHECK(*to_thousandths(0.1) == 100);
  CHECK(*to_thousandths(-0.0005) == -1);
  CHECK(!to_thousandths(1e300));
  CHECK(round_whole(599500) == 600);
  CHECK(round_whole(599499) == 599);
  CHECK(round_whole(-500) == -1);
  CHECK(round_whole(-499) == 0);
}
