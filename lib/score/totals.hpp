// A person's totals as of the end of the run: each rule's points with its
// caps applied per calendar period, points per source, the rules that
// matched. Computed once per person at output time from the State's sums.
#pragma once

#include <cstdint>
#include <vector>

#include "score/state.hpp"

namespace socred::score {

struct Totals {
  std::vector<Milli> by_rule;    // after caps, rule-file order
  std::vector<char> hit;         // the rule had a live match
  std::vector<Milli> by_source;  // State::sources() order
  std::vector<char> source_hit;
  Milli own = 0;  // the sum of by_rule
};

class TotalsBuilder {
 public:
  explicit TotalsBuilder(const State& state);

  /// Persons in key byte order (the output order).
  const std::vector<std::uint32_t>& order() const { return order_; }
  /// Source indexes in name order (by_source's output order).
  const std::vector<std::uint32_t>& source_order() const { return source_order_; }

  void compute(std::uint32_t p, Totals& out) const;
  /// The person's points for rule `r` per period, the rule's cap applied:
  /// one (kNoPeriod, sum) for a rule summed over all time; empty when the
  /// rule never matched. What spills to friends.
  void periods(std::uint32_t p, std::uint32_t r,
               std::vector<std::pair<std::int64_t, Milli>>& out) const;
  /// Every sum of person `p` (slab and table), ordered by rule, period and
  /// source name: what --partial writes.
  void cells(std::uint32_t p, std::vector<Cell>& out) const;

 private:
  const State& state_;
  std::vector<std::uint32_t> order_;
  std::vector<std::uint32_t> source_order_, source_rank_;
  std::vector<Cell> table_;             // the table's cells, by person
  std::vector<std::uint32_t> offsets_;  // person p's are table_[offsets_[p], offsets_[p+1])
};

}  // namespace socred::score
