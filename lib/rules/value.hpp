// The values conditions compute with: what a record's field holds (numbers,
// strings, booleans, null, arrays, objects), a missing field, and the result
// of an operation that did not apply (a type mismatch). Values do not own
// their text: a string or array points into the record, the program, or the
// evaluator's scratch, and lives until the next record is bound.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace socred::rules {

enum class Kind : std::uint8_t {
  missing,  // the field is not in the record
  invalid,  // an operation that did not apply (type mismatch, division by 0)
  null,
  boolean,
  integer,  // int64
  real,     // double
  string,
  array,  // a record's array, or a literal list of the program
  object,
};

struct Value {
  Kind kind = Kind::missing;
  bool b = false;
  std::int64_t i = 0;
  double d = 0;
  std::string_view s;
  simdjson::dom::element e;                  // array or object from a record
  const std::vector<Value>* list = nullptr;  // literal list (arrays only)

  static Value missing() { return {}; }
  static Value invalid() { return make(Kind::invalid); }
  static Value null() { return make(Kind::null); }
  static Value boolean(bool v) { return make(Kind::boolean, &Value::b, v); }
  static Value integer(std::int64_t v) { return make(Kind::integer, &Value::i, v); }
  static Value real(double v) { return make(Kind::real, &Value::d, v); }
  static Value string(std::string_view v) { return make(Kind::string, &Value::s, v); }
  static Value literal_list(const std::vector<Value>* items) {
    return make(Kind::array, &Value::list, items);
  }
  /// Any JSON value; integers beyond int64 become doubles.
  static Value from_json(simdjson::dom::element e);

  bool known() const { return kind != Kind::missing && kind != Kind::invalid; }
  bool is_number() const { return kind == Kind::integer || kind == Kind::real; }
  double as_double() const { return kind == Kind::integer ? static_cast<double>(i) : d; }

 private:
  static Value make(Kind k) {
    Value x;
    x.kind = k;
    return x;
  }
  /// A value of kind `k` whose payload `member` holds `v`.
  template <typename T>
  static Value make(Kind k, T Value::*member, T v) {
    Value x = make(k);
    x.*member = v;
    return x;
  }
};

/// The atoms of a condition: comparisons, and `test` for an atom that is a
/// boolean by itself (`paid`, `exists(x)`, `contains(a, b)`).
enum class Op : std::uint8_t { eq, ne, lt, le, gt, ge, in, not_in, test };

/// "==", "!=", "<", "<=", ">", ">=", "in", "not in", "is".
const char* op_text(Op op);
/// The operator that holds when `op` does not: < for >=, "not in" for "in";
/// what gate prints for a failed condition ("score 612 < 650").
Op negated(Op op);

/// "a number", "a string", "missing"... for messages.
const char* kind_name(Kind kind);

/// The value as a person reads it in a condition: 612, 12.5, "late",
/// true, null, ["a","b"], and `missing` / `invalid` for the two non-values.
std::string value_text(const Value& v);

/// Three-valued comparison results (Kleene logic): a comparison with a
/// missing or mismatched side is unknown, and a condition that ends unknown
/// does not match.
enum class Truth : std::uint8_t { no, yes, unknown };

/// Equality as conditions use it: numbers compare by value (1 == 1.0),
/// strings byte for byte, null equals null only. `comparable` is false for
/// a pair of kinds that cannot be compared (string vs number), which is a
/// type mismatch.
bool values_equal(const Value& a, const Value& b, bool& comparable);

/// Ordering of two numbers or two strings: <0, 0, >0; `comparable` false
/// for any other pair.
int values_order(const Value& a, const Value& b, bool& comparable);

/// Is `needle` an element of the array `list` (a literal list or a record's
/// array)? Elements of another kind are simply unequal.
bool list_contains(const Value& list, const Value& needle);

}  // namespace socred::rules
