// The four-fifths comparison in integers, so that a ratio of exactly 0.8 is
// never flagged by a rounding error.
#include "report/disparity.hpp"

namespace socred::report {

Disparity disparity(std::string subject, const std::vector<GroupRate>& groups) {
  Disparity out;
  out.subject = std::move(subject);
  const GroupRate* best = nullptr;
  for (const GroupRate& g : groups) {
    if (g.total == 0) continue;
    // selected / total > best.selected / best.total, cross-multiplied.
    if (best == nullptr || g.selected * best->total > best->selected * g.total) best = &g;
  }
  if (best == nullptr) return out;
  out.best_rate = static_cast<double>(best->selected) / static_cast<double>(best->total);
  for (const GroupRate& g : groups) {
    if (g.total == 0) continue;
    DisparityRow row;
    row.group = g.group;
    row.missing = g.missing;
    row.total = g.total;
    row.selected = g.selected;
    row.rate = static_cast<double>(g.selected) / static_cast<double>(g.total);
    // With nobody selected anywhere there is no best group to compare with.
    row.best = best->selected > 0 && g.selected * best->total == best->selected * g.total;
    if (best->selected > 0) {
      row.ratio = row.rate / out.best_rate;
      // rate / best < 4/5  <=>  5 * selected * best.total < 4 * best.selected * total
      row.below = 5 * g.selected * best->total < 4 * best->selected * g.total;
    }
    if (row.below) ++out.flagged;
    out.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace socred::report
