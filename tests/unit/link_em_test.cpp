#include <cmath>
#include <map>

#include "catch.hpp"
#include "io/hash.hpp"
#include "link/em.hpp"

using namespace socred::link;

namespace {

// Draws a level from shares (index 1..n) with a splitmix64 stream.
int draw(const std::vector<double>& shares, std::uint64_t& state) {
  double x = static_cast<double>(socred::io::splitmix64(state) >> 11) / 9007199254740992.0;
  for (std::size_t l = 1; l < shares.size(); ++l) {
    x -= shares[l];
    if (x < 0) return static_cast<int>(l);
  }
  return static_cast<int>(shares.size() - 1);
}

}  // namespace

TEST_CASE("EM recovers known m, u and share of matches", "[link]") {
  // Four comparisons with three levels each (plus null), conditionally
  // independent given the class: the model EM assumes.
  const Table m_true = {
      {0, 0.90, 0.07, 0.03}, {0, 0.80, 0.15, 0.05}, {0, 0.85, 0.10, 0.05}, {0, 0.70, 0.20, 0.10}};
  const Table u_true = {
      {0, 0.02, 0.08, 0.90}, {0, 0.05, 0.15, 0.80}, {0, 0.01, 0.04, 0.95}, {0, 0.10, 0.20, 0.70}};
  const double lambda_true = 0.1;
  std::map<std::uint64_t, double> counts;
  std::uint64_t state = 42;
  const int pairs = 200000;
  int matches = 0;
  for (int p = 0; p < pairs; ++p) {
    bool match =
        static_cast<double>(socred::io::splitmix64(state) >> 11) / 9007199254740992.0 < lambda_true;
    matches += match;
    std::uint64_t pattern = 0;
    for (std::size_t c = 0; c < 4; ++c) {
      int level = draw(match ? m_true[c] : u_true[c], state);
      // A tenth of the values are missing, on either side.
      if (socred::io::splitmix64(state) % 10 == 0) level = 0;
      pattern |= static_cast<std::uint64_t>(level) << (4 * c);
    }
    counts[pattern] += 1;
  }
  std::vector<PatternCount> patterns;
  for (const auto& [p, c] : counts) patterns.push_back({p, c});
  std::vector<std::size_t> levels(4, 4);
  // u starts from what random pairs would give (almost the true u), m from
  // the default start: the way training runs.
  Table u_start = level_shares(patterns, levels);
  EmResult r =
      expectation_maximisation(patterns, levels, starting_m(levels), u_start, 0.05, EmOptions{});
  CHECK(r.converged);
  CHECK(std::fabs(r.lambda - lambda_true) < 0.02);
  for (std::size_t c = 0; c < 4; ++c)
    for (std::size_t l = 1; l < 4; ++l) {
      INFO("comparison " << c << " level " << l);
      CHECK(std::fabs(r.m[c][l] - m_true[c][l]) < 0.02);
      CHECK(std::fabs(r.u[c][l] - u_true[c][l]) < 0.02);
    }
  CHECK(std::fabs(r.expected_matches - matches) / matches < 0.05);
}

TEST_CASE("EM with u fixed keeps u", "[link]") {
  std::vector<PatternCount> patterns = {{0x11, 50}, {0x22, 900}, {0x12, 30}, {0x21, 20}};
  std::vector<std::size_t> levels(2, 3);
  Table u = {{0, 0.05, 0.95}, {0, 0.05, 0.95}};
  EmOptions o;
  o.fix_u = true;
  EmResult r = expectation_maximisation(patterns, levels, starting_m(levels), u, 0.1, o);
  CHECK(r.u == u);
  CHECK(r.m[0][1] > 0.8);
}

TEST_CASE("starting m halves from the best level", "[link]") {
  Table m = starting_m({4, 2, 3});
  CHECK(m[0][1] == Approx(0.95 * 2 / 3));
  CHECK(m[0][2] == Approx(0.95 / 3));
  CHECK(m[0][3] == Approx(0.05));
  CHECK(m[1][1] == 1.0);
  CHECK(m[2][1] == Approx(0.95));
}

TEST_CASE("EM on no pairs returns its start", "[link]") {
  std::vector<std::size_t> levels(1, 3);
  EmResult r =
      expectation_maximisation({}, levels, starting_m(levels), {{0, 0.1, 0.9}}, 0.2, EmOptions{});
  CHECK(r.lambda == 0.2);
  CHECK(r.converged);
}
