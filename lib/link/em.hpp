// Expectation-maximisation for the Fellegi-Sunter model without labels:
// from how often each comparison pattern occurs among candidate pairs, the
// m probabilities and the share of pairs that match (Winkler 1988).
#pragma once

#include <cstdint>
#include <vector>

namespace socred::link {

/// A comparison vector packed 4 bits per comparison, and how often it occurs.
struct PatternCount {
  std::uint64_t pattern = 0;
  double count = 0;
};

inline int level_in(std::uint64_t pattern, std::size_t comparison) {
  return static_cast<int>((pattern >> (4 * comparison)) & 0xF);
}

using Table = std::vector<std::vector<double>>;  // [comparison][level]

struct EmOptions {
  int max_iterations = 1000;
  double tolerance = 1e-6;  // stop when no parameter moves more than this
  bool fix_u = false;       // keep u at its start (else u is estimated too)
};

struct EmResult {
  Table m, u;
  double lambda = 0;            // share of the pairs that match
  double expected_matches = 0;  // lambda times the pairs
  int iterations = 0;
  bool converged = false;
};

/// m to start from when nothing is known: 0.05 for the last level
/// ("different"), the rest halving from the best level down.
Table starting_m(const std::vector<std::size_t>& levels);

/// Share of each level among the patterns, per comparison, nulls left out;
/// `counts` (if given) receives the raw counts.
Table level_shares(const std::vector<PatternCount>& patterns,
                   const std::vector<std::size_t>& levels, Table* counts = nullptr);

/// Runs EM from (m, u, lambda) over `patterns`. Missing levels (0) carry no
/// information in either class. Deterministic: the same input gives the
/// same bits, whatever order the patterns were counted in, as long as they
/// come sorted by pattern.
EmResult expectation_maximisation(const std::vector<PatternCount>& patterns,
                                  const std::vector<std::size_t>& levels, Table m, Table u,
                                  double lambda, const EmOptions& options);

}  // namespace socred::link
