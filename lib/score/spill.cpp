// Spill: a breadth-first walk from each person with points for a spilling
// rule, up to the rule's hops, adding each friend's rounded share.
#include "score/spill.hpp"

#include <algorithm>
#include <unordered_map>

#include "rules/points.hpp"
#include "rules/time.hpp"

namespace socred::score {
namespace {

struct CapKey {
  std::uint32_t person, slot;
  std::int64_t period;
  bool operator==(const CapKey& o) const {
    return person == o.person && slot == o.slot && period == o.period;
  }
};
struct CapKeyHash {
  std::size_t operator()(const CapKey& k) const {
    std::uint64_t h = (std::uint64_t{k.person} << 32 | k.slot) * 0x9E3779B97F4A7C15ULL;
    h ^= static_cast<std::uint64_t>(k.period) * 0xBF58476D1CE4E5B9ULL;
    return static_cast<std::size_t>(h ^ (h >> 31));
  }
};

Milli magnitude(Milli v) { return v < 0 ? -v : v; }

}  // namespace

bool spilled_before(const SpilledItem& a, const SpilledItem& b) {
  if (magnitude(a.points) != magnitude(b.points)) return magnitude(a.points) > magnitude(b.points);
  const bool ida = a.event != nullptr && a.event->has_id,
             idb = b.event != nullptr && b.event->has_id;
  if (ida != idb) return !ida;
  if (ida && a.event->id != b.event->id) return a.event->id < b.event->id;
  return a.rule < b.rule;
}

SpillResult::SpillResult(const State& state, const TotalsBuilder& totals, const Graph& graph)
    : state_(state) {
  const auto& rules = state.rules().rules;
  for (const auto& r : rules) slot_of_rule_.push_back(r.spill ? static_cast<int>(width_++) : -1);
  const std::uint32_t n = state.persons().size();
  sums_.assign(std::size_t{n} * width_, 0);
  shares_.assign(std::size_t{n} * width_, FriendShare{});
  total_.assign(n, 0);
  if (width_ == 0) return;

  std::vector<std::uint32_t> stamp(n, 0), frontier, next;
  std::uint32_t generation = 0;
  std::vector<std::pair<std::int64_t, Milli>> periods;
  std::unordered_map<CapKey, Milli, CapKeyHash> capped;

  for (std::uint32_t r = 0; r < rules.size(); ++r) {
    if (!rules[r].spill) continue;
    const rules::Spill& spill = *rules[r].spill;
    const std::uint32_t slot = static_cast<std::uint32_t>(slot_of_rule_[r]);
    const auto days = period_days(rules[r]);
    for (std::uint32_t p = 0; p < n && p < graph.persons(); ++p) {
      if (graph.offsets[p] == graph.offsets[p + 1]) continue;  // no friends
      totals.periods(p, r, periods);
      if (periods.empty()) continue;
      // Breadth-first, one hop at a time: each person is reached once, at
      // the shortest distance; p itself never receives its own points.
      ++generation;
      stamp[p] = generation;
      frontier.assign(1, p);
      for (int hop = 1; hop <= spill.hops && !frontier.empty(); ++hop) {
        next.clear();
        for (std::uint32_t u : frontier)
          for (std::uint64_t i = graph.offsets[u]; i < graph.offsets[u + 1]; ++i) {
            std::uint32_t q = graph.targets[i];
            if (stamp[q] == generation) continue;
            stamp[q] = generation;
            next.push_back(q);
            Milli got = 0;
            for (const auto& [period, points] : periods) {
              Milli amount = rules::spill_points(spill, points, hop);
              if (amount == 0) continue;
              got += amount;
              if (spill.cap) {
                std::int64_t day = period == kNoPeriod ? 0 : period * *days;
                std::int64_t when = rules::period_of(day * rules::kMicrosPerDay, spill.cap->days);
                capped[CapKey{q, slot, when}] += amount;
              } else {
                sums_[std::size_t{q} * width_ + slot] += amount;
              }
            }
            if (got != 0) offer(std::size_t{q} * width_ + slot, p, got, hop);
          }
        frontier.swap(next);
      }
    }
  }
  for (const auto& [key, sum] : capped) {
    std::uint32_t r = 0;
    while (slot_of_rule_[r] != static_cast<int>(key.slot)) ++r;
    sums_[std::size_t{key.person} * width_ + key.slot] +=
        rules::apply_cap(*rules[r].spill->cap, sum);
  }
  for (std::uint32_t p = 0; p < n; ++p)
    for (std::size_t s = 0; s < width_; ++s) total_[p] += sums_[std::size_t{p} * width_ + s];
}

void SpillResult::offer(std::size_t at, std::uint32_t p, Milli got, int hop) {
  FriendShare& s = shares_[at];
  ++s.friends;
  const bool better = s.top == UINT32_MAX || magnitude(got) > magnitude(s.top_points) ||
                      (magnitude(got) == magnitude(s.top_points) &&
                       state_.persons().key(p) < state_.persons().key(s.top));
  if (!better) return;
  s.top = p;
  s.top_points = got;
  s.top_hops = hop;
}

Milli SpillResult::by_rule(std::uint32_t p, std::uint32_t rule) const {
  int slot = slot_of_rule_[rule];
  return slot < 0 ? 0 : sums_[std::size_t{p} * width_ + static_cast<std::size_t>(slot)];
}

bool SpillResult::hit(std::uint32_t p, std::uint32_t rule) const {
  return share(p, rule).friends > 0;
}

const FriendShare& SpillResult::share(std::uint32_t p, std::uint32_t rule) const {
  int slot = slot_of_rule_[rule];
  return slot < 0 ? none_ : shares_[std::size_t{p} * width_ + static_cast<std::size_t>(slot)];
}

}  // namespace socred::score
