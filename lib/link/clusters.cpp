// Union-find with union by size and path halving; the lowest record of each
// set is tracked at the root, so cluster names do not depend on link order.
#include "link/clusters.hpp"

#include <algorithm>
#include <numeric>
#include <utility>

namespace socred::link {

Clusters::Clusters(std::size_t records, const std::vector<Link>& links)
    : parent_(records), size_(records, 1), first_(records) {
  std::iota(parent_.begin(), parent_.end(), 0);
  std::iota(first_.begin(), first_.end(), 0);
  for (const Link& l : links) {
    std::uint32_t a = find(l.left), b = find(l.right);
    if (a == b) continue;
    if (size_[a] < size_[b]) std::swap(a, b);
    parent_[b] = a;
    size_[a] += size_[b];
    first_[a] = std::min(first_[a], first_[b]);
  }
}

std::uint32_t Clusters::find(std::uint32_t x) const {
  while (parent_[x] != x) {
    parent_[x] = parent_[parent_[x]];
    x = parent_[x];
  }
  return x;
}

}  // namespace socred::link
