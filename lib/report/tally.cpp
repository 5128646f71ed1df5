// The pieces every accumulator shares: ledgers of points, counts, and the
// conversions from JSON values.
#include "report/tally.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

#include "rules/json_points.hpp"

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

void accumulate(std::int64_t& sum, std::int64_t v) {
  if (__builtin_add_overflow(sum, v, &sum)) sum = v > 0 ? INT64_MAX : INT64_MIN;
}

std::int64_t difference(std::int64_t b, std::int64_t a) {
  std::int64_t d;
  if (__builtin_sub_overflow(b, a, &d)) d = b > a ? INT64_MAX : INT64_MIN;
  return d;
}

std::int64_t weight_of(std::int64_t positive, std::int64_t negative) {
  return difference(positive, negative);
}

void Ledger::add(std::string_view name, std::int64_t thousandths) {
  Entry& e = entries_[find_or_add(name)];
  accumulate(e.total, thousandths);
  if (thousandths > 0) accumulate(e.positive, thousandths);
  if (thousandths < 0) accumulate(e.negative, thousandths);
  if (thousandths != 0) ++e.persons;
}

void Ledger::merge(const Ledger& other) {
  for (const Entry& o : other.entries_) {
    Entry& e = entries_[find_or_add(o.name)];
    accumulate(e.total, o.total);
    accumulate(e.positive, o.positive);
    accumulate(e.negative, o.negative);
    e.persons += o.persons;
  }
}

std::int64_t Ledger::weight() const {
  std::int64_t sum = 0;
  for (const Entry& e : entries_) accumulate(sum, weight_of(e.positive, e.negative));
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

std::optional<Real> real_of(simdjson::dom::element value) {
  using simdjson::dom::element_type;
  switch (value.type()) {
    case element_type::INT64:
      return static_cast<Real>(std::int64_t(value));
    case element_type::UINT64:
      return static_cast<Real>(std::uint64_t(value));
    case element_type::DOUBLE:
      return static_cast<Real>(double(value));
    default:
      return std::nullopt;
  }
}

std::optional<Problem> read_points(simdjson::dom::object points, std::string_view text,
                                   std::string_view key,
                                   std::vector<std::pair<std::string_view, std::int64_t>>& out,
                                   std::vector<io::RawMember>& raw) {
  out.clear();
  raw.clear();
  std::size_t index = 0;
  for (auto field : points) {
    // The members as written come in the DOM's order.
    auto value_text = [&] {
      if (raw.empty()) io::scan_members(io::member_value(text, key).value_or(""), raw);
      return index < raw.size() ? raw[index].value : std::string_view();
    };
    auto milli = rules::json_points(field.value, value_text);
    ++index;
    if (!milli) {
      const char* what =
          field.value.is_number() ? "is past the 64-bit range of thousandths" : "must be a number";
      return Problem{std::string(key),
                     fmt::format("field \"{}\": points of \"{}\" {}", key, field.key, what)};
    }
    out.emplace_back(field.key, *milli);
  }
  return std::nullopt;
}

std::string value_text(simdjson::dom::element value) {
  std::string_view s;
  if (value.get_string().get(s) == simdjson::SUCCESS) return std::string(s);
  return simdjson::minify(value);
}

}  // namespace socred::report
