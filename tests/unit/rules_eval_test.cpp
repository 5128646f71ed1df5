#include <simdjson.h>

#include "catch.hpp"
#include "rules/eval.hpp"

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

}  // namespace

TEST_CASE("eval: every comparison operator on numbers and strings", "[rules]") {
  const std::string rec = R"({"n":5,"x":2.5,"s":"b"})";
  CHECK(eval("n == 5", rec) == "yes");
  CHECK(eval("n == 5.0", rec) == "yes");  // numbers compare by value
  CHECK(eval("n != 5", rec) == "no");
  CHECK(eval("n < 6", rec) == "yes");
  CHECK(eval("n <= 5", rec) == "yes");
  CHECK(eval("n > 5", rec) == "no");
  CHECK(eval("n >= 5", rec) == "yes");
  CHECK(eval("x > 2", rec) == "yes");
  CHECK(eval("x < n", rec) == "yes");
  CHECK(eval("s == \"b\"", rec) == "yes");
  CHECK(eval("s != \"b\"", rec) == "no");
  CHECK(eval("s < \"c\"", rec) == "yes");  // strings order by bytes
  CHECK(eval("s > \"a\"", rec) == "yes");
}

TEST_CASE("eval: int64 and double compare exactly", "[rules]") {
  const std::string rec = R"({"big":9007199254740993,"max":9223372036854775807})";
  CHECK(eval("big == 9007199254740992.0", rec) == "no");  // 2^53+1 is not 2^53
  CHECK(eval("big > 9007199254740992.0", rec) == "yes");
  CHECK(eval("max < 9223372036854775808.0", rec) == "yes");
  CHECK(eval("max == 9223372036854775807", rec) == "yes");
  CHECK(eval("big == 18446744073709551615", R"({"big":18446744073709551615})") ==
        "yes");  // past int64
}

TEST_CASE("eval: and, or, not with three-valued logic", "[rules]") {
  const std::string rec = R"({"t":true,"f":false})";
  CHECK(eval("t and f", rec) == "no");
  CHECK(eval("t or f", rec) == "yes");
  CHECK(eval("not f", rec) == "yes");
  CHECK(eval("t and not f", rec) == "yes");
  // A missing field is unknown: false and unknown is false (not counted),
  // true or unknown is true, not unknown is unknown.
  CHECK(eval("f and gone > 1", rec) == "no");
  CHECK(eval("gone > 1 and f", rec) == "no");
  CHECK(eval("t or gone > 1", rec) == "yes");
  CHECK(eval("gone > 1 or t", rec) == "yes");
  CHECK(eval("t and gone > 1", rec) == "missing");
  CHECK(eval("not (gone > 1)", rec) == "missing");
  CHECK(eval("not gone", rec) == "missing");
}

TEST_CASE("eval: in and not in, on lists and on record arrays", "[rules]") {
  const std::string rec = R"({"type":"post","flags":["blacklist","x"],"n":2,"s":"a"})";
  CHECK(eval("type in [\"post\", \"rating\"]", rec) == "yes");
  CHECK(eval("type in [\"rating\"]", rec) == "no");
  CHECK(eval("type not in [\"rating\"]", rec) == "yes");
  CHECK(eval("\"blacklist\" in flags", rec) == "yes");
  CHECK(eval("\"y\" in flags", rec) == "no");
  CHECK(eval("\"y\" not in flags", rec) == "yes");
  CHECK(eval("n in [1, 2.0, \"2\"]", rec) == "yes");  // other kinds are just unequal
  CHECK(eval("n in [\"2\"]", rec) == "no");
  CHECK(eval("null in [1, null]", rec) == "yes");
  CHECK(eval("\"x\" in s", rec) == "mismatch");  // not an array
  CHECK(eval("\"x\" in gone", rec) == "missing");
  CHECK(eval("gone in [1]", rec) == "missing");
}

TEST_CASE("eval: null is a value, distinct from a missing field", "[rules]") {
  const std::string rec = R"({"z":null,"n":1})";
  CHECK(eval("z == null", rec) == "yes");
  CHECK(eval("n == null", rec) == "no");
  CHECK(eval("n != null", rec) == "yes");
  CHECK(eval("z != 1", rec) == "yes");  // null equals only null
  CHECK(eval("z > 1", rec) == "mismatch");
  CHECK(eval("gone == null", rec) == "missing");
  CHECK(eval("exists(z)", rec) == "yes");
  CHECK(eval("exists(gone)", rec) == "no");
  CHECK(eval("not exists(gone)", rec) == "yes");
}

TEST_CASE("eval: type mismatches are false and counted", "[rules]") {
  const std::string rec = R"({"s":"5","n":5,"b":true,"a":[1],"o":{"k":1}})";
  CHECK(eval("s == 5", rec) == "mismatch");
  CHECK(eval("s > 4", rec) == "mismatch");
  CHECK(eval("b == 1", rec) == "mismatch");
  CHECK(eval("b == true", rec) == "yes");
  CHECK(eval("a == 1", rec) == "mismatch");
  CHECK(eval("o == 1", rec) == "mismatch");
  CHECK(eval("n", rec) == "mismatch");  // a number is not a condition
  CHECK(eval("s + 1 > 2", rec) == "mismatch");
  CHECK(eval("n / 0 > 1", rec) == "mismatch");
  CHECK(eval("n % 0 > 1", rec) == "mismatch");
  CHECK(eval("-s < 0", rec) == "mismatch");
}

TEST_CASE("eval: arithmetic", "[rules]") {
  const std::string rec = R"({"a":7,"b":2,"x":0.5,"big":9223372036854775807})";
  CHECK(eval("a + b == 9", rec) == "yes");
  CHECK(eval("a - b == 5", rec) == "yes");
  CHECK(eval("a * b == 14", rec) == "yes");
  CHECK(eval("a / b == 3.5", rec) == "yes");  // division is exact, not integer
  CHECK(eval("a % b == 1", rec) == "yes");
  CHECK(eval("x * 4 == 2", rec) == "yes");
  CHECK(eval("-a == -7", rec) == "yes");
  CHECK(eval("big + 1 > big", rec) == "yes");  // overflow moves to double, not wraps
  CHECK(eval("a + gone > 1", rec) == "missing");
}

TEST_CASE("eval: functions on text and time", "[rules]") {
  const std::string rec =
      R"({"ts":"2024-03-04T13:00:00Z","d":"2024-03-01","name":"Li Wei","city":"BEIJING","tags":[1,2,3]})";
  CHECK(eval("days_between(d, ts) > 3.5", rec) == "yes");
  CHECK(eval("days_between(d, ts) < 3.6", rec) == "yes");
  CHECK(eval("days_between(ts, d) < 0", rec) == "yes");
  CHECK(eval("hour(ts) == 13", rec) == "yes");
  CHECK(eval("weekday(ts) == 1", rec) == "yes");  // a Monday
  CHECK(eval("weekday(d) == 5", rec) == "yes");
  CHECK(eval("lower(city) == \"beijing\"", rec) == "yes");
  CHECK(eval("upper(name) == \"LI WEI\"", rec) == "yes");
  CHECK(eval("contains(name, \"i W\")", rec) == "yes");
  CHECK(eval("contains(name, \"x\")", rec) == "no");
  CHECK(eval("starts_with(name, \"Li\")", rec) == "yes");
  CHECK(eval("ends_with(name, \"Wei\")", rec) == "yes");
  CHECK(eval("ends_with(name, \"Li\")", rec) == "no");
  CHECK(eval("len(name) == 6", rec) == "yes");
  CHECK(eval("len(\"é\") == 1", rec) == "yes");  // characters, not bytes
  CHECK(eval("len(tags) == 3", rec) == "yes");
  CHECK(eval("abs(0 - 3) == 3", rec) == "yes");
  CHECK(eval("min(3, 1.5, 2) == 1.5", rec) == "yes");
  CHECK(eval("max(3, 1.5, 2) == 3", rec) == "yes");
  CHECK(eval("coalesce(gone, 7) == 7", rec) == "yes");  // a missing field here is no fault
  CHECK(eval("coalesce(name, 7) == \"Li Wei\"", rec) == "yes");
  CHECK(eval("hour(name) == 1", rec) == "mismatch");
  CHECK(eval("lower(1) == \"1\"", rec) == "mismatch");
  CHECK(eval("hour(gone) == 1", rec) == "missing");
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
  CHECK(ev.ts() == 1709251201);
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
