// Evaluating a compiled program against records: a binder walks each
// record's object once and fills the slots of the fields the program reads;
// then only the candidate rules of the record's dispatch value run. One
// Evaluator per thread; a Program is shared read-only.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rules/binder.hpp"
#include "rules/compile.hpp"
#include "rules/functions.hpp"
#include "rules/program.hpp"
#include "rules/value.hpp"

namespace socred::rules {

/// A rule that matched an event.
struct Match {
  std::uint32_t rule;  // index in Program::rules()
  /// Points in thousandths before fade and rounding: the rule's points, or
  /// for "points P per N of X": P (in thousandths) * X / N, computed in
  /// double in that order. final_points() turns it into the event's Milli.
  double raw;
};

/// Conditions that came out unknown (so did not match), by first cause.
struct Counters {
  std::uint64_t missing = 0;   // a field they read was not in the record
  std::uint64_t mismatch = 0;  // a type mismatch (string vs number...) or division by zero
};

/// One atom of a policy condition as evaluated: "score 612 >= 650" false.
struct Comparison {
  const std::string* left;   // the left side as written ("score")
  Op op;                     // Op::test: an atom that is a boolean by itself
  const std::string* right;  // the right side as written ("650"); empty for test
  Value observed;            // the left side's value (for test: the atom's)
  Value threshold;           // the right side's value
  Truth result;
  bool skipped;  // short-circuit evaluation would not have reached it
};

struct ClauseResult {
  std::uint32_t service;  // index in Program::services()
  std::uint32_t clause;   // index in Service::clauses
  Truth result;           // unknown counts as not matching
  std::uint32_t first;    // its atoms: PolicyResult::comparisons[first, first + count)
  std::uint32_t count;
};

struct PolicyResult {
  std::vector<ClauseResult> clauses;
  std::vector<Comparison> comparisons;
  void clear() {
    clauses.clear();
    comparisons.clear();
  }
};

class Evaluator {
 public:
  /// `extra` names fields the tool wants from the same walk (the person
  /// key, `id`, `source`...): extra(i) is the value of extra[i].
  explicit Evaluator(const Program& program, const std::vector<io::Path>& extra = {});

  /// --strict: a condition that is unknown because of a missing field or a
  /// type mismatch stops the evaluation; the call returns false and
  /// problem() says why ("rule big_purchase: field \"amount\" is missing").
  void set_strict(bool strict) { strict_ = strict; }
  const std::string& problem() const { return problem_; }

  /// Walks the record once and fills every slot; values of the previous
  /// record (and what-if overrides) are gone.
  void bind(simdjson::dom::object record);

  /// Rules: bind, then clear `out` and append each matching rule in file
  /// order. False only under strict (see set_strict).
  bool evaluate(simdjson::dom::object record, std::vector<Match>& out) {
    bind(record);
    return match(out);
  }
  /// Rules on the record already bound.
  bool match(std::vector<Match>& out);

  /// Policies: bind, clear `out`, and evaluate every clause of every
  /// service, recording each atom it evaluated.
  bool evaluate_policy(simdjson::dom::object record, PolicyResult& out);
  /// One service on the record already bound; appends to `out`.
  bool evaluate_service(std::size_t service, PolicyResult& out);

  /// The value of slot `slot` for the bound record (missing if absent).
  Value field(std::size_t slot) const {
    const Slot& s = slots_[slot];
    if (s.stamp != gen_) return Value::missing();
    return s.forced ? forced_[slot] : Value::from_json(s.element);
  }
  /// Whether the bound record has the field of slot `slot` (even as null).
  bool present(std::size_t slot) const { return slots_[slot].stamp == gen_; }
  /// The slot of a path the program or `extra` reads, if any.
  std::optional<std::size_t> slot_of(const io::Path& path) const;
  Value extra(std::size_t i) const { return field(extra_slots_[i]); }
  /// What-if: replaces a slot's value until the next bind (gate: "would a
  /// score of 650 be allowed?"). The value's text must outlive its use.
  void set_field(std::size_t slot, Value value) {
    forced_[slot] = value;
    slots_[slot].stamp = gen_;
    slots_[slot].forced = true;
  }

  /// The bound record's `ts` (rules always read it): missing, not a valid
  /// RFC 3339 time, or ok with ts() in microseconds since 1970-01-01 UTC.
  enum class TsState : std::uint8_t { missing, invalid, ok };
  TsState ts_state();
  std::int64_t ts() { return ts_state() == TsState::ok ? ts_ : 0; }

  const Counters& counters() const { return counters_; }
  /// Per rule (rules) or per service (policies).
  const std::vector<Counters>& counters_by_item() const { return by_item_; }

 private:
  enum class Cause : std::uint8_t { none, missing, mismatch };
  struct FaultInfo {
    Cause cause = Cause::none;
    const Node* node = nullptr;
    const char* what = nullptr;  // mismatch: the phrase
    Kind a = Kind::missing, b = Kind::missing;
  };

  // A slot holds the record's element, converted to a Value only when a
  // condition reads it; `stamp` == gen_ means present in the bound record.
  struct Slot {
    simdjson::dom::element element;
    std::uint32_t stamp = 0;
    bool forced = false;  // set_field: the value is forced_[slot]
  };

  void walk(simdjson::dom::object object, const BindLevel& level);
  Truth truth(const Node& n);
  Truth compare(const Node& n);
  Value value(const Node& n);
  Value call(const Node& n);
  Value arith(const Node& n);
  Truth to_truth(const Value& v, const Node& n);
  void fault(Cause cause, const Node& n, const char* what = nullptr, Kind a = Kind::missing,
             Kind b = Kind::missing);
  void record(const Node& n, Op op, const std::string* right, const Value& a, const Value& b,
              Truth t);
  // Counts an unknown result; under strict sets problem_ and returns false.
  bool unknown(std::size_t item, std::size_t clause = 0);
  std::string describe_fault() const;

  const Program::Impl* impl_;
  std::unique_ptr<BindLevel> binder_;
  std::vector<io::Path> paths_;
  std::vector<Slot> slots_;
  std::vector<Value> forced_;
  std::uint32_t gen_ = 0;
  const Node* decided_ = nullptr;  // the dispatch term of the rule being tried
  std::vector<std::size_t> extra_slots_;
  Scratch scratch_;
  bool strict_ = false;
  std::string problem_;
  Counters counters_;
  std::vector<Counters> by_item_;
  FaultInfo fault_;
  int shadow_ = 0;
  std::vector<Comparison>* atoms_ = nullptr;
  bool ts_done_ = false;
  TsState ts_state_ = TsState::missing;
  std::int64_t ts_ = 0;
};

}  // namespace socred::rules
