#include "catch.hpp"
#include "rules/points.hpp"
#include "rules/program.hpp"
#include "rules/time.hpp"

using namespace socred::rules;

namespace {

Rule with_fade(Fade::Kind kind, std::int64_t seconds) {
  Rule r;
  r.fade.kind = kind;
  r.fade.micros = seconds * kMicrosPerSecond;
  return r;
}

constexpr std::int64_t kDay = kMicrosPerDay;

}  // namespace

TEST_CASE("half-life fades halve the points every half-life", "[rules]") {
  Rule r = with_fade(Fade::half_life, 10 * 86400);
  CHECK(fade_factor(r, 0, 0) == 1.0);
  CHECK(fade_factor(r, 0, 10 * kDay) == 0.5);
  CHECK(fade_factor(r, 0, 20 * kDay) == 0.25);
  CHECK(fade_factor(r, 100, 0) == 1.0);  // after --as-of: age 0
  CHECK(final_points(r, -5000, 0, 10 * kDay) == -2500);
  CHECK(final_points(r, -5000, 0, 30 * kDay) == -625);
  // 2^(-1/3) * 1000 = 793.70...: rounded once, to 794.
  CHECK(final_points(r, 1000, 0, 10 * kDay / 3) == 794);
}

TEST_CASE("expiry keeps the points until the age, then none", "[rules]") {
  Rule r = with_fade(Fade::expire, 365 * 86400);
  CHECK(fade_factor(r, 0, 365 * kDay - 1) == 1.0);
  CHECK(fade_factor(r, 0, 365 * kDay) == 0.0);
  CHECK(final_points(r, -5000, 0, 400 * kDay) == 0);
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

TEST_CASE("fades measure age to the microsecond", "[rules]") {
  // Issue 16: an event at 00:00:00.999 faded from 01:00:00 is 3,599.001 s
  // old, not 3,600; one at 3,599.4 s has not yet expired after an hour.
  Rule half = with_fade(Fade::half_life, 3600);
  CHECK(final_points(half, -1'000'000, 999'000, 3600 * kMicrosPerSecond) == -500'096);
  Rule hour = with_fade(Fade::expire, 3600);
  CHECK(fade_factor(hour, 600'000, 3600 * kMicrosPerSecond) == 1.0);
  CHECK(fade_factor(hour, 0, 3600 * kMicrosPerSecond) == 0.0);
}
