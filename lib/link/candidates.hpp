// The two walks over the candidate pairs that blocking gives: counting
// their comparison patterns (for EM), and weighing them to keep the links.
// Both run on several threads and give the same result on any number.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "link/blocking.hpp"
#include "link/em.hpp"
#include "link/scoring.hpp"

namespace socred::link {

/// How often each pattern occurs among the pairs that exactly the rules in
/// `rules` (bit r for rule r) give.
struct RulePatternCount {
  std::uint64_t pattern = 0;
  std::uint64_t rules = 0;
  double count = 0;
};

struct CandidatePatterns {
  std::vector<RulePatternCount> patterns;  // sorted by (pattern, rules)
  std::uint64_t pairs = 0;
  /// All candidates' patterns, whatever rules gave them.
  std::vector<PatternCount> all() const;
  /// The patterns of the pairs rule r gives on its own, with the levels of
  /// the comparisons in `ignored` set to null.
  std::vector<PatternCount> of_rule(std::size_t r, const std::vector<bool>& ignored) const;
};

/// At most 64 blocking rules, so that a pair's rules fit one mask.
inline constexpr std::size_t kMaxRules = 64;

/// With `stride` k > 1 only every k-th chunk of left records is walked (a
/// sample for training), and the counts are scaled up to all left records.
CandidatePatterns count_candidate_patterns(const std::vector<Comparison>& comparisons,
                                           const Side& left, const Side& right,
                                           const Blocking& blocking, std::size_t rules,
                                           unsigned threads, std::size_t stride = 1);

struct Link {
  std::uint32_t left = 0, right = 0;
  std::uint64_t pattern = 0;
  double weight = 0;
  double probability = 0;
};

/// Which pairs are kept, and what their probability means.
struct Selection {
  double min_weight = 0;  // keep pairs at least this heavy (when not by_probability)
  bool by_probability = false;
  double min_probability = 0;
  /// Each left record has at most one partner on the right: a pair's
  /// probability is its odds against those of the record's other
  /// candidates, of a partner outside the blocks, and of no partner at all:
  ///   P(j) = odds(j) / (no_partner + sum of odds(k) over candidates k
  ///                     + outside_odds * (right records - candidates))
  /// where odds(k) = 2^weight(k). Otherwise P(j) = odds(j) / (1 + odds(j)).
  bool exclusive = false;
  double no_partner = 0;
  double outside_odds = 0;
  std::size_t right_records = 0;
};

/// Weighs every candidate pair and hands those `keep` selects to `consume`,
/// a chunk at a time in left-record order (within a record, by right
/// record). Returns the number of pairs compared.
std::uint64_t score_candidates(const std::vector<Comparison>& comparisons, const Side& left,
                               const Side& right, const Blocking& blocking, const Scorer& scorer,
                               const Selection& keep, unsigned threads,
                               const std::function<void(std::vector<Link>&)>& consume);

}  // namespace socred::link
