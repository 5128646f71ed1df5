// Comparing one pair of records and weighing it: the comparison vector
// (pattern) of a pair, and its match weight under a model, with term
// frequencies where the model asks for them.
#pragma once

#include <cstdint>
#include <vector>

#include "link/comparators.hpp"
#include "link/em.hpp"
#include "link/fellegi_sunter.hpp"
#include "link/side.hpp"

namespace socred::link {

/// The levels of every comparison for (i, j), packed 4 bits each.
inline std::uint64_t pattern_of(const std::vector<Comparison>& comparisons, const Side& left,
                                std::uint32_t i, const Side& right, std::uint32_t j) {
  std::uint64_t pattern = 0;
  for (std::size_t c = 0; c < comparisons.size(); ++c) {
    int level =
        compare(comparisons[c], left.value(i, c), left.arena, right.value(j, c), right.arena);
    pattern |= static_cast<std::uint64_t>(level) << (4 * c);
  }
  return pattern;
}

class Scorer {
 public:
  /// `totals[c]`: values present for comparison c over the records the
  /// term frequencies were counted on.
  Scorer(const Model& model, const Side& left, const Side& right, std::vector<double> totals);

  /// The weight comparison c adds for (i, j) at `level`.
  double field_weight(std::size_t c, int level, std::uint32_t i) const {
    if (level == 1 && tf_[c]) {
      double share = static_cast<double>(left_.value(i, c).count) / totals_[c];
      return term_frequency_weight(model_.m[c][1], share);
    }
    return table_[c][static_cast<std::size_t>(level)];
  }

  /// The pair's match weight: the prior plus every field's weight.
  double weight(std::uint64_t pattern, std::uint32_t i) const {
    double w = prior_;
    for (std::size_t c = 0; c < table_.size(); ++c) w += field_weight(c, level_in(pattern, c), i);
    return w;
  }

  double prior_weight() const { return prior_; }

 private:
  const Model& model_;
  const Side& left_;
  std::vector<double> totals_;
  std::vector<std::vector<double>> table_;
  std::vector<bool> tf_;
  double prior_;
};

}  // namespace socred::link
