// Per-person sums in a dense slab (one slot per uncapped rule) plus an
// open-addressing cell table for what the slab cannot hold: capped rules'
// per-period sums and a rule's points from a second source.
#include "score/state.hpp"

#include <algorithm>

#include "io/error.hpp"

namespace socred::score {

bool explains_before(const ExplainEntry& a, const ExplainEntry& b) {
  Milli ma = a.points < 0 ? -a.points : a.points;
  Milli mb = b.points < 0 ? -b.points : b.points;
  if (ma != mb) return ma > mb;
  if (a.has_id != b.has_id) return !a.has_id;  // no id sorts first, like null
  if (a.id != b.id) return a.id < b.id;
  if (a.rule != b.rule) return a.rule < b.rule;
  if (a.input != b.input) return a.input < b.input;
  if (a.line != b.line) return a.line < b.line;
  return a.points < b.points;
}

State::State(const RuleSet& rules, std::size_t explain_n)
    : rules_(rules), explain_n_(explain_n), cells_(1024) {
  for (const auto& r : rules.rules) {
    slot_of_rule_.push_back(period_days(r) ? -1 : static_cast<int>(slab_width_++));
    spill_slot_of_rule_.push_back(r.spill && explain_n > 0 ? static_cast<int>(spill_width_++) : -1);
  }
  if (rules.rules.size() > 0xFFFF) throw Error(kExitUsage, "more than 65535 rules");
  row_bytes_ = (16 + 10 * slab_width_ + 7) / 8 * 8;
}

std::uint32_t State::person(std::string_view key, std::uint64_t hash) {
  std::uint32_t p = persons_.intern(key, hash);
  if (std::size_t{p} * row_bytes_ == rows_.size()) {
    rows_.resize(rows_.size() + row_bytes_, 0);
    unsigned char* r = row(p);
    for (std::size_t slot = 0; slot < slab_width_; ++slot)
      store<std::uint16_t>(source_at(r, static_cast<int>(slot)), kNoSource);
    if (explain_n_ > 0) {
      explain_.resize(explain_.size() + explain_n_);
      explain_count_.push_back(0);
    }
    spill_top_.resize(spill_top_.size() + spill_width_);
    spill_top_set_.resize(spill_top_set_.size() + spill_width_, 0);
  }
  return p;
}

void State::set_friend_accounts(const PersonTable* accounts) {
  friend_accounts_ = accounts;
  account_person_.assign(accounts != nullptr ? accounts->size() : 0, UINT32_MAX);
}

void State::link_account(std::uint32_t account, std::uint32_t p) {
  std::uint32_t& current = account_person_[account];
  if (current == p) return;  // the common case: one more event of the same person
  if (current == UINT32_MAX || persons_.key(p) < persons_.key(current)) current = p;
}

void State::offer_spill_top(std::uint32_t p, std::uint32_t rule, const ExplainEntry& e) {
  int slot = spill_slot_of_rule_[rule];
  if (slot < 0) return;
  std::size_t at = std::size_t{p} * spill_width_ + static_cast<std::size_t>(slot);
  if (!spill_top_set_[at] || explains_before(e, spill_top_[at])) {
    spill_top_[at] = e;
    spill_top_set_[at] = 1;
  }
}

const ExplainEntry* State::spill_top(std::uint32_t p, std::uint32_t rule) const {
  int slot = spill_slot_of_rule_[rule];
  if (slot < 0) return nullptr;
  std::size_t at = std::size_t{p} * spill_width_ + static_cast<std::size_t>(slot);
  return spill_top_set_[at] ? &spill_top_[at] : nullptr;
}

std::uint32_t State::source(std::string_view name) {
  for (std::size_t i = 0; i < sources_.size(); ++i)
    if (sources_[i] == name) return static_cast<std::uint32_t>(i);
  if (sources_.size() == 0xFFFF) throw Error(kExitData, "more than 65535 distinct sources");
  sources_.emplace_back(name);
  return static_cast<std::uint32_t>(sources_.size() - 1);
}

std::uint32_t State::input(std::string_view name) {
  for (std::size_t i = 0; i < inputs_.size(); ++i)
    if (inputs_[i] == name) return static_cast<std::uint32_t>(i);
  inputs_.emplace_back(name);
  return static_cast<std::uint32_t>(inputs_.size() - 1);
}

void State::add(std::uint32_t p, std::uint32_t rule, std::uint32_t source, std::int64_t period,
                Milli points) {
  if (period == kNoPeriod) {
    const int slot = slot_of_rule_[rule];
    unsigned char* r = row(p);
    unsigned char* s = source_at(r, slot);
    std::uint16_t current = load<std::uint16_t>(s);
    if (current == kNoSource) store<std::uint16_t>(s, current = static_cast<std::uint16_t>(source));
    if (current == source) {
      unsigned char* sum = sum_at(r, slot);
      store<Milli>(sum, load<Milli>(sum) + points);
      return;
    }
  }
  add_cell(p, rule, source, period, points);
}

void State::add_cell(std::uint32_t p, std::uint32_t rule, std::uint32_t source,
                     std::int64_t wide_period, Milli points) {
  const std::int32_t period = narrow(wide_period);
  const std::uint64_t a = cell_key(p, rule, source);
  const std::size_t mask = cells_.size() - 1;
  for (std::size_t i = cell_hash(a, period) & mask;; i = (i + 1) & mask) {
    CellSlot& c = cells_[i];
    if (!c.used) {
      c = CellSlot{a, period, 1, points};
      if (++cell_count_ * 2 > cells_.size()) grow_cells();
      return;
    }
    if (c.a == a && c.period == period) {
      c.sum += points;
      return;
    }
  }
}

void State::grow_cells() {
  io::HugeVector<CellSlot> old(cells_.size() * 2);
  old.swap(cells_);
  const std::size_t mask = cells_.size() - 1;
  for (const CellSlot& c : old) {
    if (!c.used) continue;
    std::size_t i = cell_hash(c.a, c.period) & mask;
    while (cells_[i].used) i = (i + 1) & mask;
    cells_[i] = c;
  }
}

bool State::wants(std::uint32_t p, Milli points) const {
  if (explain_n_ == 0) return false;
  if (explain_count_[p] < explain_n_) return true;
  const ExplainEntry& worst = explain_[std::size_t{p} * explain_n_ + explain_n_ - 1];
  Milli m = points < 0 ? -points : points;
  Milli w = worst.points < 0 ? -worst.points : worst.points;
  return m >= w;  // equal magnitude: the id decides, in offer()
}

void State::offer(std::uint32_t p, ExplainEntry&& entry) {
  ExplainEntry* top = explain_.data() + std::size_t{p} * explain_n_;
  std::size_t n = explain_count_[p];
  if (n == explain_n_) {
    if (!explains_before(entry, top[n - 1])) return;
    --n;  // the worst one falls out
  } else {
    ++explain_count_[p];
  }
  // Insertion into a sorted array of at most --explain entries.
  std::size_t i = n;
  while (i > 0 && explains_before(entry, top[i - 1])) {
    top[i] = std::move(top[i - 1]);
    --i;
  }
  top[i] = std::move(entry);
}

void State::merge(const State& other) {
  std::vector<std::uint32_t> source_map, input_map;
  for (const auto& s : other.sources_) source_map.push_back(source(s));
  for (const auto& s : other.inputs_) input_map.push_back(input(s));
  const PersonTable& theirs = other.persons_;
  std::vector<std::uint32_t> person_map(theirs.size());
  for (std::uint32_t q = 0; q < theirs.size(); ++q) {
    std::uint32_t p = person_map[q] = person(theirs.key(q));
    count_events(p, other.events(q));
    count_matched(p, other.matched(q));
    if (explain_n_ > 0 && other.explain_n_ > 0) {
      std::size_t count;
      const ExplainEntry* top = other.explained(q, count);
      for (std::size_t i = 0; i < count; ++i) {
        ExplainEntry e = top[i];
        if (e.input < input_map.size()) e.input = input_map[e.input];
        offer(p, std::move(e));
      }
    }
  }
  for (std::uint32_t q = 0; q < theirs.size(); ++q)
    for (std::uint32_t r = 0; r < rules_.rules.size(); ++r)
      if (const ExplainEntry* top = other.spill_top(q, r)) {
        ExplainEntry e = *top;
        if (e.input < input_map.size()) e.input = input_map[e.input];
        offer_spill_top(person_map[q], r, e);
      }
  for (std::uint32_t a = 0; a < other.account_person_.size(); ++a)
    if (other.account_person_[a] != UINT32_MAX && a < account_person_.size())
      link_account(a, person_map[other.account_person_[a]]);
  other.for_each_cell([&](const Cell& c) {
    add(person_map[c.person], c.rule, source_map[c.source], c.period, c.sum);
  });
}

std::size_t State::memory() const {
  return persons_.memory() + rows_.capacity() + cells_.capacity() * sizeof(CellSlot) +
         explain_.capacity() * sizeof(ExplainEntry) + spill_top_.capacity() * sizeof(ExplainEntry) +
         account_person_.capacity() * 4;
}

}  // namespace socred::score
