// The adapter from lib/rules' evaluator to decisions. What-if questions set
// slot values on the bound line (rules::Evaluator::set_field) and put them
// back afterwards, so that would_flip costs an evaluation per candidate, not
// a parse.
#include "gate/policy.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <utility>

#include "gate/decision_id.hpp"
#include "io/json_path.hpp"
#include "io/json_text.hpp"
#include "io/suggest.hpp"
#include "rules/ast.hpp"
#include "rules/compile.hpp"
#include "rules/milli.hpp"
#include "rules/rules.hpp"

namespace socred::gate {

namespace {

bool reads_score(const rules::Comparison& atom) {
  return *atom.left == "score" || (atom.right != nullptr && *atom.right == "score");
}

// A value as a condition shows it: 612, 12.5, "late", ["a","b"]. The
// common kinds are written here without going through a writer object.
void append_value(std::string& out, const rules::Value& v) {
  using rules::Kind;
  switch (v.kind) {
    case Kind::integer:
      io::append_json_integer(out, v.i);
      return;
    case Kind::string:
      io::append_json_string(out, v.s);
      return;
    case Kind::real:
      if (!std::isfinite(v.d)) break;
      fmt::format_to(std::back_inserter(out), "{}", v.d);  // shortest, as the writer
      return;
    case Kind::boolean:
      out += v.b ? "true" : "false";
      return;
    case Kind::null:
      out += "null";
      return;
    case Kind::array:
      if (v.list == nullptr) {
        simdjson::dom::array array;
        if (v.e.get_array().get(array) == simdjson::SUCCESS) {
          out += '[';
          bool first = true;
          for (simdjson::dom::element item : array) {
            if (!first) out += ',';
            first = false;
            std::string_view s;
            if (item.get_string().get(s) == simdjson::SUCCESS)
              io::append_json_string(out, s);
            else
              out += rules::value_text(rules::Value::from_json(item));
          }
          out += ']';
          return;
        }
      }
      break;
    default:
      break;
  }
  out += rules::value_text(v);
}

// A side as a person reads it: a constant as written, a field with its
// value ("score 612"), a field the line lacks as "flags (missing)".
void append_side(std::string& out, std::string& scratch, const std::string& text,
                 const rules::Value& value) {
  if (!value.known()) {
    out += text;
    out += " (";
    out += rules::value_text(value);
    out += ')';
    return;
  }
  if (value.kind == rules::Kind::array && value.list != nullptr) {
    out += text;  // a literal list of the policy: shown as written
    return;
  }
  scratch.clear();
  append_value(scratch, value);
  if (scratch != text) {
    out += text;
    out += ' ';
  }
  out += scratch;
}

// The relation that held: "score 612 < 650" for a failed `score >= 650`.
void append_condition(std::string& out, std::string& scratch, const rules::Comparison& atom) {
  if (atom.op == rules::Op::test) {
    if (atom.result == rules::Truth::yes) {
      out += *atom.left;
    } else if (atom.result == rules::Truth::no) {
      out += "not ";
      out += *atom.left;
    } else {
      append_side(out, scratch, *atom.left, atom.observed);
      out += ": unknown";
    }
    return;
  }
  const rules::Op op = atom.result == rules::Truth::no ? rules::negated(atom.op) : atom.op;
  append_side(out, scratch, *atom.left, atom.observed);
  out += ' ';
  out += rules::op_text(op);
  out += ' ';
  append_side(out, scratch, *atom.right, atom.threshold);
  if (atom.result == rules::Truth::unknown) out += ": unknown";
}

// The flag a held `"x" in flags` tested, for the reason it gives.
std::string_view tested_flag(const rules::Comparison& atom) {
  if (atom.op == rules::Op::in && atom.result == rules::Truth::yes && atom.right != nullptr &&
      *atom.right == "flags" && atom.observed.kind == rules::Kind::string)
    return atom.observed.s;
  return {};
}

}  // namespace

struct Policy::Impl {
  rules::Program program;
  std::optional<rules::Program> rule_set;
  rules::Evaluator eval;
  std::string hash;
  std::vector<std::string> services;
  std::vector<std::size_t> first_clause;  // per service: its first index in clauses
  std::vector<Clause> clauses;
  RuleTexts texts;
  std::optional<Range> range;
  std::map<std::string, std::string, std::less<>> rule_flag;
  std::optional<std::size_t> score_slot, flags_slot;
  std::vector<std::pair<std::string, std::size_t>> contribution_slots;  // rule -> slot
  std::vector<std::pair<std::string, std::size_t>> spilled_slots;       // rule -> slot
  std::vector<std::string_view> earning;                                // rules that give points
  bool allow_held = false;                                              // in the last outcome()

  bool strict = false;
  std::string problem;
  Unknowns unknowns;
  const ScoreLine* line = nullptr;
  rules::PolicyResult result;
  std::string condition, scratch;        // one condition's text, and a value's
  std::vector<rules::Value> kept_flags;  // a what-if's flags
  std::vector<std::pair<std::size_t, rules::Value>> saved;
  // Fields of the policy seen in some bound line; while one is unseen, the
  // keys of up to kSampleLines lines for "did you mean".
  static constexpr std::uint64_t kSampleLines = 10000;
  std::vector<std::uint8_t> field_seen;
  std::size_t unseen = 0;
  std::uint64_t lines = 0, sampled = 0;
  std::vector<std::string> keys;

  explicit Impl(rules::Program p) : program(std::move(p)), eval(program) {}

  Outcome outcome() {
    bool allowed = false, forbidden = false;
    for (const auto& c : result.clauses) {
      if (c.result != rules::Truth::yes) continue;
      if (program.services()[c.service].clauses[c.clause].forbid)
        forbidden = true;
      else
        allowed = true;
    }
    allow_held = allowed;
    return forbidden ? Outcome::kForbidden : allowed ? Outcome::kAllow : Outcome::kNotPermitted;
  }

  void zero(const std::vector<std::pair<std::string, std::size_t>>& slots,
            const std::vector<std::string_view>& rules) {
    // The rule as if it had not counted: its points 0, not missing, so a
    // condition on them still has a value to compare.
    for (std::string_view rule : rules)
      for (const auto& [name, slot] : slots)
        if (name == rule) set(slot, rules::Value::integer(0));
  }

  void set(std::size_t slot, rules::Value value) {
    saved.emplace_back(slot, eval.field(slot));
    eval.set_field(slot, value);
  }
};

Policy::Policy(const std::string& path, const std::string& rules_path)
    : impl_(std::make_unique<Impl>(rules::load_policy(path))) {
  Impl& m = *impl_;
  m.hash = policy_hash(m.program.text());
  m.field_seen.assign(m.program.fields().size(), 0);
  m.unseen = m.field_seen.size();
  for (const rules::Service& s : m.program.services()) {
    m.services.push_back(s.name);
    m.first_clause.push_back(m.clauses.size());
    for (const rules::Clause& c : s.clauses)
      m.clauses.push_back(Clause{
          c.forbid, s.name, fmt::format("{}:{}:{}", m.program.file(), c.where.line, c.where.column),
          c.condition, c.reason});
  }
  m.score_slot = m.eval.slot_of({"score"});
  const auto& fields = m.program.fields();
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i].size() == 2 && fields[i][0] == "contributions")
      m.contribution_slots.emplace_back(fields[i][1], i);
    else if (fields[i].size() == 2 && fields[i][0] == "spilled")
      m.spilled_slots.emplace_back(fields[i][1], i);
  m.flags_slot = m.eval.slot_of({"flags"});
  if (!rules_path.empty()) {
    m.rule_set = rules::load_rules(rules_path);
    for (const rules::Rule& r : m.rule_set->rules()) {
      m.texts.add(r.name, r.reason);
      if (!r.flags.empty()) m.rule_flag.emplace(r.name, r.flags.front());
      if (r.points > 0) m.earning.push_back(r.name);
    }
    if (m.rule_set->min() || m.rule_set->max())
      m.range = Range{m.rule_set->min(), m.rule_set->max()};
  }
}

Policy::~Policy() = default;

const std::string& Policy::file() const { return impl_->program.file(); }
const std::string& Policy::hash() const { return impl_->hash; }
std::string Policy::plan() const { return impl_->program.dump_plan(); }
const std::vector<std::string>& Policy::services() const { return impl_->services; }
const std::vector<Clause>& Policy::clauses() const { return impl_->clauses; }
const RuleTexts& Policy::rule_texts() const { return impl_->texts; }
const std::optional<Range>& Policy::range() const { return impl_->range; }
const std::string& Policy::problem() const { return impl_->problem; }
const Unknowns& Policy::unknowns() const { return impl_->unknowns; }
void Policy::set_strict(bool strict) { impl_->strict = strict; }

std::optional<int> Policy::service(std::string_view name) const {
  for (std::size_t i = 0; i < impl_->services.size(); ++i)
    if (impl_->services[i] == name) return static_cast<int>(i);
  return std::nullopt;
}

bool Policy::has_rules() const { return impl_->rule_set.has_value(); }
bool Policy::allow_held() const { return impl_->allow_held; }
const std::vector<std::string_view>& Policy::earning_rules() const { return impl_->earning; }

std::string_view Policy::rule_setting(std::string_view flag, const ScoreLine& line) const {
  const Impl& m = *impl_;
  if (!m.rule_set) return {};
  for (const Contribution& c : line.contributions) {
    auto r = m.rule_set->find_rule(c.rule);
    if (!r) continue;
    const auto& flags = m.rule_set->rules()[*r].flags;
    if (std::find(flags.begin(), flags.end(), flag) != flags.end()) return c.rule;
  }
  return {};
}

std::string_view Policy::flag_of(std::string_view rule) const {
  auto it = impl_->rule_flag.find(rule);
  return it == impl_->rule_flag.end() ? std::string_view() : std::string_view(it->second);
}

bool Policy::bind(const ScoreLine& line, const std::vector<int>& services) {
  Impl& m = *impl_;
  m.line = &line;
  m.eval.bind(line.root);
  ++m.lines;
  if (m.unseen > 0) {
    for (std::size_t i = 0; i < m.field_seen.size(); ++i)
      if (!m.field_seen[i] && m.eval.present(i)) m.field_seen[i] = 1, --m.unseen;
    if (m.unseen > 0 && m.sampled++ < Impl::kSampleLines)
      for (auto field : line.root)
        if (m.keys.size() < 1000 &&
            std::find(m.keys.begin(), m.keys.end(), field.key) == m.keys.end())
          m.keys.emplace_back(field.key);
  }
  if (!m.strict) return true;
  // Strictness is checked for the whole line before any decision is
  // written, so that a bad line leaves no half of its decisions behind.
  m.eval.set_strict(true);
  bool ok = true;
  for (int s : services) {
    m.result.clear();
    if (!m.eval.evaluate_service(static_cast<std::size_t>(s), m.result)) {
      m.problem = m.eval.problem();
      ok = false;
      break;
    }
  }
  m.eval.set_strict(false);
  return ok;
}

Outcome Policy::decide(int service, const WhatIf& what) {
  Impl& m = *impl_;
  m.saved.clear();
  if (what.score && m.score_slot) m.set(*m.score_slot, rules::Value::integer(*what.score));
  if (!what.drop_flag.empty() && m.flags_slot) {
    m.kept_flags.clear();
    for (std::string_view flag : m.line->flags)
      if (flag != what.drop_flag) m.kept_flags.push_back(rules::Value::string(flag));
    m.set(*m.flags_slot, rules::Value::literal_list(&m.kept_flags));
  }
  m.zero(m.contribution_slots, what.drop_rules);
  m.zero(m.spilled_slots, what.drop_spilled);
  m.result.clear();
  m.eval.evaluate_service(static_cast<std::size_t>(service), m.result);
  const Outcome outcome = m.outcome();
  for (auto it = m.saved.rbegin(); it != m.saved.rend(); ++it)
    m.eval.set_field(it->first, it->second);
  return outcome;
}

Outcome Policy::explain(int service, Trace& trace) {
  Impl& m = *impl_;
  const rules::Counters before = m.eval.counters();
  m.result.clear();
  m.eval.evaluate_service(static_cast<std::size_t>(service), m.result);
  m.unknowns.missing += m.eval.counters().missing - before.missing;
  m.unknowns.mismatch += m.eval.counters().mismatch - before.mismatch;
  const Outcome outcome = m.outcome();

  std::string& conditions = trace.conditions;
  conditions = "[";
  for (const rules::ClauseResult& c : m.result.clauses) {
    ClauseTrace ct;
    ct.index = static_cast<int>(m.first_clause[c.service] + c.clause);
    ct.held = c.result == rules::Truth::yes;
    if (ct.held) trace.matched.push_back(ct.index);
    bool first = true;
    for (std::uint32_t k = c.first; k < c.first + c.count; ++k) {
      const rules::Comparison& atom = m.result.comparisons[k];
      if (atom.skipped) continue;
      m.condition.clear();
      append_condition(m.condition, m.scratch, atom);
      if (conditions.size() > 1) conditions += ',';
      if (first) ct.begin = conditions.size();
      first = false;
      io::append_json_string(conditions, m.condition);
      if (*atom.left == "score" && atom.threshold.is_number())
        trace.score_thresholds.push_back(atom.threshold.as_double());
      else if (atom.right != nullptr && *atom.right == "score" && atom.observed.is_number())
        trace.score_thresholds.push_back(atom.observed.as_double());
      if (ct.flag.empty()) ct.flag = tested_flag(atom);
      ct.beyond_score = ct.beyond_score || !reads_score(atom);
    }
    if (first) ct.begin = conditions.size();
    ct.end = conditions.size();
    trace.clauses.push_back(ct);
  }
  conditions += ']';
  return outcome;
}

namespace {

// `gamer in flags` or `city == Beijing`: a bare word where a string was
// meant, compared with another field. Returns the quoted form, or empty.
std::string quoted_form(const rules::Node& n, int slot) {
  if (n.kind == rules::NodeKind::compare && n.kids.size() == 2) {
    const rules::Node& a = *n.kids[0];
    const rules::Node& b = *n.kids[1];
    auto bare = [&](const rules::Node& x) {
      return x.kind == rules::NodeKind::path && x.slot == slot && x.path.size() == 1;
    };
    if (bare(a) && b.kind == rules::NodeKind::path)
      return io::json_string(a.path[0]) + " " + rules::op_text(n.op) + " " + io::path_text(b.path);
    if (bare(b) && a.kind == rules::NodeKind::path && n.op != rules::Op::in &&
        n.op != rules::Op::not_in)
      return io::path_text(a.path) + " " + rules::op_text(n.op) + " " + io::json_string(b.path[0]);
  }
  for (const auto& kid : n.kids) {
    std::string found = quoted_form(*kid, slot);
    if (!found.empty()) return found;
  }
  return {};
}

}  // namespace

std::vector<std::string> Policy::unseen_fields() const {
  const Impl& m = *impl_;
  std::vector<std::string> out;
  if (m.lines == 0) return out;
  const auto& fields = m.program.fields();
  const auto& conditions = m.program.impl().clause_conditions;
  for (std::size_t i = 0; i < m.field_seen.size(); ++i) {
    if (m.field_seen[i]) continue;
    std::string suggestion;
    for (const auto& service : conditions)
      for (const auto& condition : service)
        if (suggestion.empty() && condition)
          suggestion = quoted_form(*condition, static_cast<int>(i));
    if (suggestion.empty()) {
      std::string near = io::did_you_mean(io::path_text(fields[i]), m.keys);
      if (!near.empty()) suggestion = io::json_string(near);
    }
    std::string text =
        fmt::format("field {} was in no input line", io::json_string(io::path_text(fields[i])));
    if (!suggestion.empty()) text += fmt::format(" (did you mean {}?)", suggestion);
    out.push_back(std::move(text));
  }
  return out;
}

}  // namespace socred::gate
