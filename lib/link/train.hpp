// Estimating a model from the data alone: u from random pairs, then m and
// the share of matches by EM over the candidate pairs, then the prior for
// two random records.
#pragma once

#include <cstdint>

#include "link/blocking.hpp"
#include "link/em.hpp"
#include "link/fellegi_sunter.hpp"

namespace socred::link {

struct TrainingOptions {
  std::uint64_t random_pairs = 1'000'000;
  std::uint64_t seed = 1;
  unsigned threads = 1;
  EmOptions em;
};

/// What training saw, for the model file and messages.
struct Training {
  std::uint64_t candidate_pairs = 0;
  std::uint64_t random_pairs = 0;
  bool exhaustive = false;  // the random pairs were all the pairs
  double lambda_start = 0;
  EmResult em;
};

/// EM starts from starting_m(), u from the random pairs, and a share of
/// matches that supposes every record of the smaller side (linking) or
/// half the records (deduplicating) has one partner among the candidates.
/// EM estimates u among the candidates too, since blocking makes them agree
/// more than random pairs do; the model keeps the random pairs' u, which is
/// what the prior for two random records needs. The prior is EM's expected
/// matches over all possible pairs.
Model train_model(const std::vector<Comparison>& comparisons, const Side& left, const Side& right,
                  const Blocking& blocking, bool dedupe, const TrainingOptions& options,
                  Training& report);

/// All possible pairs: n_left * n_right, or n (n - 1) / 2 when deduplicating.
double all_pairs(std::size_t n_left, std::size_t n_right, bool dedupe);

}  // namespace socred::link
