#include "catch.hpp"
#include "link/clusters.hpp"

using namespace socred::link;

TEST_CASE("clusters join links transitively and are named by their first record", "[link]") {
  std::vector<Link> links = {{3, 5, 0, 1}, {1, 5, 0, 1}, {2, 4, 0, 1}};
  Clusters c(7, links);
  CHECK(c.cluster_of(5) == 1);
  CHECK(c.cluster_of(3) == 1);
  CHECK(c.cluster_of(1) == 1);
  CHECK(c.size_of(3) == 3);
  CHECK(c.cluster_of(4) == 2);
  CHECK(c.size_of(4) == 2);
  CHECK(c.cluster_of(0) == 0);
  CHECK(c.size_of(6) == 1);
}

TEST_CASE("cluster names do not depend on link order", "[link]") {
  std::vector<Link> a = {{0, 1, 0, 1}, {1, 2, 0, 1}, {3, 2, 0, 1}};
  std::vector<Link> b = {{3, 2, 0, 1}, {1, 2, 0, 1}, {0, 1, 0, 1}};
  Clusters ca(4, a), cb(4, b);
  for (std::uint32_t r = 0; r < 4; ++r) CHECK(ca.cluster_of(r) == cb.cluster_of(r));
}
