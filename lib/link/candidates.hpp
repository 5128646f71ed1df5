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

struct CandidatePatterns {
  std::vector<PatternCount> patterns;  // sorted by pattern
  std::uint64_t pairs = 0;
};

CandidatePatterns count_candidate_patterns(const std::vector<Comparison>& comparisons,
                                           const Side& left, const Side& right,
                                           const Blocking& blocking, unsigned threads);

struct Link {
  std::uint32_t left = 0, right = 0;
  std::uint64_t pattern = 0;
  double weight = 0;
};

/// Weighs every candidate pair and hands those with weight >= `min_weight`
/// to `consume`, a chunk at a time in left-record order (within a record,
/// by right record). Returns the number of pairs compared.
std::uint64_t score_candidates(const std::vector<Comparison>& comparisons, const Side& left,
                               const Side& right, const Blocking& blocking, const Scorer& scorer,
                               double min_weight, unsigned threads,
                               const std::function<void(std::vector<Link>&)>& consume);

}  // namespace socred::link
