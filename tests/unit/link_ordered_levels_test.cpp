#include <cmath>

#include "catch.hpp"
#include "link/ordered_levels.hpp"

using namespace socred::link;

TEST_CASE("a closer level never weighs less than a looser one", "[link]") {
  Model model;
  model.comparisons.push_back(parse_comparison("surname:name"));
  // exact, reordered, jw>=0.92, jw>=0.88, jw>=0.7, different: jw>=0.92
  // weighs more than exact, as in issue 19's trained model.
  model.m = {{0, 0.80, 0.03, 0.10, 0.03, 0.02, 0.02}};
  model.u = {{0, 0.004, 0.0002, 0.0004, 0.002, 0.01, 0.9834}};
  const double exact_before = model.level_weight(0, 1), jw_before = model.level_weight(0, 3);
  REQUIRE(jw_before > exact_before);
  std::vector<Pooled> pooled = order_levels(model);
  REQUIRE(pooled.size() == 1);
  CHECK(pooled[0].first == 1);
  CHECK(pooled[0].last == 3);
  for (int l = 2; l <= 6; ++l)
    CHECK(model.level_weight(0, l) <= model.level_weight(0, l - 1) + 1e-12);
  // The pool's weight lies between its members' old weights; m still sums to 1.
  CHECK(model.level_weight(0, 1) > exact_before);
  CHECK(model.level_weight(0, 1) < jw_before);
  double sum = 0;
  for (int l = 1; l <= 6; ++l) sum += model.m[0][static_cast<std::size_t>(l)];
  CHECK(sum == Approx(1));
}

TEST_CASE("ordered levels are left alone, and unseen levels are skipped", "[link]") {
  Model model;
  model.comparisons.push_back(parse_comparison("city:text"));
  model.m = {{0, 0.9, 0, 0.05, 0.03, 0.02}};
  model.u = {{0, 0.01, 0, 0.02, 0.05, 0.92}};
  const Model before = model;
  CHECK(order_levels(model).empty());
  CHECK(model.m == before.m);
}
