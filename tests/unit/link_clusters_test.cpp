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

#include "link/evaluation.hpp"

TEST_CASE("cluster figures close links transitively", "[link]") {
  // True clusters {0,1,2} {3,4} {5}; found: 0-1 and 1-2 (so 0-2 by closure),
  // and 4-5 (wrong), 3 alone.
  std::vector<PairKey> truth{pair_key(0, 1, true), pair_key(0, 2, true), pair_key(1, 2, true),
                             pair_key(3, 4, true)};
  std::vector<Link> links(3);
  links[0].left = 0, links[0].right = 1;
  links[1].left = 1, links[1].right = 2;
  links[2].left = 4, links[2].right = 5;
  ClusterFigures f = cluster_figures(6, links, truth);
  CHECK(f.clusters == 3);
  CHECK(f.true_clusters == 3);
  CHECK(f.pairs == 4);  // 0-1, 0-2, 1-2, 4-5
  CHECK(f.true_pairs == 4);
  CHECK(f.true_positives == 3);
  // B-cubed precision: records 0-2 score 1, 3 scores 1, 4 and 5 score 1/2.
  CHECK(f.bcubed_precision == Approx(5.0 / 6));
  // Recall: 0-2 score 1, 3 and 4 score 1/2, 5 scores 1.
  CHECK(f.bcubed_recall == Approx(5.0 / 6));
  CHECK(f.exact == 1);  // {0,1,2}
  CHECK(f.true_clusters_2 == 2);
  CHECK(f.exact_2 == 1);
}
