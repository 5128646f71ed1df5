#include "catch.hpp"
#include "gate/reasons.hpp"

using namespace socred::gate;

namespace {
simdjson::dom::parser parser;
std::string scratch;
std::vector<Reason> rank(Outcome outcome, std::vector<Reason> clauses, const ScoreLine& line,
                         const RuleTexts& texts) {
  std::vector<Reason> out;
  rank_reasons(outcome, clauses, line, texts, scratch, out);
  return out;
}
ScoreLine line_of(const char* text) {
  ScoreLine line;
  REQUIRE(!read_score_line(parser.parse(std::string(text)).get_object(), line));
  return line;
}
}  // namespace

TEST_CASE("reasons: the most negative contributions first, in plain words", "[gate]") {
  RuleTexts texts;
  texts.add("late_repayment", "repaid a loan late");
  texts.add("critical_post", "posted criticism of the government");
  auto line = line_of(R"({"person":"p1","score":560,"contributions":)"
                      R"({"shopping":20,"critical_post":-15,"late_repayment":-45.5,"games":-15}})");
  auto reasons = rank(Outcome::kNotPermitted, {}, line, texts);
  REQUIRE(reasons.size() == 3);
  CHECK(reasons[0].text == "repaid a loan late");
  CHECK(reasons[0].rule == "late_repayment");
  CHECK(*reasons[0].points == -45500);
  CHECK(reasons[1].text == "posted criticism of the government");  // tie: line order
  CHECK(reasons[2].text == "games");  // no text: the rule's name in words
}

TEST_CASE("reasons: clause reasons (the flag that forbids) lead", "[gate]") {
  RuleTexts texts;
  auto line =
      line_of(R"({"person":"p1","score":700,"flags":["blacklist"],"contributions":{"a_b":-1}})");
  auto reasons =
      rank(Outcome::kForbidden,
           {Reason{"on the list of dishonest judgment debtors", {}, {}, "blacklist"}}, line, texts);
  REQUIRE(reasons.size() == 2);
  CHECK(reasons[0].flag == "blacklist");
  CHECK(reasons[1].text == "a b");
}

TEST_CASE("reasons: at most four rules", "[gate]") {
  RuleTexts texts;
  auto line = line_of(R"({"person":"p1","contributions":{"a":-1,"b":-2,"c":-3,"d":-4,"e":-5}})");
  auto reasons = rank(Outcome::kNotPermitted, {}, line, texts);
  REQUIRE(reasons.size() == kMaxRuleReasons);
  CHECK(reasons[0].rule == "e");
  CHECK(reasons[3].rule == "b");
}

TEST_CASE("reasons: never empty on a denial, never the threshold restated", "[gate]") {
  RuleTexts texts;
  auto thin = rank(Outcome::kNotPermitted, {}, line_of(R"({"person":"p1","score":550})"), texts);
  REQUIRE(thin.size() == 1);
  CHECK(thin[0].text == "insufficient record: no recorded event raised the score");
  auto some = rank(Outcome::kNotPermitted, {},
                   line_of(R"({"person":"p1","contributions":{"a":2.5}})"), texts);
  CHECK(some[0].text == "insufficient record: recorded events raised the score by only 2.5 points");
  CHECK(rank(Outcome::kAllow, {}, line_of(R"({"person":"p1","contributions":{"a":-1}})"), texts)
            .empty());
}
