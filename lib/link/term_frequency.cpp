// Counting by hashing each value's text; text views into the sides' arenas
// serve as keys, so the count costs no copies.
#include "link/term_frequency.hpp"

#include <string_view>
#include <unordered_map>

namespace socred::link {

std::vector<double> count_terms(const std::vector<Comparison>& comparisons,
                                const std::vector<Side*>& sides) {
  std::vector<double> totals(comparisons.size(), 0.0);
  for (std::size_t c = 0; c < comparisons.size(); ++c) {
    if (!comparisons[c].term_frequency) continue;
    std::unordered_map<std::string_view, std::uint32_t> counts;
    for (const Side* side : sides)
      for (std::size_t r = 0; r < side->size; ++r) {
        const Value& v = side->value(r, c);
        if (v.present) ++counts[text_of(v, side->arena)];
      }
    for (Side* side : sides)
      for (std::size_t r = 0; r < side->size; ++r) {
        Value& v = side->values[r * side->width + c];
        if (!v.present) continue;
        v.count = counts[text_of(v, side->arena)];
        totals[c] += 1;
      }
  }
  return totals;
}

}  // namespace socred::link
