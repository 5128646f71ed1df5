#include "catch.hpp"
#include "rules/points.hpp"
#include "rules/program.hpp"

using namespace socred::rules;

namespace {

Rule with_fade(Fade::Kind kind, std::int64_t seconds) {
  Rule r;
  r.fade.kind = kind;
  r.fade.seconds = seconds;
  return r;
}

}  // namespace

TEST_CASE("half-life fades halve the points every half-life", "[rules]") {
  Rule r = with_fade(Fade::half_life, 10 * 86400);
  CHECK(fade_factor(r, 0, 0) == 1.0);
  CHECK(fade_factor(r, 0, 10 * 86400) == 0.5);
  CHECK(fade_factor(r, 0, 20 * 86400) == 0.25);
  CHECK(fade_factor(r, 100, 0) == 1.0);  // after --as-of: age 0
  CHECK(final_points(r, -5000, 0, 10 * 86400) == -2500);
  CHECK(final_points(r, -5000, 0, 30 * 86400) == -625);
  // 2^(-1/3) * 1000 = 793.70...: rounded once, to 794.
  CHECK(final_points(r, 1000, 0, 10 * 86400 / 3) == 794);
}

TEST_CASE("expiry keeps the points until the age, then none", "[rules]") {
  Rule r = with_fade(Fade::expire, 365 * 86400);
  CHECK(fade_factor(r, 0, 365 * 86400 - 1) == 1.0);
  CHECK(fade_factor(r, 0, 365 * 86400) == 0.0);
  CHECK(final_points(r, -5000, 0, 400 * 86400) == 0);
}

TEST_CASE("without a fade, final points are the raw points rounded", "[rules]") {
  Rule r;
  CHECK(final_points(r, 123.5, 0, 1 << 30) == 124);
  CHECK(final_points(r, -123.5, 0, 0) == -124);
}

TEST_CASE("caps limit a period's sum in the direction of the points", "[rules]") {
  CHECK(apply_cap(Cap{30000, 30}, 45000) == 30000);
  CHECK(apply_cap(Cap{30000, 30}, 12000) == 12000);
  CHECK(apply_cap(Cap{30000, 30}, -12000) == -12000);
  CHECK(apply_cap(Cap{-60000, 30}, -75000) == -60000);
  CHECK(apply_cap(Cap{-60000, 30}, -5000) == -5000);
}

TEST_CASE("spills share points with decay per hop", "[rules]") {
  Spill s;
  s.share = 0.2;
  s.hops = 2;
  s.decay = 0.5;
  CHECK(spill_points(s, -5000, 1) == -1000);
  CHECK(spill_points(s, -5000, 2) == -500);
  CHECK(spill_points(s, -5000, 3) == 0);
  CHECK(spill_points(s, -5000, 0) == 0);
  CHECK(spill_points(s, -1, 1) == 0);   // -0.2 thousandths rounds to 0
  CHECK(spill_points(s, -3, 1) == -1);  // -0.6 rounds away from zero
}
