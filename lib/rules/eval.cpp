// The binder and the evaluator. Conditions use three-valued logic (Kleene,
// as SQL does with NULL): a comparison with a missing field or a mismatched
// type is unknown, `false and unknown` is false, `true or unknown` is true,
// `not unknown` is unknown, and a condition that ends unknown does not match
// and is counted by its first cause.
#include "rules/eval.hpp"

#include <fmt/format.h>

#include <cmath>

#include "rules/time.hpp"

namespace socred::rules {
namespace {

Value from_truth(Truth t) {
  if (t == Truth::unknown) return Value::invalid();
  return Value::boolean(t == Truth::yes);
}

const Node* first_missing_path(const Node& n, const Evaluator& ev) {
  if (n.kind == NodeKind::path && n.slot >= 0 &&
      ev.field(static_cast<std::size_t>(n.slot)).kind == Kind::missing)
    return &n;
  for (const auto& kid : n.kids)
    if (const Node* p = first_missing_path(*kid, ev)) return p;
  return nullptr;
}

}  // namespace

Evaluator::Evaluator(const Program& program, const std::vector<io::Path>& extra)
    : impl_(&program.impl()), paths_(program.fields()) {
  for (const auto& path : extra) {
    std::size_t k = 0;
    while (k < paths_.size() && paths_[k] != path) ++k;
    if (k == paths_.size()) paths_.push_back(path);
    extra_slots_.push_back(k);
  }
  binder_ = build_binder(paths_);
  slots_.resize(paths_.size());
  forced_.resize(paths_.size());
  by_item_.resize(impl_->kind == Program::Kind::rules ? impl_->rules.size()
                                                      : impl_->services.size());
}

std::optional<std::size_t> Evaluator::slot_of(const io::Path& path) const {
  for (std::size_t k = 0; k < paths_.size(); ++k)
    if (paths_[k] == path) return k;
  return std::nullopt;
}

void Evaluator::bind(simdjson::dom::object record) {
  if (++gen_ == 0) {  // wrapped: old stamps could look current
    for (Slot& s : slots_) s.stamp = 0;
    gen_ = 1;
  }
  scratch_.reset();
  ts_done_ = false;
  walk(record, *binder_);
}

void Evaluator::walk(simdjson::dom::object object, const BindLevel& level) {
  for (auto field : object) {
    const BindNode* node = level.find(field.key);
    if (node == nullptr) continue;
    // JSON allows a key twice; the last one wins, whole: its nested fields
    // replace those of the earlier one, present or not.
    if (node->slot >= 0)
      slots_[static_cast<std::size_t>(node->slot)] = Slot{field.value, gen_, false};
    if (node->kids) {
      for (int s : node->below) slots_[static_cast<std::size_t>(s)].stamp = 0;
      simdjson::dom::object inner;
      if (field.value.get(inner) == simdjson::SUCCESS) walk(inner, *node->kids);
    }
  }
}

Evaluator::TsState Evaluator::ts_state() {
  if (!ts_done_) {
    ts_done_ = true;
    Value v =
        impl_->ts_slot >= 0 ? field(static_cast<std::size_t>(impl_->ts_slot)) : Value::missing();
    if (v.kind == Kind::missing) {
      ts_state_ = TsState::missing;
    } else if (auto t = v.kind == Kind::string ? parse_time(v.s) : std::nullopt) {
      ts_state_ = TsState::ok;
      ts_ = *t;
    } else {
      ts_state_ = TsState::invalid;
    }
  }
  return ts_state_;
}

bool Evaluator::match(std::vector<Match>& out) {
  out.clear();
  const Program::Impl& p = *impl_;
  const std::vector<std::uint32_t>* candidates = &p.all_rules;
  bool dispatched = false;
  if (p.dispatch_slot >= 0) {
    Value key = field(static_cast<std::size_t>(p.dispatch_slot));
    if (key.kind == Kind::string) {
      candidates = &p.candidates(key.s);
      dispatched = true;
    }
  }
  for (std::uint32_t r : *candidates) {
    fault_ = FaultInfo{};
    const Rule& rule = p.rules[r];
    // A candidate from the table has passed its dispatch term already (a
    // rule with another value is not a candidate, so the term is true).
    decided_ = dispatched ? p.dispatch_terms[r] : nullptr;
    Truth t = truth(*p.conditions[r]);
    decided_ = nullptr;
    if (t == Truth::no) continue;
    if (t == Truth::unknown) {
      if (!unknown(r)) return false;
      continue;
    }
    double raw = static_cast<double>(rule.points);
    if (rule.per_unit) {
      const Node& unit = *p.units[r];
      Value v = value(unit);
      if (!v.is_number()) {
        if (v.known())
          fault(Cause::mismatch, unit, "expected a number", v.kind);
        else if (v.kind == Kind::missing)
          fault(Cause::missing, unit);
        if (!unknown(r)) return false;
        continue;
      }
      raw = raw * v.as_double() / rule.per;
    }
    out.push_back(Match{r, raw});
  }
  return true;
}

bool Evaluator::evaluate_policy(simdjson::dom::object record, PolicyResult& out) {
  bind(record);
  out.clear();
  for (std::size_t s = 0; s < impl_->services.size(); ++s)
    if (!evaluate_service(s, out)) return false;
  return true;
}

bool Evaluator::evaluate_service(std::size_t s, PolicyResult& out) {
  const auto& conditions = impl_->clause_conditions[s];
  for (std::size_t c = 0; c < conditions.size(); ++c) {
    fault_ = FaultInfo{};
    auto first = static_cast<std::uint32_t>(out.comparisons.size());
    atoms_ = &out.comparisons;
    Truth t = truth(*conditions[c]);
    atoms_ = nullptr;
    out.clauses.push_back(ClauseResult{static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(c),
                                       t, first,
                                       static_cast<std::uint32_t>(out.comparisons.size()) - first});
    if (t == Truth::unknown && !unknown(s, c)) return false;
  }
  return true;
}

bool Evaluator::unknown(std::size_t item, std::size_t clause) {
  if (fault_.cause == Cause::missing) {
    ++counters_.missing;
    ++by_item_[item].missing;
  } else {
    ++counters_.mismatch;
    ++by_item_[item].mismatch;
  }
  if (!strict_) return true;
  // Only now, on the way out, is the text worth building.
  if (impl_->kind == Program::Kind::rules) {
    problem_ = fmt::format("rule {}: {}", impl_->rules[item].name, describe_fault());
  } else {
    const Service& service = impl_->services[item];
    const Clause& c = service.clauses[clause];
    problem_ = fmt::format("service {}, {} clause at line {}: {}", service.name,
                           c.forbid ? "forbid" : "allow", c.where.line, describe_fault());
  }
  return false;
}

std::string Evaluator::describe_fault() const {
  const Node* n = fault_.node;
  if (n == nullptr) return "a condition could not be decided";
  if (fault_.cause == Cause::missing) {
    const Node* path = first_missing_path(*n, *this);
    if (path != nullptr) return fmt::format("field \"{}\" is missing", io::path_text(path->path));
    return fmt::format("{}: a field is missing", n->source);
  }
  std::string what = fault_.what != nullptr ? fault_.what : "a type mismatch";
  if (fault_.b != Kind::missing)
    return fmt::format("{}: {}, got {} and {}", n->source, what, kind_name(fault_.a),
                       kind_name(fault_.b));
  if (fault_.a != Kind::missing)
    return fmt::format("{}: {}, got {}", n->source, what, kind_name(fault_.a));
  return fmt::format("{}: {}", n->source, what);
}

void Evaluator::fault(Cause cause, const Node& n, const char* what, Kind a, Kind b) {
  // Only the first fault explains a condition; a fault in a branch that
  // short-circuit evaluation would have skipped explains nothing.
  if (shadow_ > 0 || fault_.cause != Cause::none) return;
  fault_ = FaultInfo{cause, &n, what, a, b};
}

void Evaluator::record(const Node& n, Op op, const std::string* right, const Value& a,
                       const Value& b, Truth t) {
  static const std::string kNothing;
  atoms_->push_back(
      Comparison{&n.source, op, right != nullptr ? right : &kNothing, a, b, t, shadow_ > 0});
}

Truth Evaluator::truth(const Node& n) {
  if (&n == decided_) return Truth::yes;
  switch (n.kind) {
    case NodeKind::and_:
    case NodeKind::or_: {
      // `and` stops at false, `or` at true; when recording atoms (policies)
      // the rest is still evaluated, marked skipped, for gate's explanations.
      Truth stop = n.kind == NodeKind::and_ ? Truth::no : Truth::yes;
      bool unknown = false;
      for (std::size_t k = 0; k < n.kids.size(); ++k) {
        Truth t = truth(*n.kids[k]);
        if (t == stop) {
          if (atoms_ != nullptr) {
            ++shadow_;
            for (std::size_t rest = k + 1; rest < n.kids.size(); ++rest) truth(*n.kids[rest]);
            --shadow_;
          }
          return stop;
        }
        unknown = unknown || t == Truth::unknown;
      }
      if (unknown) return Truth::unknown;
      return stop == Truth::yes ? Truth::no : Truth::yes;
    }
    case NodeKind::not_: {
      Truth t = truth(*n.kids[0]);
      return t == Truth::yes ? Truth::no : t == Truth::no ? Truth::yes : Truth::unknown;
    }
    case NodeKind::compare:
      return compare(n);
    default: {
      Value v = value(n);
      Truth t = to_truth(v, n);
      if (atoms_ != nullptr) record(n, Op::test, nullptr, v, Value::missing(), t);
      return t;
    }
  }
}

Truth Evaluator::to_truth(const Value& v, const Node& n) {
  if (v.kind == Kind::boolean) return v.b ? Truth::yes : Truth::no;
  if (v.kind == Kind::missing)
    fault(Cause::missing, n);
  else if (v.kind != Kind::invalid)
    fault(Cause::mismatch, n, "expected true or false", v.kind);
  return Truth::unknown;
}

Truth Evaluator::compare(const Node& n) {
  const Node& left = *n.kids[0];
  const Node& right = *n.kids[1];
  // The common test, a field against a string (`status == "late"`), without
  // building Values; anything but a string in the field takes the long way.
  if (n.string_test && atoms_ == nullptr) {
    const Slot& s = slots_[static_cast<std::size_t>(left.slot)];
    std::string_view text;
    if (s.stamp == gen_ && !s.forced && s.element.get_string().get(text) == simdjson::SUCCESS)
      return (text == right.text_value) == (n.op == Op::eq) ? Truth::yes : Truth::no;
  }
  Value a = value(left);
  Value b = value(right);
  Truth t = Truth::unknown;
  if (a.kind == Kind::missing) {
    fault(Cause::missing, left);
  } else if (b.kind == Kind::missing) {
    fault(Cause::missing, right);
  } else if (a.kind == Kind::invalid || b.kind == Kind::invalid) {
    fault(Cause::mismatch, n, "a part could not be computed");
  } else {
    bool comparable = true;
    switch (n.op) {
      case Op::eq:
      case Op::ne: {
        bool equal = values_equal(a, b, comparable);
        if (comparable)
          t = (equal == (n.op == Op::eq)) ? Truth::yes : Truth::no;
        else
          fault(Cause::mismatch, n, "cannot compare", a.kind, b.kind);
        break;
      }
      case Op::lt:
      case Op::le:
      case Op::gt:
      case Op::ge: {
        int order = values_order(a, b, comparable);
        if (!comparable) {
          fault(Cause::mismatch, n, "expected two numbers or two strings", a.kind, b.kind);
          break;
        }
        bool yes = n.op == Op::lt   ? order < 0
                   : n.op == Op::le ? order <= 0
                   : n.op == Op::gt ? order > 0
                                    : order >= 0;
        t = yes ? Truth::yes : Truth::no;
        break;
      }
      case Op::in:
      case Op::not_in:
        if (b.kind != Kind::array) {
          fault(Cause::mismatch, n, "expected an array after 'in'", b.kind);
          break;
        }
        t = (list_contains(b, a) == (n.op == Op::in)) ? Truth::yes : Truth::no;
        break;
      case Op::test:
        break;
    }
  }
  if (atoms_ != nullptr) record(left, n.op, &right.source, a, b, t);
  return t;
}

Value Evaluator::value(const Node& n) {
  switch (n.kind) {
    case NodeKind::literal:
      return n.literal;
    case NodeKind::path:
      return field(static_cast<std::size_t>(n.slot));
    case NodeKind::list:
      return Value::literal_list(&n.items);
    case NodeKind::negate: {
      Value v = value(*n.kids[0]);
      if (!v.known()) return v;
      if (v.kind == Kind::integer && v.i != INT64_MIN) return Value::integer(-v.i);
      if (v.is_number()) return Value::real(-v.as_double());
      fault(Cause::mismatch, n, "expected a number after '-'", v.kind);
      return Value::invalid();
    }
    case NodeKind::arith:
      return arith(n);
    case NodeKind::call:
      return call(n);
    case NodeKind::and_:
    case NodeKind::or_:
    case NodeKind::not_:
    case NodeKind::compare:
      return from_truth(truth(n));
  }
  return Value::invalid();
}

Value Evaluator::arith(const Node& n) {
  Value a = value(*n.kids[0]);
  Value b = value(*n.kids[1]);
  if (a.kind == Kind::missing || b.kind == Kind::missing) return Value::missing();
  if (a.kind == Kind::invalid || b.kind == Kind::invalid) return Value::invalid();
  if (!a.is_number() || !b.is_number()) {
    fault(Cause::mismatch, n, "expected numbers", a.kind, b.kind);
    return Value::invalid();
  }
  if (a.kind == Kind::integer && b.kind == Kind::integer) {
    std::int64_t r;
    switch (n.arith) {
      case Arith::add:
        if (!__builtin_add_overflow(a.i, b.i, &r)) return Value::integer(r);
        break;
      case Arith::sub:
        if (!__builtin_sub_overflow(a.i, b.i, &r)) return Value::integer(r);
        break;
      case Arith::mul:
        if (!__builtin_mul_overflow(a.i, b.i, &r)) return Value::integer(r);
        break;
      case Arith::mod:
        if (b.i == 0) {
          fault(Cause::mismatch, n, "division by zero");
          return Value::invalid();
        }
        if (b.i == -1) return Value::integer(0);  // INT64_MIN % -1 traps
        return Value::integer(a.i % b.i);
      case Arith::div:
        break;  // always a real: 7 / 2 is 3.5
    }
  }
  double x = a.as_double(), y = b.as_double();
  switch (n.arith) {
    case Arith::add:
      return Value::real(x + y);
    case Arith::sub:
      return Value::real(x - y);
    case Arith::mul:
      return Value::real(x * y);
    case Arith::div:
    case Arith::mod:
      if (y == 0) {
        fault(Cause::mismatch, n, "division by zero");
        return Value::invalid();
      }
      return Value::real(n.arith == Arith::div ? x / y : std::fmod(x, y));
  }
  return Value::invalid();
}

Value Evaluator::call(const Node& n) {
  if (n.function == kExists) return Value::boolean(value(*n.kids[0]).kind != Kind::missing);
  if (n.function == kCoalesce) {
    Value a = value(*n.kids[0]);
    if (a.kind == Kind::invalid) return a;
    if (a.kind != Kind::missing && a.kind != Kind::null) return a;
    return value(*n.kids[1]);
  }
  Value args[8];
  std::size_t count = n.kids.size();
  bool missing = false, invalid = false;
  for (std::size_t k = 0; k < count; ++k) {
    args[k] = value(*n.kids[k]);
    missing |= args[k].kind == Kind::missing;
    invalid |= args[k].kind == Kind::invalid;
  }
  if (missing) return Value::missing();
  if (invalid) return Value::invalid();
  const Function& fn = functions()[static_cast<std::size_t>(n.function)];
  rules::Fault why;
  Value result = fn.call(args, count, scratch_, why);
  if (result.kind == Kind::invalid) fault(Cause::mismatch, n, why.expected, why.got);
  return result;
}

}  // namespace socred::rules
