// Building the blocking index: a sort by key hash per rule, so each group of
// records sharing a key is one contiguous range.
#include "link/blocking.hpp"

#include <algorithm>
#include <numeric>

namespace socred::link {

Blocking::Blocking(std::size_t rules, const Side& left, const Side& right, bool dedupe)
    : left_(left), right_(right), dedupe_(dedupe), indexes_(rules) {
  for (std::size_t r = 0; r < rules; ++r) {
    Index& index = indexes_[r];
    const auto& keys = right.keys[r];
    for (std::uint32_t j = 0; j < right.size; ++j)
      if (keys[j].present()) index.order.push_back(j);
    std::sort(index.order.begin(), index.order.end(), [&](std::uint32_t a, std::uint32_t b) {
      return keys[a].hash != keys[b].hash ? keys[a].hash < keys[b].hash : a < b;
    });
    index.groups.reserve(index.order.size());
    for (std::uint32_t p = 0; p < index.order.size(); ++p) {
      std::uint64_t h = keys[index.order[p]].hash;
      if (p == 0 || h != keys[index.order[p - 1]].hash) {
        index.groups.emplace(h, static_cast<std::uint32_t>(index.begin.size()));
        index.begin.push_back(p);
      }
    }
    index.begin.push_back(static_cast<std::uint32_t>(index.order.size()));
    if (dedupe) {
      index.position.assign(right.size, 0);
      for (std::uint32_t p = 0; p < index.order.size(); ++p) index.position[index.order[p]] = p;
    }
  }
}

std::vector<RuleCount> Blocking::counts() const {
  std::vector<RuleCount> out(indexes_.size());
  for (std::size_t r = 0; r < indexes_.size(); ++r) {
    const Index& index = indexes_[r];
    const std::size_t groups = index.begin.size() - 1;
    // Left records per group (for dedupe, the group's own size).
    std::vector<std::uint64_t> hits(groups, 0);
    if (dedupe_) {
      for (std::size_t g = 0; g < groups; ++g) hits[g] = index.begin[g + 1] - index.begin[g];
    } else {
      for (std::uint32_t i = 0; i < left_.size; ++i) {
        const KeyRef& key = left_.keys[r][i];
        if (!key.present()) continue;
        auto found = index.groups.find(key.hash);
        if (found != index.groups.end()) ++hits[found->second];
      }
    }
    std::size_t largest_group = groups;
    for (std::size_t g = 0; g < groups; ++g) {
      std::uint64_t size = index.begin[g + 1] - index.begin[g];
      std::uint64_t pairs = dedupe_ ? size * (size - 1) / 2 : size * hits[g];
      out[r].pairs += pairs;
      if (pairs > out[r].largest) {
        out[r].largest = pairs;
        largest_group = g;
      }
    }
    if (largest_group < groups) {
      const KeyRef& key = right_.keys[r][index.order[index.begin[largest_group]]];
      std::string text(right_.arena.view(key.offset, key.length));
      std::replace(text.begin(), text.end(), '\x1f', '|');
      out[r].largest_key = text;
    }
  }
  return out;
}

}  // namespace socred::link
