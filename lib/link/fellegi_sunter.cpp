// Match weights and probabilities of the Fellegi-Sunter model (Fellegi and
// Sunter, 1969), in the log2 form Splink's documentation uses.
#include "link/fellegi_sunter.hpp"

#include <algorithm>
#include <cmath>

namespace socred::link {

double bayes_weight(double m, double u) {
  if (m <= 0 && u <= 0) return 0;  // a level neither class ever showed: no evidence
  // Floors keep a level seen in one class only finite; they sit below what
  // any estimate here can resolve.
  return std::log2(std::max(m, 1e-9) / std::max(u, 1e-9));
}

double Model::level_weight(std::size_t c, int level) const {
  if (level == kNullLevel) return 0;
  return bayes_weight(m[c][level], u[c][level]);
}

double Model::prior_weight() const {
  double p = std::clamp(prior, 1e-300, 1 - 1e-12);
  return std::log2(p) - std::log2(1 - p);
}

double term_frequency_weight(double m_exact, double share) { return bayes_weight(m_exact, share); }

double probability(double weight) {
  if (weight > 1000) return 1;
  if (weight < -1000) return 0;
  double odds = std::exp2(weight);
  return odds / (1 + odds);
}

double weight_of_probability(double p) {
  p = std::clamp(p, 1e-300, 1 - 1e-16);
  return std::log2(p) - std::log2(1 - p);
}

double rescaled_prior(const Model& model, bool dedupe, std::uint64_t right_records) {
  // A deduplicated record's partners are the other n - 1 records.
  std::uint64_t then = model.right_records, now = right_records;
  if (dedupe) {
    if (then < 2 || now < 2) return model.prior;
    --then;
    --now;
  }
  if (then == 0 || now == 0) return model.prior;
  return std::min(1.0, model.prior * static_cast<double>(then) / static_cast<double>(now));
}

}  // namespace socred::link
