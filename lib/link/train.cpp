// Training: the random-pair u, the EM run, and the clean-up of estimates
// for levels too rare to estimate.
#include "link/train.hpp"

#include <algorithm>

#include "link/candidates.hpp"
#include "link/random_pairs.hpp"

namespace socred::link {

double all_pairs(std::size_t n_left, std::size_t n_right, bool dedupe) {
  if (dedupe) return n_left < 2 ? 0 : static_cast<double>(n_left) * static_cast<double>(n_left - 1) / 2;
  return static_cast<double>(n_left) * static_cast<double>(n_right);
}

Model train_model(const std::vector<Comparison>& comparisons, const Side& left, const Side& right,
                  const Blocking& blocking, bool dedupe, const TrainingOptions& options,
                  Training& report) {
  std::vector<std::size_t> levels;
  for (const auto& c : comparisons) levels.push_back(c.levels.size());

  RandomPairs random = compare_random_pairs(comparisons, left, right, dedupe, options.random_pairs,
                                            options.seed, options.threads);
  report.random_pairs = random.pairs;
  report.exhaustive = random.exhaustive;
  Table random_counts;
  Table u = level_shares(random.patterns, levels, &random_counts);

  CandidatePatterns candidates =
      count_candidate_patterns(comparisons, left, right, blocking, options.threads);
  report.candidate_pairs = candidates.pairs;
  Table candidate_counts;
  level_shares(candidates.patterns, levels, &candidate_counts);

  const double partners = dedupe ? static_cast<double>(left.size) / 2
                                 : static_cast<double>(std::min(left.size, right.size));
  const double pairs = static_cast<double>(std::max<std::uint64_t>(candidates.pairs, 1));
  report.lambda_start = std::clamp(partners / pairs, 1e-4, 0.5);

  // EM must not start from a u of zero (a level random pairs never showed):
  // that would make the level impossible for non-matches from the start.
  Table u_start = u;
  for (std::size_t c = 0; c < levels.size(); ++c) {
    double seen = 0;
    for (std::size_t l = 1; l < levels[c]; ++l) seen += random_counts[c][l];
    for (std::size_t l = 1; l < levels[c]; ++l)
      u_start[c][l] = std::max(u[c][l], 0.5 / std::max(seen, 1.0));
  }
  report.em = expectation_maximisation(candidates.patterns, levels, starting_m(levels), u_start,
                                       report.lambda_start, options.em);

  Model model;
  model.comparisons = comparisons;
  model.dedupe = dedupe;
  model.left_records = left.size;
  model.right_records = right.size;
  model.m = report.em.m;
  model.u = u;
  // A level no pair showed, random or candidate, has no estimate: m = u = 0
  // gives it no weight. Otherwise each estimate is floored at half a count
  // of what it was estimated from, so that one unseen event is not taken
  // for an impossible one.
  for (std::size_t c = 0; c < levels.size(); ++c) {
    double random_seen = 0;
    for (std::size_t l = 1; l < levels[c]; ++l) random_seen += random_counts[c][l];
    const double matches = std::max(report.em.expected_matches, 1.0);
    for (std::size_t l = 1; l < levels[c]; ++l) {
      if (random_counts[c][l] == 0 && candidate_counts[c][l] == 0) {
        model.m[c][l] = model.u[c][l] = 0;
        continue;
      }
      model.m[c][l] = std::max(model.m[c][l], 0.5 / matches);
      model.u[c][l] = std::max(model.u[c][l], 0.5 / std::max(random_seen, 1.0));
    }
    model.m[c][0] = model.u[c][0] = 0;
  }
  const double everything = all_pairs(left.size, right.size, dedupe);
  model.prior = everything > 0
                    ? std::clamp(report.em.lambda * static_cast<double>(candidates.pairs) / everything,
                                 1e-15, 0.999)
                    : 0.5;
  return model;
}

}  // namespace socred::link
