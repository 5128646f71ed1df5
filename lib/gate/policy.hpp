// A policy as gate uses it: services, their allow and forbid clauses, and
// the questions gate asks of them (decide, decide with every comparison
// recorded, decide for a hypothetical line). The language itself is
// lib/rules; this adapts its evaluator to decisions.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gate/decision.hpp"
#include "gate/rule_texts.hpp"
#include "gate/score_line.hpp"
#include "gate/would_flip.hpp"

namespace socred::gate {

/// One allow or forbid clause, for coverage reports.
struct Clause {
  bool forbid = false;
  std::string service;
  std::string where;  // "file:line:column"
  std::string text;   // the condition as written
  std::string reason;
};

/// One clause as evaluating a service found it.
struct ClauseTrace {
  int index = 0;  // in Policy::clauses()
  bool held = false;
  bool beyond_score = false;  // read something other than the score
  std::string_view flag;      // the flag a held `"x" in flags` found
  /// Its relations: Trace::conditions' text between these offsets.
  std::size_t begin = 0, end = 0;
};

/// What evaluating a service found, beyond the outcome.
struct Trace {
  std::string conditions;                // JSON array text: ["score 612 < 650",...]
  std::vector<ClauseTrace> clauses;      // every clause evaluated, in policy order
  std::vector<double> score_thresholds;  // constants `score` was compared with
  std::vector<int> matched;              // clauses (indexes in clauses()) that held
  void clear() {
    conditions.clear();
    clauses.clear();
    score_thresholds.clear();
    matched.clear();
  }
  /// A clause's relations as a JSON array's text.
  std::string clause_conditions(const ClauseTrace& c) const {
    return "[" + conditions.substr(c.begin, c.end - c.begin) + "]";
  }
};

/// Conditions that came out unknown while deciding (not in what-ifs).
struct Unknowns {
  std::uint64_t missing = 0;   // read a field the line does not have
  std::uint64_t mismatch = 0;  // compared types that cannot be compared
};

class Policy {
 public:
  /// Loads and compiles `path`; `rules_path` (may be empty) is the rule set
  /// the scores came from, for reason texts, flags and range. Errors name
  /// file, line and column with a caret (status 2); a missing file is 66.
  Policy(const std::string& path, const std::string& rules_path);
  ~Policy();
  Policy(const Policy&) = delete;
  Policy& operator=(const Policy&) = delete;

  const std::string& file() const;
  const std::string& hash() const;
  /// The compiled policy as text (--dump-plan): fields read, services.
  std::string plan() const;
  const std::vector<std::string>& services() const;
  std::optional<int> service(std::string_view name) const;
  /// Every clause of every service, in file order.
  const std::vector<Clause>& clauses() const;
  const RuleTexts& rule_texts() const;
  /// Whether --rules gave the rule set (reason texts, flags, range).
  bool has_rules() const;
  const std::optional<Range>& range() const;
  /// The flag a rule of the rule set sets, or empty.
  std::string_view flag_of(std::string_view rule) const;
  /// The rule of the line that set `flag` (the first in line order of the
  /// rules that set it), or empty without --rules.
  std::string_view rule_setting(std::string_view flag, const ScoreLine& line) const;
  /// The rules of the rule set that give points (positive), in file order.
  const std::vector<std::string_view>& earning_rules() const;

  /// --strict: a condition left unknown by a missing field or a type
  /// mismatch makes the line bad instead of false.
  void set_strict(bool strict);
  /// Binds a score line; the calls below read it until the next bind.
  /// False under strict when a condition of `services` is unknown, with
  /// problem() saying which and why.
  bool bind(const ScoreLine& line, const std::vector<int>& services);
  const std::string& problem() const;

  /// The outcome for `service` on the bound line changed by `what`.
  Outcome decide(int service, const WhatIf& what);
  /// Whether an allow clause held in the last decide() (a forbid may
  /// still have won).
  bool allow_held() const;
  /// The outcome on the bound line, with every comparison evaluated and the
  /// clauses that decided.
  Outcome explain(int service, Trace& trace);
  const Unknowns& unknowns() const;

  /// The end-of-run warnings about fields the policy reads that no bound
  /// line had, with a suggestion: the quoted form for a bare word compared
  /// with a field (`"gamer" in flags` for `gamer in flags`), else the
  /// nearest key of the first 10,000 lines. Empty when no line was bound.
  std::vector<std::string> unseen_fields() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace socred::gate
