// Candidate pairs from blocking rules: an index of the right side (or of the
// one side, when deduplicating) by each rule's key, and the walk that gives
// each left record its candidates, every pair once however many rules it
// satisfies.
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "link/side.hpp"

namespace socred::link {

struct RuleCount {
  std::uint64_t pairs = 0;    // pairs the rule creates on its own
  std::uint64_t largest = 0;  // pairs from its biggest single key
  std::string largest_key;    // that key, readable (parts joined by '|')
};

class Blocking {
 public:
  /// Indexes `right` by every rule. With `dedupe`, `left` and `right` are the
  /// same side and only pairs (i, j) with i < j are candidates.
  Blocking(std::size_t rules, const Side& left, const Side& right, bool dedupe);

  /// What each rule would create, from the index alone (no pairs walked).
  std::vector<RuleCount> counts() const;

  /// Calls f(j, rule) for every candidate j of left record i, in rule order
  /// and then right order; a pair that an earlier rule already gives is
  /// skipped, so each pair comes once, attributed to its first rule.
  template <typename F>
  void for_each_candidate(std::uint32_t i, F&& f) const {
    for (std::size_t r = 0; r < indexes_.size(); ++r) {
      const std::uint64_t hash = left_.key_hash(r, i);
      if (hash == 0) continue;
      const Index& index = indexes_[r];
      auto found = index.groups.find(hash);
      if (found == index.groups.end()) continue;
      const std::uint32_t group = found->second;
      std::uint32_t begin = index.begin[group];
      const std::uint32_t end = index.begin[group + 1];
      if (dedupe_) begin = index.position[i] + 1;
      // A group holds one key unless two keys share a 64-bit hash: only then
      // is each pair's key text compared.
      const bool mixed = index.mixed[group] || left_.key_text(r, i) != index.text[group];
      for (std::uint32_t p = begin; p < end; ++p) {
        const std::uint32_t j = index.order[p];
        if (mixed && !left_.same_key(r, i, right_, j)) continue;
        bool earlier = false;
        for (std::size_t q = 0; q < r && !earlier; ++q) earlier = left_.same_key(q, i, right_, j);
        if (!earlier) f(j, r);
      }
    }
  }

 private:
  struct Index {
    std::vector<std::uint32_t> order;  // right records with a key, by (hash, record)
    std::vector<std::uint32_t> begin;  // group g is order[begin[g] .. begin[g + 1])
    std::unordered_map<std::uint64_t, std::uint32_t> groups;  // hash -> group
    std::vector<std::string_view> text;                       // group -> its (first) key
    std::vector<bool> mixed;                                  // group -> holds more than one key
    std::vector<std::uint32_t> position;  // dedupe: record -> its place in order
  };
  const Side& left_;
  const Side& right_;
  bool dedupe_;
  std::vector<Index> indexes_;
};

}  // namespace socred::link
