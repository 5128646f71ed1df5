// Training: random-pair u, one EM session per blocking rule, the mean of
// the sessions' m, the prior by a fixed point, and the clean-up of levels
// too rare to estimate.
#include "link/train.hpp"

#include <algorithm>
#include <cmath>

#include "link/candidates.hpp"
#include "link/random_pairs.hpp"

namespace socred::link {
namespace {

bool rule_uses(const BlockingRule& rule, const Comparison& c) {
  for (const auto& part : rule.parts)
    if (part.left == c.left || part.right == c.right) return true;
  return false;
}

// The prior p solving p * all = sum over candidate patterns of count *
// P(match | pattern, p): EM for the prior alone, the other parameters fixed.
double fixed_point_prior(const Model& model, const std::vector<PatternCount>& patterns, double all,
                         double start, double& expected) {
  std::vector<double> weights;
  for (const auto& p : patterns) {
    double w = 0;
    for (std::size_t c = 0; c < model.comparisons.size(); ++c)
      w += model.level_weight(c, level_in(p.pattern, c));
    weights.push_back(w);
  }
  double prior = start;
  for (int iteration = 0; iteration < 500; ++iteration) {
    const double prior_weight = std::log2(prior) - std::log2(1 - prior);
    expected = 0;
    for (std::size_t k = 0; k < patterns.size(); ++k)
      expected += patterns[k].count * probability(prior_weight + weights[k]);
    const double next = std::clamp(expected / all, 1e-15, 0.999);
    const bool settled = std::fabs(next - prior) <= 1e-9 * prior;
    prior = next;
    if (settled) break;
  }
  return prior;
}

}  // namespace

double all_pairs(std::size_t n_left, std::size_t n_right, bool dedupe) {
  if (dedupe)
    return n_left < 2 ? 0 : static_cast<double>(n_left) * static_cast<double>(n_left - 1) / 2;
  return static_cast<double>(n_left) * static_cast<double>(n_right);
}

Model train_model(const std::vector<Comparison>& comparisons,
                  const std::vector<BlockingRule>& rules, const Side& left, const Side& right,
                  const Blocking& blocking, bool dedupe, const TrainingOptions& options,
                  Training& report) {
  std::vector<std::size_t> levels;
  for (const auto& c : comparisons) levels.push_back(c.levels.size());
  const std::size_t width = comparisons.size();

  RandomPairs random = compare_random_pairs(comparisons, left, right, dedupe, rules.size(),
                                            options.random_pairs, options.seed, options.threads);
  report.random_pairs = random.pairs;
  report.exhaustive = random.exhaustive;
  Table random_counts;
  Table u = level_shares(random.patterns, levels, &random_counts);
  // EM must not see a u of zero (a level random pairs never showed): that
  // would make the level impossible for non-matches.
  Table u_em = u;
  for (std::size_t c = 0; c < width; ++c) {
    double seen = 0;
    for (std::size_t l = 1; l < levels[c]; ++l) seen += random_counts[c][l];
    for (std::size_t l = 1; l < levels[c]; ++l)
      u_em[c][l] = std::max(u[c][l], 0.5 / std::max(seen, 1.0));
  }

  report.sample_stride =
      options.candidate_estimate > options.training_pairs
          ? static_cast<std::size_t>((options.candidate_estimate + options.training_pairs - 1) /
                                     options.training_pairs)
          : 1;
  CandidatePatterns candidates = count_candidate_patterns(
      comparisons, left, right, blocking, rules.size(), options.threads, report.sample_stride);
  report.candidate_pairs = candidates.pairs;
  std::vector<PatternCount> all_candidates = candidates.all();
  Table candidate_counts;
  level_shares(all_candidates, levels, &candidate_counts);

  const Table m_start = starting_m(levels);
  Table m_sum(width);
  for (std::size_t c = 0; c < width; ++c) m_sum[c].assign(levels[c], 0.0);
  std::vector<int> sessions_of(width, 0);
  std::vector<bool> blocked_on_everywhere(width, !rules.empty());
  const double partners = dedupe ? static_cast<double>(left.size) / 2
                                 : static_cast<double>(std::min(left.size, right.size));
  double most_matches = 0;
  EmOptions em = options.em;
  em.fix_u = true;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    Session session;
    session.rule = rules[r].text;
    std::vector<bool> ignored(width);
    bool any = false;
    for (std::size_t c = 0; c < width; ++c) {
      ignored[c] = rule_uses(rules[r], comparisons[c]);
      if (!ignored[c]) blocked_on_everywhere[c] = false;
      if (ignored[c]) session.ignored.push_back(comparisons[c].name);
      any = any || !ignored[c];
    }
    std::vector<PatternCount> patterns = candidates.of_rule(r, ignored);
    for (const auto& p : patterns) session.pairs += static_cast<std::uint64_t>(p.count);
    if (any && session.pairs > 0) {
      const double lambda = std::clamp(partners / static_cast<double>(session.pairs), 1e-4, 0.5);
      session.em = expectation_maximisation(patterns, levels, m_start, u_em, lambda, em);
      for (std::size_t c = 0; c < width; ++c) {
        if (ignored[c]) continue;
        for (std::size_t l = 1; l < levels[c]; ++l) m_sum[c][l] += session.em.m[c][l];
        ++sessions_of[c];
      }
      most_matches = std::max(most_matches, session.em.expected_matches);
    }
    report.sessions.push_back(std::move(session));
  }

  Model model;
  model.comparisons = comparisons;
  model.dedupe = dedupe;
  model.left_records = left.size;
  model.right_records = right.size;
  model.m = m_start;
  model.u = u;
  for (std::size_t c = 0; c < width; ++c) {
    if (sessions_of[c] == 0) {
      if (blocked_on_everywhere[c]) report.not_estimated.push_back(comparisons[c].name);
    } else {
      for (std::size_t l = 1; l < levels[c]; ++l) model.m[c][l] = m_sum[c][l] / sessions_of[c];
    }
  }
  // A level no pair showed, random or candidate, has no estimate: m = u = 0
  // gives it no weight. Otherwise each estimate is floored at half a count
  // of what it was estimated from, so that one unseen event is not taken
  // for an impossible one.
  const double matches = std::max(most_matches, 1.0);
  for (std::size_t c = 0; c < width; ++c) {
    double random_seen = 0;
    for (std::size_t l = 1; l < levels[c]; ++l) random_seen += random_counts[c][l];
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
  report.pooled = order_levels(model);
  const double everything = all_pairs(left.size, right.size, dedupe);
  if (everything > 0) {
    const double start = std::clamp(std::max(most_matches, 1.0) / everything, 1e-15, 0.999);
    model.prior =
        fixed_point_prior(model, all_candidates, everything, start, report.expected_matches);
  }
  double outside = 0, ratio = 0;
  for (const auto& p : random.outside) {
    double w = 0;
    for (std::size_t c = 0; c < width; ++c) w += model.level_weight(c, level_in(p.pattern, c));
    ratio += p.count * std::exp2(std::min(w, 1000.0));
    outside += p.count;
  }
  model.outside_ratio = outside > 0 ? ratio / outside : 0;
  return model;
}

}  // namespace socred::link
