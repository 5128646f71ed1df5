// Caps are applied here, at the end, to each period's sum: the order events
// arrived in cannot matter (DESIGN.md "Arithmetic").
#include "score/totals.hpp"

#include <algorithm>
#include <numeric>

#include "rules/points.hpp"

namespace socred::score {
namespace {
__extension__ typedef __int128 Wide;  // a product of two sums fits, any pair
}  // namespace

TotalsBuilder::TotalsBuilder(const State& state) : state_(state) {
  const PersonTable& persons = state.persons();
  order_.resize(persons.size());
  std::iota(order_.begin(), order_.end(), 0);
  std::sort(order_.begin(), order_.end(),
            [&](std::uint32_t a, std::uint32_t b) { return persons.key(a) < persons.key(b); });
  const auto& sources = state.sources();
  source_order_.resize(sources.size());
  std::iota(source_order_.begin(), source_order_.end(), 0);
  std::sort(source_order_.begin(), source_order_.end(),
            [&](std::uint32_t a, std::uint32_t b) { return sources[a] < sources[b]; });
  source_rank_.resize(sources.size());
  for (std::uint32_t i = 0; i < source_order_.size(); ++i) source_rank_[source_order_[i]] = i;

  table_.reserve(state.table_cells());
  state.for_each_table_cell([&](const Cell& c) { table_.push_back(c); });
  std::sort(table_.begin(), table_.end(), [&](const Cell& a, const Cell& b) {
    if (a.person != b.person) return a.person < b.person;
    if (a.rule != b.rule) return a.rule < b.rule;
    if (a.period != b.period) return a.period < b.period;
    return source_rank_[a.source] < source_rank_[b.source];
  });
  offsets_.assign(persons.size() + 1, 0);
  for (const Cell& c : table_) ++offsets_[c.person + 1];
  for (std::size_t i = 1; i < offsets_.size(); ++i) offsets_[i] += offsets_[i - 1];
}

void TotalsBuilder::cells(std::uint32_t p, std::vector<Cell>& out) const {
  out.clear();
  const std::uint32_t count = static_cast<std::uint32_t>(state_.rules().rules.size());
  Cell c;
  for (std::uint32_t r = 0; r < count; ++r)
    if (state_.slab(p, r, c)) out.push_back(c);
  out.insert(out.end(), table_.begin() + offsets_[p], table_.begin() + offsets_[p + 1]);
  std::stable_sort(out.begin(), out.end(), [&](const Cell& a, const Cell& b) {
    if (a.rule != b.rule) return a.rule < b.rule;
    if (a.period != b.period) return a.period < b.period;
    return source_rank_[a.source] < source_rank_[b.source];
  });
}

void TotalsBuilder::periods(std::uint32_t p, std::uint32_t r,
                            std::vector<std::pair<std::int64_t, Milli>>& out) const {
  out.clear();
  const rules::Rule& rule = state_.rules().rules[r];
  Cell c;
  bool hit = state_.slab(p, r, c);
  Milli slab = hit ? c.sum : 0;
  const Cell* cells = table_.data();
  for (std::uint32_t i = offsets_[p]; i < offsets_[p + 1]; ++i) {
    if (cells[i].rule != r) continue;
    if (cells[i].period == kNoPeriod) {  // a second source of a slab rule
      slab += cells[i].sum;
      hit = true;
    } else if (!out.empty() && out.back().first == cells[i].period) {
      out.back().second += cells[i].sum;
    } else {
      out.emplace_back(cells[i].period, cells[i].sum);
    }
  }
  if (hit) out.emplace_back(kNoPeriod, slab);
  if (rule.cap)
    for (auto& [period, sum] : out)
      if (period != kNoPeriod) sum = rules::apply_cap(*rule.cap, sum);
}

void TotalsBuilder::compute(std::uint32_t p, Totals& t) const {
  const auto& specs = state_.rules().rules;
  t.by_rule.assign(specs.size(), 0);
  t.hit.assign(specs.size(), 0);
  t.by_source.assign(state_.sources().size(), 0);
  t.source_hit.assign(state_.sources().size(), 0);
  Cell c;
  for (std::uint32_t r = 0; r < specs.size(); ++r)
    if (state_.slab(p, r, c)) {
      t.by_rule[r] += c.sum;
      t.hit[r] = 1;
      t.by_source[c.source] += c.sum;
      t.source_hit[c.source] = 1;
    }
  // Table cells come sorted by rule then period: each capped (rule, period)
  // group is one run, capped as a whole, its capped sum shared out among
  // the sources it came from.
  const Cell* cells = table_.data();
  for (std::uint32_t i = offsets_[p]; i < offsets_[p + 1];) {
    std::uint32_t j = i;
    Milli total = 0;
    while (j < offsets_[p + 1] && cells[j].rule == cells[i].rule &&
           cells[j].period == cells[i].period)
      total += cells[j++].sum;
    const rules::Rule& rule = specs[cells[i].rule];
    Milli kept = total;
    if (cells[i].period != kNoPeriod && rule.cap) kept = rules::apply_cap(*rule.cap, total);
    t.by_rule[cells[i].rule] += kept;
    t.hit[cells[i].rule] = 1;
    if (kept == total) {
      for (std::uint32_t k = i; k < j; ++k) {
        t.by_source[cells[k].source] += cells[k].sum;
        t.source_hit[cells[k].source] = 1;
      }
    } else {
      // Each source keeps its share of the capped sum, rounded toward zero;
      // what rounding leaves goes to the largest contributor (the first by
      // name among equals), so the sources still add up to the rule.
      Milli given = 0;
      std::uint32_t largest = i;
      for (std::uint32_t k = i; k < j; ++k) {
        Milli share = static_cast<Milli>(static_cast<Wide>(kept) * cells[k].sum / total);
        t.by_source[cells[k].source] += share;
        t.source_hit[cells[k].source] = 1;
        given += share;
        Milli mk = cells[k].sum < 0 ? -cells[k].sum : cells[k].sum;
        Milli ml = cells[largest].sum < 0 ? -cells[largest].sum : cells[largest].sum;
        if (mk > ml) largest = k;
      }
      t.by_source[cells[largest].source] += kept - given;
    }
    i = j;
  }
  t.own = 0;
  for (Milli v : t.by_rule) t.own += v;
}

}  // namespace socred::score
