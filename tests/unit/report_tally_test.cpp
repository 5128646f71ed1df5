#include <string>

#include "catch.hpp"
#include "report/groups.hpp"
#include "report/kind.hpp"
#include "report/tally.hpp"

using namespace socred::report;

namespace {
simdjson::dom::parser parser;
simdjson::dom::object parse(const std::string& text) {
  return parser.parse(text).get_object().value();
}
// A record as the reader gives it: the line's text and its parse. Valid
// until the next call.
socred::io::Record record(const std::string& text) {
  static std::string line;
  line = text;
  socred::io::Record r;
  r.text = line;
  r.root = parse(line);
  return r;
}
}  // namespace

TEST_CASE("kinds are told apart by the fields each stage writes", "[report]") {
  CHECK(detect(parse(R"({"person":"p1","score":600,"contributions":{}})")) == Kind::kScore);
  CHECK(detect(parse(R"({"person":"p1","score":600,"by_source":{}})")) == Kind::kScore);
  // A decision carries a score too; it is still a decision.
  CHECK(
      detect(parse(
          R"({"person":"p1","service":"loan","decision":"allow","score":600,"contributions":{}})")) ==
      Kind::kDecision);
  CHECK(detect(parse(R"({"left":"a","right":"b","match_weight":3.5})")) == Kind::kLink);
  CHECK(detect(parse(R"({"records_left":5,"true_links":3,"true_positives":2})")) == Kind::kLink);
  CHECK(detect(parse(
            R"({"id":"e1","ts":"2024-01-01T00:00:00Z","source":"shop","type":"purchase"})")) ==
        Kind::kEvent);
  CHECK(detect(parse(R"({"person":"p1","score":600})")) == Kind::kAuto);
  CHECK_THROWS_WITH(parse_kind("scores"),
                    "--kind must be auto, score, decision, link or event, not 'scores'");
}

TEST_CASE("score lines: points summed exactly in thousandths, rules in first-seen order",
          "[report]") {
  ScoreTally t;
  Settings s;
  s.cutoff = 600;
  REQUIRE_FALSE(t.add(record(R"({"person":"p1","score":610,"events":3,"matched":2,"flags":["b","b"],
      "contributions":{"x":0.1,"y":-2},"by_source":{"shop":0.1,"court":-2}})"),
                      s));
  REQUIRE_FALSE(
      t.add(record(R"({"person":"p2","score":590,"contributions":{"y":-1,"x":0.2,"z":0}})"), s));
  CHECK(t.persons == 2);
  CHECK(t.selected == 1);
  CHECK(t.events == 3);
  REQUIRE(t.rules.entries().size() == 3);
  CHECK(t.rules.entries()[0].name == "x");
  CHECK(t.rules.entries()[0].total == 300);  // 0.1 + 0.2 with no binary residue
  CHECK(t.rules.entries()[1].total == -3000);
  CHECK(t.rules.entries()[2].persons == 0);
  CHECK(t.flags.at("b") == 1);  // a flag listed twice still marks one person
}

TEST_CASE("a refused score line leaves no trace", "[report]") {
  ScoreTally t;
  Settings s;
  auto p = t.add(record(R"({"person":"p1","score":610,"contributions":{"x":"ten"}})"), s);
  REQUIRE(p);
  CHECK(p->key == "contributions");
  CHECK(p->message == "field \"contributions\": points of \"x\" must be a number");
  CHECK(t.persons == 0);
  CHECK(t.rules.entries().empty());
  CHECK(t.add(record(R"({"person":"p1"})"), s)->message == "missing field \"score\"");
  // --strict: the optional fields become required.
  s.strict = true;
  CHECK(t.add(record(R"({"person":"p1","score":5})"), s)->message == "missing field \"events\"");
}

TEST_CASE("decisions: counts per service and the principal reason of denials", "[report]") {
  DecisionTally t;
  Settings s;
  REQUIRE_FALSE(
      t.add(record(R"({"person":"p1","service":"loan","decision":"allow","reasons":[]})"), s));
  REQUIRE_FALSE(t.add(record(R"({"person":"p1","service":"visa","decision":"forbidden",
      "reasons":[{"text":"blacklisted","flag":"blacklist"},{"text":"other"}]})"),
                      s));
  REQUIRE_FALSE(t.add(
      record(
          R"({"person":"p2","service":"loan","decision":"not_permitted","reasons":["late repayments"]})"),
      s));
  auto bad = t.add(record(R"({"person":"p2","service":"loan","decision":"maybe"})"), s);
  REQUIRE(bad);
  CHECK(bad->key == "decision");
  REQUIRE(t.services.size() == 2);
  CHECK(t.services[0].service == "loan");
  CHECK(t.services[0].allow == 1);
  CHECK(t.services[0].not_permitted == 1);
  CHECK(t.services[1].forbidden == 1);
  CHECK(t.reasons.at({"text", "", "", "blacklisted"}).principal == 1);
  CHECK(t.reasons.at({"text", "", "", "other"}).principal == 0);
  CHECK(t.reasons.at({"text", "", "", "other"}).denials == 1);
  CHECK(t.reasons.at({"text", "", "", "late repayments"}).denials == 1);
  CHECK(t.lines == 3);
}

TEST_CASE("decisions: reasons by kind and rule, not by their numbers; faithfulness", "[report]") {
  DecisionTally t;
  Settings s;
  auto add = [&](const std::string& line) { REQUIRE_FALSE(t.add(record(line), s)); };
  add(R"({"person":"p1","service":"job","decision":"not_permitted","reasons":[
      {"kind":"gap","text":"your score 656 is 44 points below the 700","required":700},
      {"kind":"penalty","rule":"late","points":-3,"text":"you repaid a loan late"},
      {"kind":"not_earned","text":"the other 41 points are points you have not earned"}],
      "without_cited":"not_permitted"})");
  add(R"({"person":"p2","service":"job","decision":"not_permitted","reasons":[
      {"kind":"gap","text":"your score 690 is 10 points below the 700","required":700},
      {"kind":"friends","rule":"critical_post","points":-12,"friends":2,"friend":"p9",
       "text":"your friends cost you 12 points"},
      {"kind":"penalty","rule":"late","points":-3,"text":"you repaid a loan late"}],
      "without_cited":"allow"})");
  add(R"({"person":"p3","service":"job","decision":"not_permitted","reasons":[
      {"kind":"gap","text":"your score 600 is 100 points below the 700","required":700},
      {"kind":"not_earned","text":"the 100 points are points you have not earned"}]})");
  auto bad = t.add(
      record(R"({"person":"p4","service":"job","decision":"allow","without_cited":"maybe"})"), s);
  REQUIRE(bad);
  CHECK(bad->key == "without_cited");
  // One row per kind and rule: the numbers in the words do not split them.
  CHECK(t.reasons.size() == 4);
  CHECK(t.reasons.at({"gap", "", "", ""}).denials == 3);
  CHECK(t.reasons.at({"gap", "", "", ""}).principal == 0);
  CHECK(t.reasons.at({"not_earned", "", "", ""}).denials == 2);
  CHECK(t.reasons.at({"not_earned", "", "", ""}).principal == 1);
  CHECK(t.reasons.at({"penalty", "late", "", ""}).denials == 2);
  CHECK(t.reasons.at({"penalty", "late", "", ""}).text == "you repaid a loan late");
  CHECK(t.reasons.at({"friends", "critical_post", "", ""}).principal == 1);
  CHECK(reason_label({"friends", "critical_post", "", ""}) == "friends: critical_post");
  REQUIRE(t.services.size() == 1);
  const ServiceCounts& job = t.services[0];
  CHECK(job.denied() == 3);
  CHECK(job.checked == 2);  // p3 carries no without_cited
  CHECK(job.suffice == 1);
  CHECK(job.not_earned == 2);
  CHECK(job.friends == 1);
}

TEST_CASE("linkage: a wrong partner is a false match and a miss", "[report]") {
  LinkTally t;
  Settings s;
  s.truth = {"truth"};
  auto add = [&](const std::string& line) { REQUIRE_FALSE(t.add(record(line), s)); };
  add(R"({"left":"a","right":"p1","match_weight":9,"match_probability":0.99,"truth":"p1"})");
  add(R"({"left":"b","right":"p2","match_weight":3,"match_probability":0.9,"truth":"p3"})");
  add(R"({"left":"c","right":"p4","match_weight":-2,"match_probability":0.2,"truth":"p4"})");
  add(R"({"left":"d","right":"p5","match_weight":-5,"match_probability":0.03,"truth":null})");
  add(R"({"left":"e","right":null,"match_weight":null,"match_probability":null,"truth":"p6"})");
  CHECK(t.tp == 1);
  CHECK(t.fp == 1);
  CHECK(t.fn == 3);
  CHECK(t.tn == 1);
  CHECK(t.no_partner == 1);
  CHECK(t.weight_true.count() == 2);
  CHECK(t.weight_false.count() == 2);
}

TEST_CASE("linkage: a weight alone is thresholded as a probability", "[report]") {
  LinkTally t;
  Settings s;
  s.threshold = 0.8;  // weight log2(0.8 / 0.2) = 2
  REQUIRE_FALSE(
      t.add(record(R"({"left":"a","right":"b","match_weight":2.01,"true_match":true})"), s));
  REQUIRE_FALSE(
      t.add(record(R"({"left":"a","right":"c","match_weight":1.99,"true_match":true})"), s));
  CHECK(t.tp == 1);
  CHECK(t.fn == 1);
}

TEST_CASE("groups: by a dotted path, the missing group last, totals folded", "[report]") {
  Grouped<ScoreTally> g(socred::io::parse_path("who.city"));
  Settings s;
  for (const char* line : {R"({"person":"p1","score":1,"by_source":{},"who":{"city":"Wuhan"}})",
                           R"({"person":"p2","score":2,"by_source":{},"who":{"city":"Beijing"}})",
                           R"({"person":"p3","score":3,"by_source":{}})",
                           R"({"person":"p4","score":4,"by_source":{},"who":{"city":7}})"})
    REQUIRE_FALSE(g.add(record(line), s));
  // A refused line does not create its group.
  CHECK(g.add(record(R"({"person":"p5","who":{"city":"Xi'an"}})"), s));
  auto list = g.list();
  REQUIRE(list.size() == 4);
  CHECK(list[0].label == "7");
  CHECK(list[1].label == "Beijing");
  CHECK(list[2].label == "Wuhan");
  CHECK(list[3].missing);
  CHECK(g.total().persons == 4);
  CHECK(g.total().score.mean() == Approx(2.5));
}

TEST_CASE("issue 16: score lines read back exactly whatever score wrote", "[report]") {
  ScoreTally t;
  Settings s;
  REQUIRE_FALSE(t.add(record(R"({"person":"p1","score":9007199254740993,"contributions":)"
                             R"({"x":9007199254740.993,"y":9223372036854775.807,"z":2.5e1}})"),
                      s));
  CHECK(t.score.max() == 9007199254740993LL);
  const auto& rules = t.rules.entries();
  REQUIRE(rules.size() == 3);
  CHECK(rules[0].total == 9007199254740993LL);  // a double would give ...992
  CHECK(rules[1].total == INT64_MAX);
  CHECK(rules[2].total == 25000);
  // Past 64 bits in thousandths: a bad line, not a wrap.
  auto p =
      t.add(record(R"({"person":"p2","score":1,"contributions":{"x":9223372036854775.808}})"), s);
  REQUIRE(p);
  CHECK(p->key == "contributions");
  CHECK(p->message ==
        "field \"contributions\": points of \"x\" is past the 64-bit range of "
        "thousandths");
  // Sums stop at the ends of int64 rather than wrap.
  REQUIRE_FALSE(
      t.add(record(R"({"person":"p3","score":1,"contributions":{"y":9223372036854775}})"), s));
  CHECK(t.rules.entries()[1].total == INT64_MAX);
  CHECK(t.persons == 2);
}
