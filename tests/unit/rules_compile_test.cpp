#include <simdjson.h>

#include "catch.hpp"
#include "rules/eval.hpp"

using namespace socred::rules;

namespace {

const char* kRules = R"(base 500
range 0 to 1000
rule on_time when type == "loan_repayment" and status == "on_time"
  points +2 reason "r" evidence documented "c"
rule late when status == "late" and type == "loan_repayment"
  points -1 per days_late reason "r" evidence documented "c"
rule spend when type in ["purchase", "refund"] and who.city == "x"
  points +1 per 100 of amount reason "r" evidence speculative "c"
rule any_court when source == "court" or amount > 1000000
  points -5 reason "r" evidence speculative "c"
rule night when type == "post" and hour(ts) < 6
  points -1 reason "r" evidence reported "c"
)";

std::vector<std::uint32_t> matched(Evaluator& ev, simdjson::dom::parser& parser, const char* json) {
  std::vector<Match> out;
  REQUIRE(ev.evaluate(parser.parse(std::string_view(json)).get_object(), out));
  std::vector<std::uint32_t> rules;
  for (const auto& m : out) rules.push_back(m.rule);
  return rules;
}

}  // namespace

TEST_CASE("compile: the field set and the dispatch table, exactly", "[rules]") {
  Program p = parse_rules(kRules, "t.rules");
  CHECK(p.dump_plan() == R"(rules t.rules: 5 rules, base 500, range 0 to 1000
fields:
  0 ts (read by 1 rule; always bound, for caps and fades)
  1 type (read by 4 rules)
  2 status (read by 2 rules)
  3 days_late (read by 1 rule)
  4 who.city (read by 1 rule)
  5 amount (read by 2 rules)
  6 source (read by 1 rule)
dispatch on type:
  "loan_repayment" -> on_time late any_court
  "post" -> any_court night
  "purchase" -> spend any_court
  "refund" -> spend any_court
  any other string -> any_court
  missing or not a string -> every rule
)");
  REQUIRE(p.fields().size() == 7);
  CHECK(p.fields()[4] == socred::io::Path{"who", "city"});
}

TEST_CASE("compile: dispatch gives the same matches as trying every rule", "[rules]") {
  Program p = parse_rules(kRules, "t.rules");
  Evaluator ev(p);
  simdjson::dom::parser parser;
  using V = std::vector<std::uint32_t>;
  CHECK(matched(ev, parser, R"({"type":"loan_repayment","status":"late","days_late":2})") == V{1});
  CHECK(matched(ev, parser, R"({"type":"purchase","amount":5,"who":{"city":"x"}})") == V{2});
  CHECK(matched(ev, parser, R"({"type":"refund","amount":5,"who":{"city":"x"}})") == V{2});
  CHECK(matched(ev, parser, R"({"type":"judgment","source":"court"})") == V{3});
  CHECK(matched(ev, parser, R"({"type":"post","ts":"2024-03-01T05:00:00Z"})") == V{4});
  CHECK(matched(ev, parser, R"({"source":"court","status":"late","amount":3})") == V{3});
  // type not a string: every rule is tried (and the unknowns are counted).
  auto before = ev.counters().mismatch;
  CHECK(matched(ev, parser, R"({"type":7,"source":"court"})") == V{3});
  CHECK(ev.counters().mismatch > before);
}

TEST_CASE("compile: no equality test on a field means no dispatch", "[rules]") {
  Program p = parse_rules(
      "base 0 rule a when amount > 1 or source == \"x\" points 1 reason \"r\" evidence reported "
      "\"c\"",
      "n.rules");
  CHECK(p.dump_plan() == R"(rules n.rules: 1 rule, base 0
fields:
  0 ts (read by 0 rules; always bound, for caps and fades)
  1 amount (read by 1 rule)
  2 source (read by 1 rule)
dispatch: none (every rule is tried on every record)
)");
}

TEST_CASE("compile: a policy's plan lists fields and services", "[rules]") {
  Program p = parse_policy(R"(service flight
  forbid when "blacklist" in flags reason "r"
  allow when score >= 500 reason "r"
service loan
  allow when score >= 700 and contributions.late > -10 reason "r"
service never
)",
                           "p.policy");
  CHECK(p.dump_plan() == R"(policy p.policy: 3 services
fields:
  0 flags (read by 1 clause)
  1 score (read by 2 clauses)
  2 contributions.late (read by 1 clause)
services:
  flight: forbid allow
  loan: allow
  never: (no clauses)
)");
}

TEST_CASE("compile: the final score is base plus points, clamped, rounded", "[rules]") {
  Program p = parse_rules(kRules);
  CHECK(p.score(0) == 500);
  CHECK(p.score(12499) == 512);
  CHECK(p.score(12500) == 513);  // half away from zero
  CHECK(p.score(-500500) == 0);  // clamped at the low end
  CHECK(p.score(600000) == 1000);
  Program open =
      parse_rules("base 0.5 rule a when true points 1 reason \"r\" evidence reported \"c\"");
  CHECK(open.score(-1000) == -1);  // -0.5 rounds away from zero
  // Saturates at INT64_MAX thousandths (...775.807 points) instead of wrapping.
  CHECK(open.score(INT64_MAX) == INT64_MAX / 1000 + 1);
}
