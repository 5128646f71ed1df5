// The function table. Times are RFC 3339 strings or dates (parse_time), or
// numbers of seconds since 1970; text functions work on bytes except len(),
// which counts UTF-8 characters, and lower()/upper(), which change ASCII only.
#include "rules/functions.hpp"

#include <cmath>
#include <cstdint>
#include <optional>

#include "rules/time.hpp"

namespace socred::rules {
namespace {

Value fail(Fault& fault, const char* expected, const Value& got) {
  fault.expected = expected;
  fault.got = got.kind;
  return Value::invalid();
}

// A number is seconds; past +-9e12 seconds (285,000 years) it is no time.
std::optional<Micros> as_time(const Value& v) {
  constexpr std::int64_t kMaxSeconds = 9'000'000'000'000;
  if (v.kind == Kind::string) return parse_time(v.s);
  if (v.kind == Kind::integer && v.i >= -kMaxSeconds && v.i <= kMaxSeconds)
    return v.i * kMicrosPerSecond;
  if (v.kind == Kind::real && std::isfinite(v.d) && std::fabs(v.d) < 9.0e12)
    return static_cast<Micros>(std::floor(v.d * static_cast<double>(kMicrosPerSecond)));
  return std::nullopt;
}

constexpr const char* kTime = "a time (RFC 3339, YYYY-MM-DD or seconds)";

Value days_between(const Value* a, std::size_t, Scratch&, Fault& fault) {
  auto from = as_time(a[0]);
  if (!from) return fail(fault, kTime, a[0]);
  auto to = as_time(a[1]);
  if (!to) return fail(fault, kTime, a[1]);
  return Value::real(static_cast<double>(*to - *from) / static_cast<double>(kMicrosPerDay));
}

Value hour(const Value* a, std::size_t, Scratch&, Fault& fault) {
  auto t = as_time(a[0]);
  if (!t) return fail(fault, kTime, a[0]);
  return Value::integer(hour_of(*t));
}

Value weekday(const Value* a, std::size_t, Scratch&, Fault& fault) {
  auto t = as_time(a[0]);
  if (!t) return fail(fault, kTime, a[0]);
  return Value::integer(weekday_of(*t));
}

template <bool kLower>
Value change_case(const Value* a, std::size_t, Scratch& scratch, Fault& fault) {
  if (a[0].kind != Kind::string) return fail(fault, "a string", a[0]);
  std::string& out = scratch.next();
  out.assign(a[0].s);
  for (char& c : out) {
    if (kLower && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (!kLower && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return Value::string(out);
}

enum class Where { anywhere, start, end };

template <Where kWhere>
Value find_text(const Value* a, std::size_t, Scratch&, Fault& fault) {
  if (a[0].kind != Kind::string) return fail(fault, "a string", a[0]);
  if (a[1].kind != Kind::string) return fail(fault, "a string", a[1]);
  std::string_view s = a[0].s, sub = a[1].s;
  if (kWhere == Where::start) return Value::boolean(s.substr(0, sub.size()) == sub);
  if (kWhere == Where::end)
    return Value::boolean(s.size() >= sub.size() && s.substr(s.size() - sub.size()) == sub);
  return Value::boolean(s.find(sub) != std::string_view::npos);
}

Value len(const Value* a, std::size_t, Scratch&, Fault& fault) {
  if (a[0].kind == Kind::string) {
    std::int64_t n = 0;
    for (char c : a[0].s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return Value::integer(n);
  }
  if (a[0].kind == Kind::array) {
    if (a[0].list != nullptr) return Value::integer(static_cast<std::int64_t>(a[0].list->size()));
    simdjson::dom::array array;
    if (a[0].e.get(array) == simdjson::SUCCESS)
      return Value::integer(static_cast<std::int64_t>(array.size()));
  }
  return fail(fault, "a string or an array", a[0]);
}

Value abs_value(const Value* a, std::size_t, Scratch&, Fault& fault) {
  if (a[0].kind == Kind::integer && a[0].i != INT64_MIN)
    return Value::integer(a[0].i < 0 ? -a[0].i : a[0].i);
  if (a[0].is_number()) return Value::real(std::fabs(a[0].as_double()));
  return fail(fault, "a number", a[0]);
}

template <bool kMin>
Value extreme(const Value* a, std::size_t count, Scratch&, Fault& fault) {
  std::size_t best = 0;
  for (std::size_t k = 0; k < count; ++k) {
    if (!a[k].is_number()) return fail(fault, "numbers", a[k]);
    bool comparable;
    int order = values_order(a[k], a[best], comparable);
    if (kMin ? order < 0 : order > 0) best = k;
  }
  return a[best];
}

Value special(const Value*, std::size_t, Scratch&, Fault&) { return Value::invalid(); }

}  // namespace

std::string& Scratch::next() {
  if (used_ == strings_.size()) strings_.emplace_back();
  return strings_[used_++];
}

const std::vector<Function>& functions() {
  static const std::vector<Function> kTable = {
      {"exists", 1, 1, true, "exists(field)", special},
      {"coalesce", 2, 2, false, "coalesce(a, b)", special},
      {"days_between", 2, 2, false, "days_between(time, time)", days_between},
      {"hour", 1, 1, false, "hour(time)", hour},
      {"weekday", 1, 1, false, "weekday(time)", weekday},
      {"lower", 1, 1, false, "lower(text)", change_case<true>},
      {"upper", 1, 1, false, "upper(text)", change_case<false>},
      {"contains", 2, 2, true, "contains(text, part)", find_text<Where::anywhere>},
      {"starts_with", 2, 2, true, "starts_with(text, prefix)", find_text<Where::start>},
      {"ends_with", 2, 2, true, "ends_with(text, suffix)", find_text<Where::end>},
      {"len", 1, 1, false, "len(text or array)", len},
      {"abs", 1, 1, false, "abs(number)", abs_value},
      {"min", 2, 8, false, "min(number, number...)", extreme<true>},
      {"max", 2, 8, false, "max(number, number...)", extreme<false>},
  };
  return kTable;
}

int find_function(std::string_view name) {
  const auto& table = functions();
  for (std::size_t k = 0; k < table.size(); ++k)
    if (name == table[k].name) return static_cast<int>(k);
  return -1;
}

std::string function_names() {
  std::string out;
  for (const auto& f : functions()) {
    if (!out.empty()) out += ", ";
    out += f.name;
  }
  return out;
}

}  // namespace socred::rules
