// The pieces every accumulator shares: ledgers of points, counts, and the
// conversions from JSON values.
#include "report/tally.hpp"

#include <cmath>
#include <cstdlib>

namespace socred::report {

std::size_t Ledger::find_or_add(std::string_view name) {
  // Score lines name their rules in rule-file order, often skipping some, so
  // the search starts where the last name was found and wraps around.
  const std::size_t n = entries_.size();
  for (std::size_t k = 0; k < n; ++k) {
    std::size_t i = hint_ + k < n ? hint_ + k : hint_ + k - n;
    if (entries_[i].name.size() == name.size() && entries_[i].name == name) {
      hint_ = i + 1 < n ? i + 1 : 0;
      return i;
    }
  }
  entries_.push_back(Entry{std::string(name)});
  hint_ = 0;
  return entries_.size() - 1;
}

void Ledger::add(std::string_view name, std::int64_t thousandths) {
  Entry& e = entries_[find_or_add(name)];
  e.total += thousandths;
  if (thousandths > 0) e.positive += thousandths;
  if (thousandths < 0) e.negative += thousandths;
  if (thousandths != 0) ++e.persons;
}

void Ledger::merge(const Ledger& other) {
  for (const Entry& o : other.entries_)
    merge_members(entries_[find_or_add(o.name)], o, &Entry::total, &Entry::positive,
                  &Entry::negative, &Entry::persons);
}

std::int64_t Ledger::weight() const {
  std::int64_t sum = 0;
  for (const Entry& e : entries_) sum += e.positive - e.negative;
  return sum;
}

void add_count(Counts& counts, std::string_view key, std::uint64_t n) {
  auto it = counts.find(key);
  if (it == counts.end()) it = counts.emplace(std::string(key), 0).first;
  it->second += n;
}

void merge_into(Counts& into, const Counts& from) {
  for (const auto& [k, n] : from) add_count(into, k, n);
}

std::int64_t to_thousandths(double points) { return std::llround(points * 1000.0); }

std::string value_text(simdjson::dom::element value) {
  std::string_view s;
  if (value.get_string().get(s) == simdjson::SUCCESS) return std::string(s);
  return simdjson::minify(value);
}

std::uint64_t column_of(std::string_view line, std::string_view key) {
  std::string quoted;
  quoted.reserve(key.size() + 2);
  quoted += '"';
  quoted += key;
  quoted += '"';
  std::size_t at = line.rfind(quoted);
  return at == std::string_view::npos ? 0 : at + 1;
}

}  // namespace socred::report
