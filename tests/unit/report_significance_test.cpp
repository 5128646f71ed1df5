#include "catch.hpp"
#include "report/significance.hpp"

using namespace socred::report;

TEST_CASE("Wilson interval: R's prop.test(correct = FALSE) values", "[report]") {
  Interval half = wilson_interval(5, 10);
  CHECK(half.low == Approx(0.2365931).epsilon(1e-6));
  CHECK(half.high == Approx(0.7634069).epsilon(1e-6));
  // At 0 the interval starts at exactly 0 and reaches z^2 / (n + z^2).
  Interval none = wilson_interval(0, 10);
  CHECK(none.low == 0);
  CHECK(none.high == Approx(0.2775328).epsilon(1e-6));
  Interval all = wilson_interval(200, 200);
  CHECK(all.high == 1);
  CHECK(all.low == Approx(0.9811547).epsilon(1e-6));
}

TEST_CASE("Katz log interval of a ratio of rates", "[report]") {
  // (10/100) / (20/100) = 0.5, se = sqrt(1/10 - 1/100 + 1/20 - 1/100).
  Interval i = katz_ratio_interval(10, 100, 20, 100);
  CHECK(i.low == Approx(0.2466408).epsilon(1e-6));
  CHECK(i.high == Approx(1.0136198).epsilon(1e-6));
  // A group with nobody selected: 0.5 added to each cell, and the interval
  // holds the observed ratio 0.
  Interval zero = katz_ratio_interval(0, 40, 50, 100);
  CHECK(zero.low == 0);
  CHECK(zero.high == Approx(0.3860366).epsilon(1e-6));
  // Of 10 persons none allowed: parity (1) cannot be ruled out.
  CHECK(katz_ratio_interval(0, 10, 50, 100).high > 1);
}

TEST_CASE("Fisher exact test, two-sided, as R's fisher.test", "[report]") {
  // fisher.test(matrix(c(3, 1, 1, 3), 2)): the tea-tasting lady.
  CHECK(fisher_exact_p(3, 1, 1, 3) == Approx(0.4857143).epsilon(1e-6));
  // fisher.test(matrix(c(2, 10, 15, 3), 2)): R's Convictions example.
  CHECK(fisher_exact_p(2, 15, 10, 3) == Approx(0.0005367241).epsilon(1e-6));
  // Larger tables, against exact rational sums (Python's fractions).
  CHECK(fisher_exact_p(120, 130, 80, 170) == Approx(0.00035920916521702895).epsilon(1e-6));
  CHECK(fisher_exact_p(150, 60, 200, 400) == Approx(8.444776407960624e-22).epsilon(1e-6));
  CHECK(fisher_exact_p(2000, 2300, 3000, 2700) == Approx(1.5277233423307964e-09).epsilon(1e-6));
  // Symmetric tables: the observed one is the most likely, p = 1; and so
  // is a table whose margins leave one possible table.
  CHECK(fisher_exact_p(5, 5, 5, 5) == Approx(1));
  CHECK(fisher_exact_p(0, 0, 4, 6) == 1);
  // Ties that differ by rounding count as no more likely (R's 1e-7).
  CHECK(fisher_exact_p(10, 40, 0, 20) == Approx(0.05263613823731084).epsilon(1e-6));
}

TEST_CASE("Holm's adjustment, as R's p.adjust(p, \"holm\")", "[report]") {
  auto adjusted = holm_adjust({0.01, 0.04, 0.03, 0.2});
  REQUIRE(adjusted.size() == 4);
  CHECK(adjusted[0] == Approx(0.04));
  CHECK(adjusted[1] == Approx(0.09));  // 2 * 0.04 = 0.08, raised to the running 0.09
  CHECK(adjusted[2] == Approx(0.09));
  CHECK(adjusted[3] == Approx(0.2));
  CHECK(holm_adjust({0.5, 0.6}) == std::vector<double>{1, 1});
  CHECK(holm_adjust({}).empty());
}
