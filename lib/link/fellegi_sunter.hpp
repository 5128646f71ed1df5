// The Fellegi-Sunter model: for each comparison level, the probability m of
// seeing it when two records are one person and u when they are not; a
// pair's match weight is the prior's log2 odds plus each level's log2(m/u).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "link/comparison.hpp"

namespace socred::link {

struct Model {
  std::vector<Comparison> comparisons;
  std::vector<std::vector<double>> m, u;  // [comparison][level]; level 0 (null) unused
  double prior = 1e-4;                    // probability that two records drawn at random match
  // What the prior was estimated on, so that it can be rescaled to data of
  // another size (see rescaled_prior).
  bool dedupe = false;
  std::uint64_t left_records = 0, right_records = 0;
  /// The mean likelihood ratio (product of m/u) of random pairs that no
  /// blocking rule gives: how much a partner might hide outside the blocks.
  double outside_ratio = 0;

  /// log2(m / u); 0 for the null level and for a level never seen at all.
  double level_weight(std::size_t c, int level) const;
  /// log2 of the prior odds.
  double prior_weight() const;
};

/// log2 Bayes factor of a level, with the conventions above.
double bayes_weight(double m, double u);

/// Exact agreement on a value that `share` of all records hold: the chance
/// that two non-matching records agree on it is about `share`, so rare values
/// weigh more than common ones (term-frequency adjustment).
double term_frequency_weight(double m_exact, double share);

/// Match probability from a match weight: 2^w / (1 + 2^w).
double probability(double weight);
/// Match weight from a probability (the inverse).
double weight_of_probability(double p);

/// The prior for data of another size: each left record keeps its chance of
/// having a partner, so the prior scales with 1 / right records (linking) or
/// 1 / (records - 1) (deduplicating).
double rescaled_prior(const Model& model, bool dedupe, std::uint64_t right_records);

}  // namespace socred::link
