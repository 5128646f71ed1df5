// Estimating a model from the data alone, as Splink's documentation
// describes: u from random pairs; m by EM in one session per blocking rule
// over the pairs that rule gives, leaving out the comparisons of the
// fields the rule blocks on (those agree by construction there); then the
// prior, the probability that two random records match.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "link/blocking.hpp"
#include "link/em.hpp"
#include "link/fellegi_sunter.hpp"
#include "link/ordered_levels.hpp"

namespace socred::link {

struct TrainingOptions {
  std::uint64_t random_pairs = 1'000'000;
  /// Past this many candidate pairs, EM counts the patterns of a sample of
  /// the left records (every k-th chunk) rather than of all of them.
  std::uint64_t training_pairs = 20'000'000;
  std::uint64_t candidate_estimate = 0;  // pairs the rules give, before OR-ing
  std::uint64_t seed = 1;
  unsigned threads = 1;
  EmOptions em;
};

/// One EM session: the pairs of one blocking rule.
struct Session {
  std::string rule;
  std::uint64_t pairs = 0;
  std::vector<std::string> ignored;  // comparisons of the rule's own fields
  EmResult em;
};

/// What training saw, for the model file and messages.
struct Training {
  std::uint64_t candidate_pairs = 0;
  std::size_t sample_stride = 1;  // EM saw every k-th chunk of left records
  std::uint64_t random_pairs = 0;
  bool exhaustive = false;  // the random pairs were all the pairs
  std::vector<Session> sessions;
  std::vector<std::string> not_estimated;  // comparisons every rule blocks on
  std::vector<Pooled> pooled;              // levels pooled to keep closer ones heavier
  double expected_matches = 0;             // among the candidates, under the final model
  double estimated_prior = 0;              // before --prior or --expected-matches replaced it
  std::string prior_from = "estimated";    // or "--prior", "--expected-matches"
};

/// In each session u stays at the random pairs' values (the rule's other
/// fields agree among its non-matching pairs about as often as among random
/// pairs) and EM estimates m and the share of matches, from starting_m() and
/// a share that supposes every record of the smaller side (linking) or half
/// the records (deduplicating) has one partner among the rule's pairs. A
/// comparison's m is the mean over the sessions that estimated it; one that
/// no session could estimate keeps its start. Levels that break the order
/// (a closer one weighing less) are pooled (order_levels). The prior is then the share of
/// matches that makes the expected matches among all candidates, under the
/// final weights, equal to prior times all pairs (non-candidates are taken
/// as non-matches).
Model train_model(const std::vector<Comparison>& comparisons,
                  const std::vector<BlockingRule>& rules, const Side& left, const Side& right,
                  const Blocking& blocking, bool dedupe, const TrainingOptions& options,
                  Training& report);

/// All possible pairs: n_left * n_right, or n (n - 1) / 2 when deduplicating.
double all_pairs(std::size_t n_left, std::size_t n_right, bool dedupe);

}  // namespace socred::link
