// The prior when each left record has one partner at most (--best,
// --one-to-one). Summing every candidate's own match probability counts
// two look-alike candidates of one record (namesakes in one city) as two
// matches where there can be one; here a record's candidates compete, as
// they do when the links are chosen, so the prior is the one that choice
// assumes.
#pragma once

#include <cstdint>
#include <vector>

namespace socred::link {

/// `log2_odds[i]`: log2 of the sum over left record i's candidates of their
/// likelihood ratios (2^(weight - prior weight)), -infinity for a record
/// without candidates. Returns the prior p solving p * left * right = sum
/// over the left records of P(i has its partner among its candidates),
///   P = p' S / ((1 - right p) + p' S),  p' = p / (1 - p),  S = 2^log2_odds[i]
/// (non-candidates taken as non-matches, as train_model does), from `start`;
/// `expected` receives the matches that prior expects.
double exclusive_prior(const std::vector<double>& log2_odds, std::size_t right_records,
                       double start, double& expected);

}  // namespace socred::link
