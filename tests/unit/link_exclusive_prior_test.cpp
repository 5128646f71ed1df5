#include <cmath>
#include <limits>

#include "catch.hpp"
#include "link/exclusive_prior.hpp"

using namespace socred::link;

TEST_CASE("with one partner each, look-alike candidates count as one match", "[link]") {
  // Three left records, 100 right records: the first has two namesake
  // candidates of high odds, the second one such candidate, the third none.
  const double inf = std::numeric_limits<double>::infinity();
  double expected = 0;
  const double two = std::log2(2 * std::exp2(30.0));
  const double prior = exclusive_prior({two, 30.0, -inf}, 100, 1e-3, expected);
  CHECK(expected == Approx(2).epsilon(1e-3));  // not 3: the namesakes compete
  CHECK(prior == Approx(2.0 / 300).epsilon(1e-3));
}
