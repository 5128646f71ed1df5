#include <simdjson.h>

#include "catch.hpp"
#include "rules/eval.hpp"
#include "rules/time.hpp"
#include "rules_test_util.hpp"

using namespace socred::rules;

namespace {

// A one-rule program whose condition is `cond`; evaluates `record`.
struct One {
  explicit One(const std::string& cond, const std::string& extra = "")
      : program(parse_rules("base 0 rule r when " + cond + " points 1 " + extra +
                            " reason \"r\" evidence speculative \"s\"")),
        ev(program) {}

  // "yes", "no", or why not: "missing" / "mismatch".
  std::string on(const std::string& json) {
    auto before = ev.counters();
    simdjson::dom::object root = parser.parse(json).get_object();
    std::vector<Match> out;
    REQUIRE(ev.evaluate(root, out));
    if (!out.empty()) return "yes";
    if (ev.counters().missing > before.missing) return "missing";
    if (ev.counters().mismatch > before.mismatch) return "mismatch";
    return "no";
  }

  Program program;
  Evaluator ev;
  simdjson::dom::parser parser;
};

std::string eval(const std::string& cond, const std::string& json) { return One(cond).on(json); }

// Each condition on `record`, with what it must give.
void check_on(const std::string& record, const rules_test::Cases& cases) {
  rules_test::check_each([&](const std::string& cond) { return eval(cond, record); }, cases);
}

}  // namespace

// Tables of conditions, one a line: kept as written.
// clang-format off
TEST_CASE("eval: every comparison operator on numbers and strings", "[rules]") {
  const std::string rec = R"({"n":5,"x":2.5,"s":"b"})";
  const rules_test::Cases cases = {
      {"n == 5", "yes"},
      {"n == 5.0", "yes"},  // numbers compare by value
      {"n != 5", "no"},
      {"n < 6", "yes"},
      {"n <= 5", "yes"},
      {"n > 5", "no"},
      {"n >= 5", "yes"},
      {"x > 2", "yes"},
      {"x < n", "yes"},
      {"s == \"b\"", "yes"},
      {"s != \"b\"", "no"},
      {"s < \"c\"", "yes"},  // strings order by bytes
      {"s > \"a\"", "yes"},
  };
  check_on(rec, cases);
}

TEST_CASE("eval: int64 and double compare exactly", "[rules]") {
  const std::string rec = R"({"big":9007199254740993,"max":9223372036854775807})";
  const rules_test::Cases cases = {
      {"big == 9007199254740992.0", "no"},  // 2^53+1 is not 2^53
      {"big > 9007199254740992.0", "yes"},
      {"max < 9223372036854775808.0", "yes"},
      {"max == 9223372036854775807", "yes"},
  };
  check_on(rec, cases);
  CHECK(eval("big == 18446744073709551615", R"({"big":18446744073709551615})") ==
        "yes");  // past int64
}

TEST_CASE("eval: and, or, not with three-valued logic", "[rules]") {
  const std::string rec = R"({"t":true,"f":false})";
  const rules_test::Cases cases = {
      {"t and f", "no"},
      {"t or f", "yes"},
      {"not f", "yes"},
      {"t and not f", "yes"},
      // A missing field is unknown: false and unknown is false (not counted),
      // true or unknown is true, not unknown is unknown.
      {"f and gone > 1", "no"},
      {"gone > 1 and f", "no"},
      {"t or gone > 1", "yes"},
      {"gone > 1 or t", "yes"},
      {"t and gone > 1", "missing"},
      {"not (gone > 1)", "missing"},
      {"not gone", "missing"},
  };
  check_on(rec, cases);
}

TEST_CASE("eval: in and not in, on lists and on record arrays", "[rules]") {
  const std::string rec = R"({"type":"post","flags":["blacklist","x"],"n":2,"s":"a"})";
  const rules_test::Cases cases = {
      {"type in [\"post\", \"rating\"]", "yes"},
      {"type in [\"rating\"]", "no"},
      {"type not in [\"rating\"]", "yes"},
      {"\"blacklist\" in flags", "yes"},
      {"\"y\" in flags", "no"},
      {"\"y\" not in flags", "yes"},
      {"n in [1, 2.0, \"2\"]", "yes"},  // other kinds are just unequal
      {"n in [\"2\"]", "no"},
      {"null in [1, null]", "yes"},
      {"\"x\" in s", "mismatch"},  // not an array
      {"\"x\" in gone", "missing"},
      {"gone in [1]", "missing"},
  };
  check_on(rec, cases);
}

TEST_CASE("eval: null is a value, distinct from a missing field", "[rules]") {
  const std::string rec = R"({"z":null,"n":1})";
  const rules_test::Cases cases = {
      {"z == null", "yes"},
      {"n == null", "no"},
      {"n != null", "yes"},
      {"z != 1", "yes"},  // null equals only null
      {"z > 1", "mismatch"},
      {"gone == null", "missing"},
      {"exists(z)", "yes"},
      {"exists(gone)", "no"},
      {"not exists(gone)", "yes"},
  };
  check_on(rec, cases);
}

TEST_CASE("eval: type mismatches are false and counted", "[rules]") {
  const std::string rec = R"({"s":"5","n":5,"b":true,"a":[1],"o":{"k":1}})";
  const rules_test::Cases cases = {
      {"s == 5", "mismatch"},
      {"s > 4", "mismatch"},
      {"b == 1", "mismatch"},
      {"b == true", "yes"},
      {"a == 1", "mismatch"},
      {"o == 1", "mismatch"},
      {"n", "mismatch"},  // a number is not a condition
      {"s + 1 > 2", "mismatch"},
      {"n / 0 > 1", "mismatch"},
      {"n % 0 > 1", "mismatch"},
      {"-s < 0", "mismatch"},
  };
  check_on(rec, cases);
}

TEST_CASE("eval: arithmetic", "[rules]") {
  const std::string rec = R"({"a":7,"b":2,"x":0.5,"big":9223372036854775807})";
  const rules_test::Cases cases = {
      {"a + b == 9", "yes"},
      {"a - b == 5", "yes"},
      {"a * b == 14", "yes"},
      {"a / b == 3.5", "yes"},  // division is exact, not integer
      {"a % b == 1", "yes"},
      {"x * 4 == 2", "yes"},
      {"-a == -7", "yes"},
      {"big + 1 > big", "yes"},  // overflow moves to double, not wraps
      {"a + gone > 1", "missing"},
  };
  check_on(rec, cases);
}

TEST_CASE("eval: functions on text and time", "[rules]") {
  const std::string rec =
      R"({"ts":"2024-03-04T13:00:00Z","d":"2024-03-01","name":"Li Wei","city":"BEIJING","tags":[1,2,3]})";
  const rules_test::Cases cases = {
      {"days_between(d, ts) > 3.5", "yes"},
      {"days_between(d, ts) < 3.6", "yes"},
      {"days_between(ts, d) < 0", "yes"},
      {"hour(ts) == 13", "yes"},
      {"weekday(ts) == 1", "yes"},  // a Monday
      {"weekday(d) == 5", "yes"},
      {"lower(city) == \"beijing\"", "yes"},
      {"upper(name) == \"LI WEI\"", "yes"},
      {"contains(name, \"i W\")", "yes"},
      {"contains(name, \"x\")", "no"},
      {"starts_with(name, \"Li\")", "yes"},
      {"ends_with(name, \"Wei\")", "yes"},
      {"ends_with(name, \"Li\")", "no"},
      {"len(name) == 6", "yes"},
      {"len(\"é\") == 1", "yes"},  // characters, not bytes
      {"len(tags) == 3", "yes"},
      {"abs(0 - 3) == 3", "yes"},
      {"min(3, 1.5, 2) == 1.5", "yes"},
      {"max(3, 1.5, 2) == 3", "yes"},
      {"coalesce(gone, 7) == 7", "yes"},  // a missing field here is no fault
      {"coalesce(name, 7) == \"Li Wei\"", "yes"},
      {"hour(name) == 1", "mismatch"},
      {"lower(1) == \"1\"", "mismatch"},
      {"hour(gone) == 1", "missing"},
  };
  check_on(rec, cases);
}

TEST_CASE("eval: nested paths, bracketed names and duplicate keys (last wins)", "[rules]") {
  CHECK(eval("who.city == \"x\"", R"({"who":{"city":"x"}})") == "yes");
  CHECK(eval("who.city == \"x\"", R"({"who":"x"})") == "missing");
  CHECK(eval("[\"id.orig_h\"] == \"1.2.3.4\"", R"({"id.orig_h":"1.2.3.4"})") == "yes");
  CHECK(eval("n == 2", R"({"n":1,"n":2})") == "yes");
  // The last "who" wins whole: its missing city is missing, not the first one's.
  CHECK(eval("who.city == \"x\"", R"({"who":{"city":"x"},"who":{"age":3}})") == "missing");
  CHECK(eval("who.city == \"y\"", R"({"who":{"city":"x"},"who":{"city":"y"}})") == "yes");
}

TEST_CASE("eval: per-unit points are points x value / per, before rounding", "[rules]") {
  Program p = parse_rules(R"(base 0
rule spend when type == "purchase" points +1 per 100 of amount reason "r" evidence speculative "s"
rule late when type == "loan" points -0.5 per days_late reason "r" evidence speculative "s"
)");
  Evaluator ev(p);
  simdjson::dom::parser parser;
  std::vector<Match> out;
  REQUIRE(ev.evaluate(
      parser.parse(std::string_view(R"({"type":"purchase","amount":1234.5})")).get_object(), out));
  REQUIRE(out.size() == 1);
  CHECK(out[0].rule == 0);
  CHECK(out[0].raw == 1000.0 * 1234.5 / 100);
  REQUIRE(ev.evaluate(
      parser.parse(std::string_view(R"({"type":"loan","days_late":3})")).get_object(), out));
  REQUIRE(out.size() == 1);
  CHECK(out[0].rule == 1);
  CHECK(out[0].raw == -1500.0);
  // A per-unit field that is missing or not a number: no match, counted.
  REQUIRE(ev.evaluate(parser.parse(std::string_view(R"({"type":"loan"})")).get_object(), out));
  CHECK(out.empty());
  CHECK(ev.counters().missing == 1);
  REQUIRE(ev.evaluate(
      parser.parse(std::string_view(R"({"type":"loan","days_late":"3"})")).get_object(), out));
  CHECK(out.empty());
  CHECK(ev.counters().mismatch == 1);
  CHECK(ev.counters_by_item()[1].missing == 1);
  CHECK(ev.counters_by_item()[0].missing == 0);
}

TEST_CASE("eval: strict mode makes a missing field or a mismatch a problem", "[rules]") {
  Program p = parse_rules(R"(base 0
rule big when type == "purchase" and amount > 100 points 1 reason "r" evidence speculative "s"
rule lvl when type == "purchase" and level > 1 points 1 reason "r" evidence speculative "s"
)");
  Evaluator ev(p);
  ev.set_strict(true);
  simdjson::dom::parser parser;
  std::vector<Match> out;
  CHECK_FALSE(ev.evaluate(
      parser.parse(std::string_view(R"({"type":"purchase","level":2})")).get_object(), out));
  CHECK(ev.problem() == "rule big: field \"amount\" is missing");
  CHECK_FALSE(ev.evaluate(
      parser.parse(std::string_view(R"({"type":"purchase","amount":"x","level":2})")).get_object(),
      out));
  CHECK(ev.problem() ==
        "rule big: amount > 100: expected two numbers or two strings, got a string and a number");
  // Another type: the rules are not candidates, nothing is read, no problem.
  CHECK(ev.evaluate(parser.parse(std::string_view(R"({"type":"post"})")).get_object(), out));
  CHECK(out.empty());
  CHECK(ev.evaluate(
      parser.parse(std::string_view(R"({"type":"purchase","amount":200,"level":2})")).get_object(),
      out));
  CHECK(out.size() == 2);
}

TEST_CASE("eval: ts and extra fields come from the same walk", "[rules]") {
  Program p = parse_rules(
      "base 0 rule r when type == \"x\" points 1 reason \"r\" evidence speculative \"s\"");
  Evaluator ev(p, {{"person"}, {"type"}, {"who", "city"}});
  simdjson::dom::parser parser;
  ev.bind(parser
              .parse(std::string_view(
                  R"({"ts":"2024-03-01T00:00:01Z","person":"p1","type":"x","who":{"city":"c"}})"))
              .get_object());
  CHECK(ev.ts_state() == Evaluator::TsState::ok);
  CHECK(ev.ts() == 1709251201 * kMicrosPerSecond);
  CHECK(ev.extra(0).s == "p1");
  CHECK(ev.extra(1).s == "x");  // shares the rule's slot
  CHECK(ev.extra(2).s == "c");
  CHECK(ev.slot_of({"type"}) == ev.slot_of({"type"}));
  CHECK(*ev.slot_of({"type"}) == 1);
  ev.bind(parser.parse(std::string_view(R"({"ts":"yesterday"})")).get_object());
  CHECK(ev.ts_state() == Evaluator::TsState::invalid);
  CHECK(ev.extra(0).kind == Kind::missing);
  ev.bind(parser.parse(std::string_view(R"({})")).get_object());
  CHECK(ev.ts_state() == Evaluator::TsState::missing);
}

TEST_CASE("eval: policies record every atom with observed and threshold values", "[rules]") {
  Program p = parse_policy(R"(service flight
  forbid when "blacklist" in flags reason "on the list"
  allow when score >= 650 and by_source.court > -50 reason "650 and a clean court record"
service loan
  allow when score >= 700 or contributions.on_time > 10 reason "r"
)");
  Evaluator ev(p);
  simdjson::dom::parser parser;
  PolicyResult res;
  REQUIRE(ev.evaluate_policy(
      parser
          .parse(std::string_view(
              R"({"person":"p1","score":612,"flags":["blacklist"],"by_source":{"court":-100}})"))
          .get_object(),
      res));
  REQUIRE(res.clauses.size() == 3);
  CHECK(res.clauses[0].result == Truth::yes);
  CHECK(res.clauses[1].result == Truth::no);
  CHECK(res.clauses[2].result == Truth::unknown);  // no contributions.on_time and score < 700
  REQUIRE(res.clauses[1].count == 2);
  const Comparison& a = res.comparisons[res.clauses[1].first];
  CHECK(*a.left == "score");
  CHECK(a.op == Op::ge);
  CHECK(*a.right == "650");
  CHECK(value_text(a.observed) == "612");
  CHECK(value_text(a.threshold) == "650");
  CHECK(a.result == Truth::no);
  CHECK_FALSE(a.skipped);
  CHECK(std::string(op_text(negated(a.op))) == "<");
  const Comparison& b = res.comparisons[res.clauses[1].first + 1];
  CHECK(*b.left == "by_source.court");
  CHECK(value_text(b.observed) == "-100");
  CHECK(b.result == Truth::no);
  CHECK(b.skipped);  // short-circuit would have stopped at the score
  const Comparison& f = res.comparisons[res.clauses[0].first];
  CHECK(*f.left == "\"blacklist\"");
  CHECK(f.op == Op::in);
  CHECK(*f.right == "flags");
  CHECK(value_text(f.threshold) == "[\"blacklist\"]");
  CHECK(ev.counters().missing == 1);

  // What-if: the same line with a score of 700 flips loan to allowed.
  ev.set_field(*ev.slot_of({"score"}), Value::integer(700));
  res.clear();
  REQUIRE(ev.evaluate_service(1, res));
  REQUIRE(res.clauses.size() == 1);
  CHECK(res.clauses[0].result == Truth::yes);
}

TEST_CASE("eval: strict policies name the service and clause", "[rules]") {
  Program p = parse_policy("service hotel\n  allow when score >= 600 reason \"r\"\n");
  Evaluator ev(p);
  ev.set_strict(true);
  simdjson::dom::parser parser;
  PolicyResult res;
  CHECK_FALSE(
      ev.evaluate_policy(parser.parse(std::string_view(R"({"score":"high"})")).get_object(), res));
  CHECK(ev.problem() ==
        "service hotel, allow clause at line 2: score >= 600: expected two numbers or two strings, "
        "got a "
        "string and a number");
}

TEST_CASE("value_text shows values as a person reads them", "[rules]") {
  std::vector<Value> items{Value::string("a"), Value::integer(2)};
  CHECK(value_text(Value::missing()) == "missing");
  CHECK(value_text(Value::null()) == "null");
  CHECK(value_text(Value::boolean(true)) == "true");
  CHECK(value_text(Value::integer(-3)) == "-3");
  CHECK(value_text(Value::real(12.5)) == "12.5");
  CHECK(value_text(Value::string("say \"hi\"")) == "\"say \\\"hi\\\"\"");
  CHECK(value_text(Value::literal_list(&items)) == "[\"a\",2]");
}
