#include <cmath>

#include "catch.hpp"
#include "link/fellegi_sunter.hpp"
#include "link/one_to_one.hpp"

using namespace socred::link;

TEST_CASE("weights are log2 Bayes factors", "[link]") {
  CHECK(bayes_weight(0.9, 0.1) == Approx(std::log2(9.0)));
  CHECK(bayes_weight(0.1, 0.9) == Approx(-std::log2(9.0)));
  CHECK(bayes_weight(0, 0) == 0);
  CHECK(std::isfinite(bayes_weight(0.5, 0)));
  CHECK(std::isfinite(bayes_weight(0, 0.5)));
}

TEST_CASE("probability and weight are inverse", "[link]") {
  CHECK(probability(0) == 0.5);
  CHECK(probability(std::log2(9.0)) == Approx(0.9));
  CHECK(weight_of_probability(0.9) == Approx(std::log2(9.0)));
  CHECK(probability(5000) == 1);
  CHECK(probability(-5000) == 0);
}

TEST_CASE("a model's weights: null weighs nothing, prior as log odds", "[link]") {
  Model m;
  m.comparisons.push_back(parse_comparison("name:exact"));
  m.m = {{0, 0.9, 0.1}};
  m.u = {{0, 0.01, 0.99}};
  m.prior = 0.001;
  CHECK(m.level_weight(0, kNullLevel) == 0);
  CHECK(m.level_weight(0, 1) == Approx(std::log2(90.0)));
  CHECK(m.prior_weight() == Approx(std::log2(0.001 / 0.999)));
}

TEST_CASE("term frequency: rare values weigh more", "[link]") {
  CHECK(term_frequency_weight(0.9, 0.0001) > term_frequency_weight(0.9, 0.05));
  CHECK(term_frequency_weight(0.9, 0.05) == Approx(std::log2(0.9 / 0.05)));
}

TEST_CASE("the prior is rescaled to the size of the data", "[link]") {
  Model m;
  m.prior = 0.001;
  m.right_records = 1000;
  CHECK(rescaled_prior(m, false, 2000) == Approx(0.0005));
  m.dedupe = true;
  m.right_records = 101;
  CHECK(rescaled_prior(m, true, 201) == Approx(0.0005));
}

TEST_CASE("one-to-one keeps the heaviest claim of each record", "[link]") {
  std::vector<Link> links = {{0, 0, 0, 5}, {0, 1, 0, 9}, {1, 1, 0, 8}, {1, 0, 0, 4}, {2, 1, 0, 9}};
  auto kept = one_to_one(links);
  // 0-1 and 2-1 tie at 9: the lower left record wins; 1-1 and 0-0 then
  // find a record taken; 1-0 is kept.
  REQUIRE(kept.size() == 2);
  CHECK(kept[0].left == 0);
  CHECK(kept[0].right == 1);
  CHECK(kept[1].left == 1);
  CHECK(kept[1].right == 0);
  auto best = best_per_left({{0, 0, 0, 5}, {0, 1, 0, 9}, {1, 0, 0, 4}, {1, 1, 0, 4}});
  REQUIRE(best.size() == 2);
  CHECK(best[0].right == 1);
  CHECK(best[1].right == 0);  // a tie keeps the lower right record
}
