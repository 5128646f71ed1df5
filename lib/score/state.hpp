// Everything score keeps while reading: per person the event counts, each
// rule's points (by source, and by calendar period for capped rules), and the
// top events for --explain. It grows with persons, never with events, and
// two states merge exactly (threads, --partial/--merge).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "io/huge_pages.hpp"
#include "score/person_table.hpp"
#include "score/rule_set.hpp"

namespace socred::score {

struct ExplainEntry {
  std::string id;  // the event's `id`; empty with has_id false when absent
  bool has_id = false;
  std::uint32_t rule = 0;
  std::uint32_t input = 0;  // State::inputs() index (a chunk while scanning)
  std::uint64_t line = 0;
  Milli points = 0;
};

/// The --explain order (DESIGN.md "Arithmetic"): |points| descending, then
/// id; rule and place make it total, so any split picks the same events.
bool explains_before(const ExplainEntry& a, const ExplainEntry& b);

/// One sum of a person's points for a rule from one source in one period.
struct Cell {
  std::uint32_t person;
  std::uint32_t rule;
  std::uint32_t source;
  std::int64_t period;  // kNoPeriod for uncapped rules
  Milli sum;
};

class State {
 public:
  State(const RuleSet& rules, std::size_t explain_n);

  /// The person's index, with zeroed counters when new.
  std::uint32_t person(std::string_view key, std::uint64_t hash);
  std::uint32_t person(std::string_view key) { return person(key, PersonTable::hash(key)); }
  void prefetch(std::uint64_t hash) const { persons_.prefetch(hash); }
  const PersonTable& persons() const { return persons_; }

  std::uint32_t source(std::string_view name);
  const std::vector<std::string>& sources() const { return sources_; }
  std::uint32_t input(std::string_view name);
  const std::vector<std::string>& inputs() const { return inputs_; }

  void count_events(std::uint32_t p, std::uint64_t n) { bump(row(p), n); }
  void count_matched(std::uint32_t p, std::uint64_t n) { bump(row(p) + 8, n); }
  std::uint64_t events(std::uint32_t p) const { return load<std::uint64_t>(row(p)); }
  std::uint64_t matched(std::uint32_t p) const { return load<std::uint64_t>(row(p) + 8); }
  /// Starts loading person `p`'s counters and sums (one row of a few cache
  /// lines), so that the miss overlaps with reading the next line.
  void prefetch_person(std::uint32_t p) const {
    const unsigned char* r = row(p);
    for (std::size_t at = 0; at < row_bytes_; at += 64) __builtin_prefetch(r + at, 1);
    __builtin_prefetch(r + row_bytes_ - 1, 1);
  }

  /// Adds one live match's points (period kNoPeriod unless the rule is capped).
  void add(std::uint32_t p, std::uint32_t rule, std::uint32_t source, std::int64_t period,
           Milli points);
  /// Starts loading the cell table slot a capped rule's add() will probe
  /// first (see prefetch_person).
  void prefetch_cell(std::uint32_t p, std::uint32_t rule, std::uint32_t source,
                     std::int64_t period) const {
    if (period == kNoPeriod) return;
    __builtin_prefetch(
        &cells_[cell_hash(cell_key(p, rule, source), narrow(period)) & (cells_.size() - 1)], 1);
  }
  /// Offers an event to the person's --explain top N.
  void offer(std::uint32_t p, ExplainEntry&& entry);
  bool wants(std::uint32_t p, Milli points) const;  // could it enter the top N?
  std::size_t explain_n() const { return explain_n_; }
  /// The person's top events, best first.
  const ExplainEntry* explained(std::uint32_t p, std::size_t& count) const {
    count = explain_count_.empty() ? 0 : explain_count_[p];
    return explain_.data() + std::size_t{p} * explain_n_;
  }
  /// Rewrites every explain entry's (input, line) with `fix` (chunk-local
  /// line numbers become global ones once all chunks are counted).
  template <typename Fix>
  void fix_places(Fix fix) {
    for (std::size_t p = 0; p < explain_count_.size(); ++p)
      for (std::size_t i = 0; i < explain_count_[p]; ++i) fix(explain_[p * explain_n_ + i]);
    for (std::size_t i = 0; i < spill_top_.size(); ++i)
      if (spill_top_set_[i]) fix(spill_top_[i]);
  }

  // Friends (score --friends).
  /// The accounts of the friends file, read-only and shared by threads: an
  /// event carrying one of them links it to the event's person.
  void set_friend_accounts(const PersonTable* accounts);
  const PersonTable* friend_accounts() const { return friend_accounts_; }
  /// Links friends-file account `account` to person `p`; an account seen
  /// with two persons goes to the smaller key, whatever the order.
  void link_account(std::uint32_t account, std::uint32_t p);
  /// The person of friends-file account `account`, or UINT32_MAX.
  std::uint32_t account_person(std::uint32_t account) const {
    return account < account_person_.size() ? account_person_[account] : UINT32_MAX;
  }
  /// Spilling rules keep, per person, their top event: what a friend's
  /// explanation cites.
  void offer_spill_top(std::uint32_t p, std::uint32_t rule, const ExplainEntry& e);
  /// The person's top event for spilling rule `rule`, or null.
  const ExplainEntry* spill_top(std::uint32_t p, std::uint32_t rule) const;

  /// Adds `other` into this state (sources and inputs matched by name).
  void merge(const State& other);

  /// Whether `period` can be kept (partial state from elsewhere is checked).
  static bool valid_period(std::int64_t period) {
    return period == kNoPeriod || (period > INT32_MIN && period <= INT32_MAX);
  }

  /// Calls `f(const Cell&)` for every sum a match made (even a zero one), in
  /// no particular order.
  template <typename F>
  void for_each_cell(F f) const {
    Cell c;
    for (std::uint32_t p = 0; p < persons_.size(); ++p)
      for (std::uint32_t r = 0; r < slot_of_rule_.size(); ++r)
        if (slab(p, r, c)) f(c);
    for_each_table_cell(f);
  }
  /// The slab's sum for person `p` and uncapped rule `r`; false when none.
  bool slab(std::uint32_t p, std::uint32_t r, Cell& out) const {
    int slot = slot_of_rule_[r];
    if (slot < 0) return false;
    const unsigned char* at = row(p);
    std::uint16_t source = load<std::uint16_t>(source_at(at, slot));
    if (source == kNoSource) return false;
    out = Cell{p, r, source, kNoPeriod, load<Milli>(sum_at(at, slot))};
    return true;
  }
  /// The sums the slab could not hold: capped rules' periods, second sources.
  template <typename F>
  void for_each_table_cell(F f) const {
    for (const CellSlot& c : cells_)
      if (c.used)
        f(Cell{static_cast<std::uint32_t>(c.a >> 32),
               static_cast<std::uint32_t>(c.a >> 16 & 0xFFFF),
               static_cast<std::uint32_t>(c.a & 0xFFFF), widen(c.period), c.sum});
  }
  std::size_t table_cells() const { return cell_count_; }
  const RuleSet& rules() const { return rules_; }
  std::size_t memory() const;

 private:
  // 24 bytes a cell: periods are whole days / N since 1970, far inside 32
  // bits for four-digit years (partial state is checked on reading).
  // (A key struct of its own would be padded to 16 bytes and the slot to 32.)
  struct CellSlot {
    std::uint64_t a;      // person << 32 | rule << 16 | source
    std::int32_t period;  // kNoPeriod32 for kNoPeriod
    std::uint32_t used;
    Milli sum;
  };
  static_assert(sizeof(CellSlot) == 24, "a cell slot is 24 bytes");
  static constexpr std::int32_t kNoPeriod32 = INT32_MIN;
  static std::uint64_t cell_key(std::uint32_t p, std::uint32_t rule, std::uint32_t source) {
    return std::uint64_t{p} << 32 | std::uint64_t{rule} << 16 | source;
  }
  static std::uint64_t cell_hash(std::uint64_t a, std::int64_t period) {
    std::uint64_t h =
        (a ^ (static_cast<std::uint64_t>(period) * 0x9E3779B97F4A7C15ULL)) * 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 31);
  }
  static std::int32_t narrow(std::int64_t period) {
    return period == kNoPeriod ? kNoPeriod32 : static_cast<std::int32_t>(period);
  }
  static std::int64_t widen(std::int32_t period) {
    return period == kNoPeriod32 ? kNoPeriod : period;
  }
  // A person's row: events (u64), matched (u64), then per uncapped rule its
  // sum (Milli), then per uncapped rule the one source the sum came from
  // (u16, kNoSource before the first match). One row, not one array each,
  // so that an event touches one place (PERF-NOTES.md).
  static constexpr std::uint16_t kNoSource = 0xFFFF;
  template <typename T>
  static T load(const unsigned char* at) {
    T v;
    std::memcpy(&v, at, sizeof v);
    return v;
  }
  template <typename T>
  static void store(unsigned char* at, T v) {
    std::memcpy(at, &v, sizeof v);
  }
  static void bump(unsigned char* at, std::uint64_t n) {
    store<std::uint64_t>(at, load<std::uint64_t>(at) + n);
  }
  unsigned char* row(std::uint32_t p) { return rows_.data() + std::size_t{p} * row_bytes_; }
  const unsigned char* row(std::uint32_t p) const {
    return rows_.data() + std::size_t{p} * row_bytes_;
  }
  static std::size_t sum_offset(int slot) { return 16 + 8 * static_cast<std::size_t>(slot); }
  unsigned char* sum_at(unsigned char* r, int slot) const { return r + sum_offset(slot); }
  const unsigned char* sum_at(const unsigned char* r, int slot) const {
    return r + sum_offset(slot);
  }
  std::size_t source_offset(int slot) const {
    return 16 + 8 * slab_width_ + 2 * static_cast<std::size_t>(slot);
  }
  unsigned char* source_at(unsigned char* r, int slot) const { return r + source_offset(slot); }
  const unsigned char* source_at(const unsigned char* r, int slot) const {
    return r + source_offset(slot);
  }

  void add_cell(std::uint32_t p, std::uint32_t rule, std::uint32_t source, std::int64_t period,
                Milli points);
  void grow_cells();

  const RuleSet& rules_;
  std::size_t explain_n_;
  std::vector<int> slot_of_rule_;  // uncapped rules' slab slot, -1 for capped
  std::size_t slab_width_ = 0;

  PersonTable persons_;
  // The rows (see row()): per person and uncapped rule, the sum and the one
  // source it came from (almost every rule reads one source). A second
  // source for the same rule goes to the cell table.
  io::HugeVector<unsigned char> rows_;
  std::size_t row_bytes_ = 16;
  io::HugeVector<CellSlot> cells_;
  std::size_t cell_count_ = 0;

  std::vector<ExplainEntry> explain_;
  std::vector<std::uint8_t> explain_count_;

  std::vector<std::string> sources_;
  std::vector<std::string> inputs_;

  const PersonTable* friend_accounts_ = nullptr;
  std::vector<std::uint32_t> account_person_;
  std::vector<int> spill_slot_of_rule_;  // -1: the rule does not spill
  std::size_t spill_width_ = 0;
  std::vector<ExplainEntry> spill_top_;  // persons x spilling rules (with --explain)
  std::vector<std::uint8_t> spill_top_set_;
};

}  // namespace socred::score
