#include <cmath>
#include <set>

#include "catch.hpp"
#include "world/rng.hpp"

using namespace socred::world;

TEST_CASE("Rng is SplitMix64: the reference sequence for seed 1234567", "[world]") {
  // Values from Vigna's splitmix64.c, so the stream is the published one.
  Rng rng(1234567);
  CHECK(rng.next() == 6457827717110365317ULL);
  CHECK(rng.next() == 3203168211198807973ULL);
  CHECK(rng.next() == 9817491932198370423ULL);
}

TEST_CASE("det_exp and det_log agree with the C library to a few ulps", "[world]") {
  for (double x = -700; x <= 700; x += 0.731) {
    double want = std::exp(x);
    CHECK(std::fabs(det_exp(x) - want) <= 1e-15 * want);
  }
  for (double x = 1e-300; x < 1e300; x *= 7.31) {
    double want = std::log(x);
    CHECK(std::fabs(det_log(x) - want) <= 1e-15 * std::fabs(want));
  }
  CHECK(det_log(1.0) == 0.0);
  CHECK(det_exp(0.0) == 1.0);
}

TEST_CASE("draws are pinned bit for bit, whatever the machine", "[world]") {
  // If one of these changes, every generated file changes: that is a new
  // version of the output, not a refactoring.
  Rng rng(stream_key(7, 3, 11, 13, 17));
  CHECK(rng.next() == 0x563722e6fb712dd0ULL);
  CHECK(rng.poisson(4.5) == 2u);
  CHECK(rng.lognormal(4.09, 0.6) == Approx(85.3442654559).epsilon(1e-6));
  CHECK(permute32(12345, 99) == 0x2c613272U);
}

TEST_CASE("permute32 is a bijection", "[world]") {
  std::set<std::uint32_t> seen;
  for (std::uint32_t x = 0; x < 100000; ++x) seen.insert(permute32(x, 0x1234567890abcdefULL));
  CHECK(seen.size() == 100000);
}

TEST_CASE("Poisson and log-normal draws have their parameters", "[world]") {
  Rng rng(42);
  for (double lambda : {0.05, 2.0, 17.0, 80.0}) {
    double sum = 0, sq = 0;
    const int n = 100000;
    for (int i = 0; i < n; ++i) {
      double k = rng.poisson(lambda);
      sum += k;
      sq += k * k;
    }
    double mean = sum / n, var = sq / n - mean * mean;
    CHECK(mean == Approx(lambda).epsilon(0.03));
    CHECK(var == Approx(lambda).epsilon(0.05));
  }
  double sum = 0, sq = 0;
  const int n = 100000;
  for (int i = 0; i < n; ++i) {
    double l = std::log(rng.lognormal(5.0, 0.8));
    sum += l;
    sq += l * l;
  }
  CHECK(sum / n == Approx(5.0).epsilon(0.002));
  CHECK(std::sqrt(sq / n - (sum / n) * (sum / n)) == Approx(0.8).epsilon(0.01));
}

TEST_CASE("below and pick stay in range and follow the weights", "[world]") {
  Rng rng(9);
  const double cum[3] = {1, 1, 4};  // weights 1, 0, 3
  int hits[3] = {};
  for (int i = 0; i < 40000; ++i) {
    CHECK(rng.below(7) < 7u);
    ++hits[rng.pick(cum, 3)];
  }
  CHECK(hits[1] == 0);
  CHECK(hits[0] / 40000.0 == Approx(0.25).margin(0.01));
}
