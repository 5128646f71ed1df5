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
    for (std::uint32_t j = 0; j < right.size; ++j)
      if (right.key_hash(r, j) != 0) index.order.push_back(j);
    std::sort(index.order.begin(), index.order.end(), [&](std::uint32_t a, std::uint32_t b) {
      const std::uint64_t ha = right.key_hash(r, a), hb = right.key_hash(r, b);
      return ha != hb ? ha < hb : a < b;
    });
    index.groups.reserve(index.order.size());
    for (std::uint32_t p = 0; p < index.order.size(); ++p) {
      const std::uint32_t j = index.order[p];
      const std::uint64_t h = right.key_hash(r, j);
      if (p == 0 || h != right.key_hash(r, index.order[p - 1])) {
        index.groups.emplace(h, static_cast<std::uint32_t>(index.begin.size()));
        index.begin.push_back(p);
        index.text.push_back(right.key_text(r, j));
        index.mixed.push_back(false);
      } else if (right.key_text(r, j) != index.text.back()) {
        index.mixed.back() = true;
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
        const std::uint64_t hash = left_.key_hash(r, i);
        if (hash == 0) continue;
        auto found = index.groups.find(hash);
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
      std::string text(index.text[largest_group]);
      std::replace(text.begin(), text.end(), '\x1f', '|');
      out[r].largest_key = text;
    }
  }
  return out;
}

}  // namespace socred::link
