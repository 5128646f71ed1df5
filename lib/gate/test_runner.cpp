// --test CASES: a policy's own tests, in the manner of `opa test` and
// Cedar's test runner. Each case line gives an input (a score line), a
// service, the expected decision and optionally a reason that must be among
// the reasons. Failures and the clauses no case made true are printed on
// stdout; any failure makes the status 1. A malformed case is a bad line.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "gate/decide.hpp"
#include "gate/modes.hpp"
#include "gate/score_line.hpp"
#include "io/error.hpp"
#include "io/json_path.hpp"
#include "io/json_text.hpp"
#include "io/raw_json.hpp"

namespace socred::gate {

namespace {

struct Case {
  std::string name;
  int service = 0;
  Outcome expect = Outcome::kAllow;
  std::string_view reason;  // empty: any
  ScoreLine line;
};

// Reads a case line; false after rejecting it.
bool read_case(io::RecordReader& reader, const io::Record& record, Policy& policy, Case& c) {
  auto fail = [&](const char* key, const std::string& message) {
    reader.reject(record, field_column(record.text, key), message);
    return false;
  };
  auto text = [&](const char* key, bool required, std::string_view& value) {
    auto field = io::last_field(record.root, key);
    if (!field) return !required || fail(key, std::string("missing field \"") + key + "\"");
    if (field->get_string().get(value) != simdjson::SUCCESS)
      return fail(key, std::string("field \"") + key + "\": expected a string");
    return true;
  };
  std::string_view name, service, decision;
  c.reason = {};
  if (!text("case", false, name) || !text("service", true, service) ||
      !text("decision", true, decision) || !text("reason", false, c.reason))
    return false;
  c.name = name.empty() ? fmt::format("line {}", record.line) : std::string(name);
  auto index = policy.service(service);
  if (!index)
    return fail("service", "service \"" + std::string(service) + "\" is not in the policy");
  c.service = *index;
  auto outcome = parse_outcome(decision);
  if (!outcome)
    return fail("decision", "field \"decision\": expected allow, forbidden or not_permitted");
  c.expect = *outcome;
  auto input = io::last_field(record.root, "input");
  simdjson::dom::object root;
  if (!input) return fail("input", "missing field \"input\"");
  if (input->get_object().get(root) != simdjson::SUCCESS)
    return fail("input", "field \"input\": expected an object (a score line)");
  if (auto error =
          read_score_line(root, io::member_value(record.text, "input").value_or(""), c.line))
    return fail("input", "field \"input." + error->field +
                             "\": " + error->message.substr(error->message.find(':') + 2));
  return true;
}

bool has_reason(const Decision& d, std::string_view wanted) {
  for (const Reason& r : d.reasons)
    if (r.text == wanted || r.rule == wanted || r.flag == wanted ||
        reason_kind_name(r.kind) == wanted)
      return true;
  return false;
}

std::string reasons_text(const Decision& d) {
  std::string text;
  for (const Reason& r : d.reasons) {
    if (!text.empty()) text += "; ";
    text += r.text;
  }
  return text.empty() ? "none" : text;
}

}  // namespace

int run_tests(const Options& options, Policy& policy, io::Context& ctx) {
  io::RecordReader reader(std::vector<std::string>{options.test}, ctx.rejects, ctx.stats);
  io::Record record;
  Case c;
  // No warning about rule names: a case may well expect a rule by its name.
  Decider decider(policy, options.reasons, nullptr);
  std::vector<bool> exercised(policy.clauses().size());
  std::uint64_t passed = 0, failed = 0;
  while (reader.next(record)) {
    if (!read_case(reader, record, policy, c)) continue;
    if (!decider.start(c.line, record.text, {c.service})) {
      reader.reject(record, field_column(record.text, "input"), policy.problem());
      continue;
    }
    const Decision& d = decider.decide(c.service);
    for (int clause : decider.trace().matched) exercised[static_cast<std::size_t>(clause)] = true;
    const std::string where = fmt::format("{}:{}: {}: {}", *record.file, record.line, c.name,
                                          policy.services()[static_cast<std::size_t>(c.service)]);
    if (d.outcome != c.expect) {
      ctx.out.write_raw_line(io::visible(fmt::format("FAIL {}: expected {}, got {} ({})", where,
                                                     outcome_name(c.expect),
                                                     outcome_name(d.outcome), reasons_text(d))));
      ++failed;
    } else if (!c.reason.empty() && !has_reason(d, c.reason)) {
      ctx.out.write_raw_line(io::visible(fmt::format("FAIL {}: expected reason \"{}\", got {}",
                                                     where, c.reason, reasons_text(d))));
      ++failed;
    } else {
      ++passed;
    }
  }
  std::size_t covered = 0;
  for (std::size_t i = 0; i < exercised.size(); ++i) {
    if (exercised[i]) {
      ++covered;
      continue;
    }
    const Clause& clause = policy.clauses()[i];
    ctx.out.write_raw_line(
        io::visible(fmt::format("never exercised: {}: {} {} when {}", clause.where,
                                clause.forbid ? "forbid" : "allow", clause.service, clause.text)));
  }
  ctx.out.write_raw_line(
      io::visible(fmt::format("{} cases: {} passed, {} failed; {} of {} clauses exercised",
                              passed + failed, passed, failed, covered, exercised.size())));
  return failed > 0 ? kExitNo : kExitOk;
}

}  // namespace socred::gate
