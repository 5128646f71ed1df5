// Fuzzes the rules language: any bytes as a rules file and as a policy; a
// file that compiles is evaluated on a few records (rules and policy), and a
// file that does not must fail with a located socred::Error, nothing else.
#include <simdjson.h>

#include <cstdint>
#include <string>

#include "io/error.hpp"
#include "rules/rules.hpp"

namespace {

const char* const kRecords[] = {
    R"({"id":"e1","ts":"2024-03-01T12:34:56Z","source":"shop","type":"purchase","amount":12.5,"category":"baby"})",
    R"({"ts":"bad","type":7,"flags":["blacklist"],"score":612,"contributions":{"late":-3.5},"a":{"b":null}})",
    R"({"type":"post","type":"rating","stars":2,"n":9223372036854775807,"s":"é","x":[1,"2",{}]})",
};

void exercise(const socred::rules::Program& program) {
  using namespace socred::rules;
  program.dump_plan();
  static simdjson::dom::parser parser;
  Evaluator ev(program, {{"person"}, {"a", "b"}});
  std::vector<Match> matches;
  PolicyResult result;
  for (const char* json : kRecords) {
    simdjson::dom::object root = parser.parse(std::string_view(json)).get_object();
    if (program.kind() == Program::Kind::rules) {
      ev.evaluate(root, matches);
      for (const Match& m : matches) {
        const Rule& rule = program.rules()[m.rule];
        Milli points = final_points(rule, m.raw, ev.ts(), 1709296496);
        if (rule.cap) apply_cap(*rule.cap, points);
        if (rule.spill) spill_points(*rule.spill, points, 1);
        format_milli(points);
      }
    } else {
      ev.evaluate_policy(root, result);
      for (const Comparison& c : result.comparisons)
        value_text(c.observed), value_text(c.threshold);
    }
  }
}

void check(const socred::Error& e) {
  // Every error in a program names its place and shows a caret.
  if (e.line() == 0 || e.column() == 0) __builtin_trap();
  if (std::string(e.what()).find('^') == std::string::npos) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
    exercise(socred::rules::parse_rules(text, "fuzz.rules"));
  } catch (const socred::Error& e) {
    check(e);
  }
  try {
    exercise(socred::rules::parse_policy(text, "fuzz.policy"));
  } catch (const socred::Error& e) {
    check(e);
  }
  return 0;
}
