#include "catch.hpp"
#include "rules/parser.hpp"
#include "rules/program.hpp"
#include "rules/time.hpp"
#include "rules_test_util.hpp"

using namespace socred::rules;
using rules_test::check_each;
using rules_test::error_of;

namespace {

std::string tree(const std::string& text) { return render(*parse_expression(Source("e", text))); }

std::string rules_error(const std::string& text) {
  return error_of([&] { parse_rules(text, "t.rules"); });
}
std::string policy_error(const std::string& text) {
  return error_of([&] { parse_policy(text, "t.policy"); });
}
std::string expr_error(const std::string& text) {
  return error_of([&] { parse_expression(Source("e", text)); });
}

const char* kHead = "base 0\nrule r\n  reason \"x\"\n  evidence speculative \"y\"\n";

}  // namespace

TEST_CASE("parser: precedence from or (loosest) to unary minus (tightest)", "[rules]") {
  const rules_test::Cases cases = {
      {"a or b and c", "(a or (b and c))"},
      {"a and b or c", "((a and b) or c)"},
      {"not a and b", "((not a) and b)"},
      {"not a == 1", "(not (a == 1))"},
      {"not not a", "(not (not a))"},
      {"a + b * c == d - e / f % g", "((a + (b * c)) == (d - ((e / f) % g)))"},
      {"a - b - c", "((a - b) - c)"},
      {"-a * -2", "((-a) * (-2))"},
      {"(a or b) and c", "((a or b) and c)"},
      {"a < 1 or b >= 2 and c != 3", "((a < 1) or ((b >= 2) and (c != 3)))"},
      {"x <= 1 and y > 2", "((x <= 1) and (y > 2))"},
  };
  check_each(tree, cases);
}

TEST_CASE("parser: values, paths, lists and calls", "[rules]") {
  const rules_test::Cases cases = {
      {"a.b.c == \"x\"", "(a.b.c == \"x\")"},
      {"[\"id.orig_h\"] == \"10.0.0.1\"", "([\"id.orig_h\"] == \"10.0.0.1\")"},
      {"conn[\"id.orig_h\"].port == 80", "(conn[\"id.orig_h\"].port == 80)"},
      {"contributions.in < 0", "(contributions.in < 0)"},  // keywords after a dot are names
      {"type in [\"a\", \"b\"]", "(type in [\"a\", \"b\"])"},
      {"x not in [1, -2.5, true, null]", "(x not in [1, -2.5, true, null])"},
      {"\"blacklist\" in flags", "(\"blacklist\" in flags)"},
      {"x in []", "(x in [])"},
      {"x == true or y == false or z == null", "(((x == true) or (y == false)) or (z == null))"},
      {"days_between(ts, \"2024-01-01\") > 3", "(days_between(ts, \"2024-01-01\") > 3)"},
      {"exists(a.b)", "exists(a.b)"},
      {"min(a, b, 3) > 1", "(min(a, b, 3) > 1)"},
      {"x == 1.5e3", "(x == 1500)"},
      {"x == 99999999999999999999", "(x == 1e+20)"},  // past int64: a double
  };
  check_each(tree, cases);
}

TEST_CASE("parser: expression errors", "[rules]") {
  const rules_test::Cases cases = {
      {"a < b < c",
       "e:1:7: comparisons do not chain: join them with 'and' (a < b and ...)\na < b < c\n      ^"},
      {"a ==",
       "e:1:5: expected a value (a field, a number, a string, true, false, null or '('), found end "
       "of file\na ==\n    ^"},
      {"(a == 1", "e:1:8: expected ')', found end of file\n(a == 1\n       ^"},
      {"foo(1) > 2",
       "e:1:1: unknown function 'foo': expected one of exists, coalesce, days_between, hour, "
       "weekday, lower, upper, contains, starts_with, ends_with, len, abs, min, max\nfoo(1) > "
       "2\n^"},
      {"hour(a, b) > 2", "e:1:1: expected 1 argument for hour(time), found 2\nhour(a, b) > 2\n^"},
      {"exists(1)",
       "e:1:1: expected a field for exists(field), as in exists(amount)\nexists(1)\n^"},
      {"x == [1]", "e:1:6: expected a value: a list [..] may only follow 'in'\nx == [1]\n     ^"},
      {"x in [y]",
       "e:1:7: expected a number, a string, true, false or null in the list (lists hold "
       "constants), found 'y'\nx in [y]\n      ^"},
      {"a and",
       "e:1:6: expected a value (a field, a number, a string, true, false, null or '('), found end "
       "of file\na and\n     ^"},
      {"a b", "e:1:3: expected an operator or the end, found 'b'\na b\n  ^"},
      {"a. b == 1", "e:1:4: expected a field name right after '.', found 'b'\na. b == 1\n   ^"},
      {"+a", "e:1:1: expected a value: a leading '+' is only for points\n+a\n^"},
  };
  check_each(expr_error, cases);
  std::string deep(300, '(');
  CHECK(expr_error(deep + "a").find("expression nested deeper than 100 levels") !=
        std::string::npos);
  // The limit is on nesting, not length: a flat 'and' or 'or' is one level.
  std::string chain = "a";
  for (int k = 0; k < 150; ++k) chain += " and a";
  CHECK(tree(chain).size() > 150 * 6);
  std::string alternatives = "x == 0";
  for (int k = 1; k < 1000; ++k) alternatives += " or x == " + std::to_string(k);
  CHECK(tree(alternatives).find("(x == 999)") != std::string::npos);
  std::string nested = "a";
  for (int k = 0; k < 101; ++k) nested = "not (" + nested + " or b)";
  CHECK(expr_error(nested).find("expression nested deeper than 100 levels") != std::string::npos);
}

TEST_CASE("parser: a rule with every clause", "[rules]") {
  Program p = parse_rules(R"R(# a rule set
base 600
range 350 to 950
rule late: when type == "loan_repayment" and status == "late"
  points -0.5 per 10 of days_late * 2
  at most -60 per 30 days
  fade half-life 180 days
  flag late_payer
  flag "watch list"
  spill 0.2 to friends within 2 hops decay 0.5 per hop at most 20 per week
  reason "you repaid a loan late"
  evidence documented "Ant Financial (2015)"
rule quiet when true points 0 reason "r" evidence reported "c" expire after 2 years
rule capped when x points +1 at most 5 in total reason "r" evidence speculative "c" fade half_life 12 hours
)R",
                          "t.rules");
  CHECK(p.kind() == Program::Kind::rules);
  CHECK(p.base() == 600000);
  CHECK(p.min() == 350000);
  CHECK(p.max() == 950000);
  REQUIRE(p.rules().size() == 3);
  const Rule& r = p.rules()[0];
  CHECK(r.name == "late");
  CHECK(r.condition == "type == \"loan_repayment\" and status == \"late\"");
  CHECK(r.points == -500);
  CHECK(r.per_unit);
  CHECK(r.per == 10);
  CHECK(r.unit == "days_late * 2");
  REQUIRE(r.cap);
  CHECK(r.cap->limit == -60000);  // unsigned-looking limits take the points' sign
  CHECK(r.cap->days == 30);
  CHECK(r.fade.kind == Fade::half_life);
  CHECK(r.fade.micros == 180 * kMicrosPerDay);
  CHECK(r.flags == std::vector<std::string>{"late_payer", "watch list"});
  REQUIRE(r.spill);
  CHECK(r.spill->share == 0.2);
  CHECK(r.spill->hops == 2);
  CHECK(r.spill->decay == 0.5);
  REQUIRE(r.spill->cap);
  CHECK(r.spill->cap->limit == -20000);
  CHECK(r.spill->cap->days == 7);
  CHECK(r.reason == "you repaid a loan late");
  CHECK(r.evidence == Evidence::documented);
  CHECK(r.citation == "Ant Financial (2015)");
  CHECK(r.where.line == 4);
  CHECK(r.where.column == 1);
  const Rule& q = p.rules()[1];
  CHECK(q.points == 0);
  CHECK_FALSE(q.per_unit);
  CHECK(q.fade.kind == Fade::expire);
  CHECK(q.fade.micros == 2 * 365 * kMicrosPerDay);
  CHECK(q.evidence == Evidence::reported);
  CHECK_FALSE(q.cap);
  CHECK_FALSE(q.spill);
  const Rule& c = p.rules()[2];
  CHECK(c.cap->limit == 5000);
  CHECK(c.cap->days == 0);
  CHECK(c.fade.micros == 12 * 3600 * kMicrosPerSecond);
  CHECK(c.evidence == Evidence::speculative);
  CHECK(p.find_rule("capped") == 2u);
  CHECK_FALSE(p.find_rule("nope"));
  CHECK(p.fades());
}

TEST_CASE("parser: per-unit points without a count are per 1", "[rules]") {
  Program p = parse_rules(
      "base 0 rule r when true points -1 per days_late reason \"r\" evidence reported \"c\"");
  CHECK(p.rules()[0].per_unit);
  CHECK(p.rules()[0].per == 1);
  CHECK(p.rules()[0].unit == "days_late");
  CHECK_FALSE(p.min());
  CHECK_FALSE(p.fades());
}

TEST_CASE("parser: rule set errors", "[rules]") {
  CHECK(rules_error("") ==
        "t.rules:1:1: expected 'base N' somewhere in the file: a rule set needs a base score\n\n^");
  CHECK(rules_error("base x") ==
        "t.rules:1:6: expected a number after 'base' (the score before any rule), found 'x'\nbase "
        "x\n     ^");
  CHECK(rules_error("base 1.2345") ==
        "t.rules:1:6: expected a number with at most three decimals, found the number 1.2345\n"
        "base 1.2345\n     ^");
  CHECK(rules_error("base 1\nbase 2") ==
        "t.rules:2:1: a rule set has one 'base'; this is a second one\nbase 2\n^");
  CHECK(rules_error("base 1 range 9 to 3") ==
        "t.rules:1:19: expected HIGH >= LOW in 'range 9 to 3'\nbase 1 range 9 to 3\n               "
        "   ^");
  CHECK(rules_error("base 1 range 300 to 900") ==
        "t.rules:1:1: expected the base 1 within the range 300 to 900\nbase 1 range 300 to 900\n^");
  CHECK(rules_error("base 0\nservice x") ==
        "t.rules:2:1: expected 'base', 'range' or 'rule', found 'service': services belong in a "
        "policy "
        "file (gate --policy)\nservice x\n^");
  CHECK(
      rules_error(std::string(kHead) + "  when a == 1\n  points 5\n  becuase \"x\"\n") ==
      "t.rules:7:3: expected a clause of rule 'r' (when, points, reason, evidence, at most, fade, "
      "expire, flag, spill) or the next 'rule', found 'becuase'\n  becuase \"x\"\n  ^");
  CHECK(rules_error(std::string(kHead) + "  points 5\n") ==
        "t.rules:2:6: rule 'r' has no 'when' clause: when CONDITION says which events it matches\n"
        "rule r\n     ^");
  CHECK(rules_error(std::string(kHead) + "  when a\n") ==
        "t.rules:2:6: rule 'r' has no 'points' clause: points +5, or points -1 per 100 of amount\n"
        "rule r\n     ^");
  CHECK(rules_error("base 0 rule r when a points 1 evidence reported \"c\"") ==
        "t.rules:1:13: rule 'r' has no 'reason': reason \"...\" says what a person would be told\n"
        "base 0 rule r when a points 1 evidence reported \"c\"\n            ^");
  CHECK(
      rules_error("base 0 rule r when a points 1 reason \"c\"") ==
      "t.rules:1:13: rule 'r' has no 'evidence': evidence documented|reported|speculative "
      "\"source\" says how sure we are\nbase 0 rule r when a points 1 reason \"c\"\n            ^");
  CHECK(rules_error(std::string(kHead) + "  when a\n  when b") ==
        "t.rules:6:3: rule 'r' already has a 'when' clause\n  when b\n  ^");
  CHECK(rules_error(std::string(kHead) + "  when a points 1\nrule r") ==
        "t.rules:6:6: expected a new rule name: 'r' is already defined at line 2\nrule r\n     ^");
  CHECK(rules_error(std::string(kHead) + "  when amount + 1\n  points 5") ==
        "t.rules:5:8: expected a condition, found the arithmetic amount + 1: compare it, as in "
        "amount + 1 "
        "> 0\n  when amount + 1\n       ^");
  CHECK(rules_error(std::string(kHead) + "  when lower(x)\n  points 5") ==
        "t.rules:5:8: expected a condition, found lower(x) which gives a value: compare it, as in "
        "lower(x) > 0\n  when lower(x)\n       ^");
  CHECK(rules_error(std::string(kHead) + "  when 3\n  points 5") ==
        "t.rules:5:8: expected a condition, found the constant 3\n  when 3\n       ^");
  CHECK(rules_error(std::string(kHead) + "  when a points -5 at most +30 per 30 days") ==
        "t.rules:5:28: expected a limit with the sign of rule 'r''s points (-5): a cap limits the "
        "sum "
        "in the direction the points go\n  when a points -5 at most +30 per 30 days\n"
        "                           ^");
  CHECK(rules_error(std::string(kHead) + "  when a points -5 at most 30 per 30 hours") ==
        "t.rules:5:38: expected a period in days, weeks or years (per 30 days), found 'hours'\n"
        "  when a points -5 at most 30 per 30 hours\n                                     ^");
  CHECK(rules_error(std::string(kHead) + "  when a at most 3 per day points 1") ==
        "t.rules:5:10: expected 'points' before 'at most' in rule 'r': a cap limits the points\n"
        "  when a at most 3 per day points 1\n         ^");
  CHECK(
      rules_error(std::string(kHead) + "  when a points 1 fade slowly") ==
      "t.rules:5:24: expected 'half-life' after 'fade' (fade half-life 180 days), found 'slowly'\n"
      "  when a points 1 fade slowly\n                       ^");
  CHECK(rules_error(std::string(kHead) + "  when a points 1 spill 1.5 to friends") ==
        "t.rules:5:25: expected a share between 0 and 1, found the number 1.5\n"
        "  when a points 1 spill 1.5 to friends\n                        ^");
  CHECK(rules_error(std::string(kHead) + "  when a points 1 spill 0.5 to friends within 9 hops") ==
        "t.rules:5:47: expected a number of hops from 1 to 6, found the number 9\n"
        "  when a points 1 spill 0.5 to friends within 9 hops\n"
        "                                              ^");
  CHECK(rules_error(std::string(kHead) + "  when a points 1 per 100 amount") ==
        "t.rules:5:27: expected 'of' after the number (per 100 of amount), found 'amount'\n"
        "  when a points 1 per 100 amount\n                          ^");
  CHECK(rules_error("base 0 rule r when a points 1 reason \"\" evidence reported \"c\"") ==
        "t.rules:1:38: expected the reason in double quotes (what a person denied would be told), "
        "found an empty string\nbase 0 rule r when a points 1 reason \"\" evidence reported \"c\"\n"
        "                                     ^");
  CHECK(rules_error("base 0 rule r when a points 1 reason \"x\" evidence rumoured \"c\"") ==
        "t.rules:1:51: expected documented, reported or speculative after 'evidence', found "
        "'rumoured'\n"
        "base 0 rule r when a points 1 reason \"x\" evidence rumoured \"c\"\n"
        "                                                  ^");
}

TEST_CASE("parser: a policy with services and clauses", "[rules]") {
  Program p = parse_policy(R"P(service job.civil_service
  forbid when "blacklist" in flags
    reason "on the list"
    evidence documented "SPC (2016)"
  allow when score >= 700 reason "a score of 700" evidence speculative "ours"
service "dating.premium":
  allow when score >= 650 and not "blacklist" in flags reason "650"
service nothing
)P",
                           "t.policy");
  CHECK(p.kind() == Program::Kind::policy);
  REQUIRE(p.services().size() == 3);
  const Service& s = p.services()[0];
  CHECK(s.name == "job.civil_service");
  REQUIRE(s.clauses.size() == 2);
  CHECK(s.clauses[0].forbid);
  CHECK(s.clauses[0].condition == "\"blacklist\" in flags");
  CHECK(s.clauses[0].reason == "on the list");
  CHECK(s.clauses[0].evidence == Evidence::documented);
  CHECK(s.clauses[0].citation == "SPC (2016)");
  CHECK(s.clauses[0].where.line == 2);
  CHECK(s.clauses[0].where.column == 3);
  CHECK_FALSE(s.clauses[1].forbid);
  CHECK(p.services()[1].name == "dating.premium");
  CHECK_FALSE(p.services()[1].clauses[0].evidence);
  CHECK(p.services()[2].clauses.empty());
  CHECK(p.find_service("nothing") == 2u);
}

TEST_CASE("parser: policy errors", "[rules]") {
  CHECK(policy_error("") ==
        "t.policy:1:1: expected 'service': a policy needs at least one service\n\n^");
  CHECK(policy_error("rule x") ==
        "t.policy:1:1: expected 'service', found 'rule': rules belong in a rules file (score "
        "--rules)\n"
        "rule x\n^");
  CHECK(policy_error("service a allow score > 1") ==
        "t.policy:1:17: expected 'when' after 'allow' (allow when CONDITION), found 'score'\n"
        "service a allow score > 1\n                ^");
  CHECK(policy_error("service a allow when score > 1") ==
        "t.policy:1:31: expected 'reason \"...\"' for this allow clause (what a person would be "
        "told), "
        "found end of file\nservice a allow when score > 1\n                              ^");
  CHECK(policy_error("service a allow when score > 1 reason \"r\" permit") ==
        "t.policy:1:43: expected 'allow', 'forbid' or the next 'service' in service 'a', found "
        "'permit'\n"
        "service a allow when score > 1 reason \"r\" permit\n                                      "
        "    ^");
  CHECK(policy_error("service a allow when score >=\n  reason \"r\"") ==
        "t.policy:2:3: expected a value to end the condition, found the clause 'reason \"...\"'\n"
        "  reason \"r\"\n  ^");
  CHECK(policy_error("service a\nservice a") ==
        "t.policy:2:9: expected a new service name: 'a' is already defined at line 1\nservice a\n  "
        "      ^");
}
