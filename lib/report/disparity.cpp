// The four-fifths comparison in integers, so that a ratio of exactly 0.8 is
// never flagged by a rounding error; the tests in doubles, where only their
// own accuracy matters.
#include "report/disparity.hpp"

namespace socred::report {

namespace {

__extension__ typedef unsigned __int128 Wide;  // products of two counts never wrap

// a / n > b / m, cross-multiplied.
bool higher(std::uint64_t a, std::uint64_t n, std::uint64_t b, std::uint64_t m) {
  return Wide(a) * m > Wide(b) * n;
}

}  // namespace

Disparity disparity(std::string subject, const std::vector<GroupRate>& groups,
                    std::uint64_t min_group) {
  Disparity out;
  out.subject = std::move(subject);
  out.min_group = min_group;
  for (const GroupRate& g : groups) {
    if (g.total == 0) continue;
    DisparityRow row;
    row.group = g.group;
    row.missing = g.missing;
    row.total = g.total;
    row.selected = g.selected;
    row.rate = static_cast<double>(g.selected) / static_cast<double>(g.total);
    row.rate_interval = wilson_interval(g.selected, g.total);
    row.too_few = g.total < min_group;
    if (row.too_few) ++out.too_few;
    out.rows.push_back(std::move(row));
  }
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < out.rows.size(); ++i) {
    const DisparityRow& r = out.rows[i];
    if (r.too_few) continue;
    if (!best || higher(r.selected, r.total, out.rows[*best].selected, out.rows[*best].total))
      best = i;
  }
  // With nobody selected in the reference there is nothing to compare with.
  if (!best || out.rows[*best].selected == 0) return out;
  out.reference = best;
  DisparityRow& ref = out.rows[*best];
  ref.reference = true;
  ref.ratio = 1;
  out.reference_rate = ref.rate;
  std::vector<double> p;
  std::vector<std::size_t> tested;
  for (std::size_t i = 0; i < out.rows.size(); ++i) {
    DisparityRow& r = out.rows[i];
    if (r.reference) continue;
    r.ratio = r.rate / ref.rate;
    r.ratio_interval = katz_ratio_interval(r.selected, r.total, ref.selected, ref.total);
    // rate / ref < 4/5  <=>  5 * selected * ref.total < 4 * ref.selected * total
    r.below = Wide(5) * r.selected * ref.total < Wide(4) * ref.selected * r.total;
    if (r.too_few) continue;
    r.p = fisher_exact_p(r.selected, r.total - r.selected, ref.selected, ref.total - ref.selected);
    p.push_back(*r.p);
    tested.push_back(i);
  }
  const std::vector<double> adjusted = holm_adjust(p);
  for (std::size_t j = 0; j < tested.size(); ++j) {
    DisparityRow& r = out.rows[tested[j]];
    r.p_adjusted = adjusted[j];
    r.flagged = r.below && adjusted[j] < kAlpha;
    ++out.tested;
    if (r.below) ++out.below;
    if (r.flagged) ++out.flagged;
  }
  return out;
}

}  // namespace socred::report
