// Clusters for deduplication: records joined by links, transitively, are
// one person; each cluster is named by its first record.
#pragma once

#include <cstdint>
#include <vector>

#include "link/candidates.hpp"

namespace socred::link {

class Clusters {
 public:
  /// Union-find over `records` records joined by `links`.
  Clusters(std::size_t records, const std::vector<Link>& links);
  /// The cluster's name: its member with the lowest record number.
  std::uint32_t cluster_of(std::uint32_t record) const { return first_[find(record)]; }
  std::uint32_t size_of(std::uint32_t record) const { return size_[find(record)]; }

 private:
  std::uint32_t find(std::uint32_t x) const;
  mutable std::vector<std::uint32_t> parent_;
  std::vector<std::uint32_t> size_, first_;
};

}  // namespace socred::link
