// Conversions from JSON, exact mixed int/double comparison, and the text of
// a value as messages and gate's conditions show it.
#include "rules/value.hpp"

#include <fmt/format.h>

#include <cmath>

#include "io/jsonl_writer.hpp"

namespace socred::rules {
namespace {

// Compares an int64 with a double exactly (casting the int to double would
// make 2^53+1 equal to 2^53).
int compare_int_double(std::int64_t i, double d) {
  if (std::isnan(d)) return 0;
  if (d >= 9223372036854775808.0) return -1;
  if (d < -9223372036854775808.0) return 1;
  double t = std::trunc(d);
  auto ti = static_cast<std::int64_t>(t);
  if (i != ti) return i < ti ? -1 : 1;
  if (d > t) return -1;
  if (d < t) return 1;
  return 0;
}

int compare_numbers(const Value& a, const Value& b) {
  if (a.kind == Kind::integer && b.kind == Kind::integer) return (a.i > b.i) - (a.i < b.i);
  if (a.kind == Kind::integer) return compare_int_double(a.i, b.d);
  if (b.kind == Kind::integer) return -compare_int_double(b.i, a.d);
  return (a.d > b.d) - (a.d < b.d);
}

}  // namespace

Value Value::from_json(simdjson::dom::element e) {
  using T = simdjson::dom::element_type;
  switch (e.type()) {
    case T::INT64:
      return integer(std::int64_t(e.get_int64()));
    case T::UINT64:
      return real(static_cast<double>(std::uint64_t(e.get_uint64())));
    case T::DOUBLE:
      return real(double(e.get_double()));
    case T::STRING:
      return string(std::string_view(e.get_string()));
    case T::BOOL:
      return boolean(bool(e.get_bool()));
    case T::NULL_VALUE:
      return null();
    case T::ARRAY:
      return make(Kind::array, &Value::e, e);
    case T::OBJECT:
      return make(Kind::object, &Value::e, e);
  }
  return invalid();
}

namespace {

// Each operator's text and the operator that holds when it does not,
// indexed by Op (checked below, so a reordered enum fails to compile).
struct OpFacts {
  Op op;
  const char* text;
  Op negation;
};
constexpr OpFacts kOps[] = {
    {Op::eq, "==", Op::ne},     {Op::ne, "!=", Op::eq},         {Op::lt, "<", Op::ge},
    {Op::le, "<=", Op::gt},     {Op::gt, ">", Op::le},          {Op::ge, ">=", Op::lt},
    {Op::in, "in", Op::not_in}, {Op::not_in, "not in", Op::in}, {Op::test, "is", Op::test},
};

struct KindName {
  Kind kind;
  const char* name;
};
constexpr KindName kKinds[] = {
    {Kind::missing, "missing"},   {Kind::invalid, "invalid"},  {Kind::null, "null"},
    {Kind::boolean, "a boolean"}, {Kind::integer, "a number"}, {Kind::real, "a number"},
    {Kind::string, "a string"},   {Kind::array, "an array"},   {Kind::object, "an object"},
};

// True when entry i of `table` is for the enumerator numbered i, and
// `last` is the last entry's.
template <typename Entry, std::size_t N, typename Key>
constexpr bool indexed_by(const Entry (&table)[N], Key Entry::*key, Key last) {
  for (std::size_t i = 0; i < N; ++i)
    if (static_cast<std::size_t>(table[i].*key) != i) return false;
  return N == static_cast<std::size_t>(last) + 1;
}
static_assert(indexed_by(kOps, &OpFacts::op, Op::test), "kOps is indexed by Op");
static_assert(indexed_by(kKinds, &KindName::kind, Kind::object), "kKinds is indexed by Kind");

}  // namespace

const char* op_text(Op op) { return kOps[static_cast<std::size_t>(op)].text; }

Op negated(Op op) { return kOps[static_cast<std::size_t>(op)].negation; }

const char* kind_name(Kind kind) { return kKinds[static_cast<std::size_t>(kind)].name; }

std::string value_text(const Value& v) {
  switch (v.kind) {
    case Kind::missing:
      return "missing";
    case Kind::invalid:
      return "invalid";
    case Kind::null:
      return "null";
    case Kind::boolean:
      return v.b ? "true" : "false";
    case Kind::integer:
      return std::to_string(v.i);
    case Kind::real:
    case Kind::string:
    case Kind::array:
    case Kind::object:
      break;
  }
  std::string out;
  if (v.kind == Kind::array && v.list != nullptr) {
    out += '[';
    for (const Value& item : *v.list) {
      if (out.size() > 1) out += ',';
      out += value_text(item);
    }
    return out + "]";
  }
  io::JsonlWriter w(&out);
  if (v.kind == Kind::real) {
    w.number(v.d);
  } else if (v.kind == Kind::string) {
    w.string(v.s);
  } else {
    w.element(v.e);
  }
  w.flush();
  return out;
}

bool values_equal(const Value& a, const Value& b, bool& comparable) {
  comparable = true;
  if (a.kind == Kind::null || b.kind == Kind::null) return a.kind == b.kind;
  if (a.is_number() && b.is_number()) return compare_numbers(a, b) == 0;
  if (a.kind != b.kind || a.kind == Kind::array || a.kind == Kind::object || !a.known()) {
    comparable = false;
    return false;
  }
  if (a.kind == Kind::string) return a.s == b.s;
  return a.b == b.b;  // booleans
}

int values_order(const Value& a, const Value& b, bool& comparable) {
  comparable = true;
  if (a.is_number() && b.is_number()) return compare_numbers(a, b);
  if (a.kind == Kind::string && b.kind == Kind::string)
    return a.s.compare(b.s) < 0 ? -1 : a.s == b.s ? 0 : 1;
  comparable = false;
  return 0;
}

bool list_contains(const Value& list, const Value& needle) {
  bool comparable;
  if (list.list != nullptr) {
    for (const Value& item : *list.list)
      if (values_equal(item, needle, comparable)) return true;
    return false;
  }
  simdjson::dom::array array;
  if (list.e.get(array) != simdjson::SUCCESS) return false;
  for (simdjson::dom::element item : array)
    if (values_equal(Value::from_json(item), needle, comparable)) return true;
  return false;
}

}  // namespace socred::rules
