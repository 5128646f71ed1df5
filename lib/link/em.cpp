// EM over pattern counts rather than pairs: there are at most a few
// thousand distinct patterns however many pairs, so each iteration is cheap
// and the whole estimate costs nothing next to the comparisons.
#include "link/em.hpp"

#include <algorithm>
#include <cmath>

namespace socred::link {
namespace {

void normalise_rows(Table& t, const Table& sums, const Table& fallback) {
  for (std::size_t c = 0; c < t.size(); ++c) {
    double total = 0;
    for (std::size_t l = 1; l < t[c].size(); ++l) total += sums[c][l];
    for (std::size_t l = 1; l < t[c].size(); ++l)
      t[c][l] = total > 0 ? sums[c][l] / total : fallback[c][l];
  }
}

double safe_log(double p) { return std::log(std::max(p, 1e-300)); }

}  // namespace

Table starting_m(const std::vector<std::size_t>& levels) {
  Table m(levels.size());
  for (std::size_t c = 0; c < levels.size(); ++c) {
    m[c].assign(levels[c], 0.0);
    const std::size_t agree = levels[c] >= 2 ? levels[c] - 2 : 0;  // between null and different
    if (levels[c] < 2) continue;
    if (agree == 0) {
      m[c][1] = 1;
      continue;
    }
    m[c][levels[c] - 1] = 0.05;
    double total = std::exp2(static_cast<double>(agree)) - 1;
    for (std::size_t k = 0; k < agree; ++k)
      m[c][1 + k] = 0.95 * std::exp2(static_cast<double>(agree - 1 - k)) / total;
  }
  return m;
}

Table level_shares(const std::vector<PatternCount>& patterns,
                   const std::vector<std::size_t>& levels, Table* counts) {
  Table sums(levels.size());
  for (std::size_t c = 0; c < levels.size(); ++c) sums[c].assign(levels[c], 0.0);
  for (const auto& p : patterns)
    for (std::size_t c = 0; c < levels.size(); ++c) sums[c][level_in(p.pattern, c)] += p.count;
  if (counts) *counts = sums;
  Table shares = sums;
  normalise_rows(shares, sums, sums);
  for (auto& row : shares) row[0] = 0;
  return shares;
}

EmResult expectation_maximisation(const std::vector<PatternCount>& patterns,
                                  const std::vector<std::size_t>& levels, Table m, Table u,
                                  double lambda, const EmOptions& options) {
  EmResult result;
  const std::size_t width = levels.size();
  Table sum_m(width), sum_u(width), log_m(width), log_u(width);
  for (std::size_t c = 0; c < width; ++c) {
    sum_m[c].assign(levels[c], 0.0);
    sum_u[c].assign(levels[c], 0.0);
    log_m[c].assign(levels[c], 0.0);
    log_u[c].assign(levels[c], 0.0);
  }
  double total = 0;
  for (const auto& p : patterns) total += p.count;
  if (total <= 0) {
    result.m = std::move(m);
    result.u = std::move(u);
    result.lambda = lambda;
    result.converged = true;
    return result;
  }
  for (int iteration = 1; iteration <= options.max_iterations; ++iteration) {
    for (std::size_t c = 0; c < width; ++c) {
      for (std::size_t l = 1; l < levels[c]; ++l) {
        log_m[c][l] = safe_log(m[c][l]);
        log_u[c][l] = safe_log(u[c][l]);
      }
      std::fill(sum_m[c].begin(), sum_m[c].end(), 0.0);
      std::fill(sum_u[c].begin(), sum_u[c].end(), 0.0);
    }
    // E step: the chance that each pattern is a match; M step sums.
    double matches = 0;
    const double log_lambda = safe_log(lambda), log_rest = safe_log(1 - lambda);
    for (const auto& p : patterns) {
      double lm = log_lambda, lu = log_rest;
      for (std::size_t c = 0; c < width; ++c) {
        int l = level_in(p.pattern, c);
        if (l == 0) continue;
        lm += log_m[c][l];
        lu += log_u[c][l];
      }
      const double w = 1 / (1 + std::exp(lu - lm));
      matches += p.count * w;
      for (std::size_t c = 0; c < width; ++c) {
        int l = level_in(p.pattern, c);
        sum_m[c][l] += p.count * w;
        sum_u[c][l] += p.count * (1 - w);
      }
    }
    Table new_m = m, new_u = u;
    normalise_rows(new_m, sum_m, m);
    if (!options.fix_u) normalise_rows(new_u, sum_u, u);
    const double new_lambda = matches / total;
    double change = std::fabs(new_lambda - lambda);
    for (std::size_t c = 0; c < width; ++c)
      for (std::size_t l = 1; l < levels[c]; ++l)
        change =
            std::max({change, std::fabs(new_m[c][l] - m[c][l]), std::fabs(new_u[c][l] - u[c][l])});
    m = std::move(new_m);
    u = std::move(new_u);
    lambda = new_lambda;
    result.iterations = iteration;
    result.expected_matches = matches;
    if (change < options.tolerance) {
      result.converged = true;
      break;
    }
  }
  result.m = std::move(m);
  result.u = std::move(u);
  result.lambda = lambda;
  return result;
}

}  // namespace socred::link
