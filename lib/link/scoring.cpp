// Weight tables computed once per run, so that weighing a pair is a few
// additions.
#include "link/scoring.hpp"

namespace socred::link {

Scorer::Scorer(const Model& model, const Side& left, const Side& /*right*/,
               std::vector<double> totals)
    : model_(model), left_(left), totals_(std::move(totals)), prior_(model.prior_weight()) {
  for (std::size_t c = 0; c < model.comparisons.size(); ++c) {
    std::vector<double> row(model.comparisons[c].levels.size(), 0.0);
    for (std::size_t l = 1; l < row.size(); ++l)
      row[l] = model.level_weight(c, static_cast<int>(l));
    table_.push_back(std::move(row));
    tf_.push_back(model.comparisons[c].term_frequency && c < totals_.size() && totals_[c] > 0);
  }
}

}  // namespace socred::link
