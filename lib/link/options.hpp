// The options of record linkage, a mode of join-records (--fuzzy, or
// --dedupe for one source); cli/link_options.hpp binds them.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace socred::link {

struct Options {
  bool fuzzy = false;
  bool dedupe = false;
  std::string right;  // the other source; join-records' own --right fills it
  std::vector<std::string> compare;
  std::vector<std::string> block;
  std::string id;  // FIELD or LEFT=RIGHT; empty: records are numbered
  double threshold = 0.9;
  double min_weight = NAN;  // set: overrides the threshold
  bool one_to_one = false;
  bool best = false;
  bool clusters = false;
  std::string train;
  std::string model;
  bool preview = false;
  std::string evaluate;        // FIELD or LEFT=RIGHT holding the true identity
  std::string evaluate_pairs;  // FILE of true pairs
  bool values = false;
  bool no_term_frequency = false;
  unsigned threads = 0;  // 0: every core
  std::uint64_t max_pairs = 1'000'000'000;
  std::uint64_t random_pairs = 1'000'000;
  std::uint64_t seed = 1;
  int em_iterations = 1000;
  double prior = NAN;             // set: the probability two random records match
  double expected_matches = NAN;  // set: the true pairs, the prior's numerator

  /// True when a linkage mode was asked for.
  bool wanted() const { return fuzzy || dedupe; }
};

}  // namespace socred::link
