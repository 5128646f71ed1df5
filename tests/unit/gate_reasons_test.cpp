#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "catch.hpp"
#include "gate/decide.hpp"

using namespace socred::gate;

namespace {

struct TempFile {
  std::string path;
  TempFile(const std::string& name, const std::string& text)
      : path(std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + "/" + name) {
    std::ofstream(path) << text;
  }
  ~TempFile() { std::remove(path.c_str()); }
};

const char* kRules = R"(
base 600
range 350 to 950
rule shop
  when type == "purchase"
  points +2
  reason "you bought things"
  evidence speculative "test"
rule late
  when type == "late"
  points -10
  reason "you repaid late"
  evidence speculative "test"
rule critic
  when type == "post"
  points -5
  spill 0.2 to friends
  reason "critical posts"
  evidence speculative "test"
rule unpaid
  when type == "unpaid"
  points -100
  flag blacklist
  reason "a court lists you"
  evidence speculative "test"
rule small
  when type == "x"
  points -1
  reason "small things"
  evidence speculative "test"
)";

const char* kPolicy = R"(
service loan
  forbid when "blacklist" in flags reason "listed"
  forbid when coalesce(contributions.late, 0) <= -100 reason "late too often"
  allow when score >= 650 reason "650 or more"
)";

simdjson::dom::parser parser;

// Decides the loan for one score line.
struct Fixture {
  TempFile rules{"gate_reasons_test.rules", kRules};
  TempFile policy_file{"gate_reasons_test.policy", kPolicy};
  Policy policy;
  Decider decider;
  std::string text;
  ScoreLine line;
  explicit Fixture(std::size_t max_reasons = 4, bool with_rules = true)
      : policy(policy_file.path, with_rules ? rules.path : ""), decider(policy, max_reasons) {}
  const Decision& decide(const char* score_line) {
    text = score_line;
    REQUIRE(!read_score_line(parser.parse(text).get_object(), text, line));
    REQUIRE(decider.start(line, text, {0}));
    return decider.decide(0);
  }
};

std::vector<std::string> kinds(const Decision& d) {
  std::vector<std::string> out;
  for (const Reason& r : d.reasons) out.emplace_back(reason_kind_name(r.kind));
  return out;
}

}  // namespace

TEST_CASE("reasons: the gap, then penalties by size until the line would be allowed", "[gate]") {
  Fixture f;
  const Decision& d = f.decide(
      R"({"person":"p","score":630,"base":600,"contributions":{"shop":55,"small":-1,"late":-15,)"
      R"("critic":-9}})");
  REQUIRE(d.outcome == Outcome::kNotPermitted);
  CHECK(kinds(d) == std::vector<std::string>{"gap", "penalty", "penalty"});
  CHECK(d.reasons[0].text == "your score 630 is 20 points below the 650 this service requires");
  CHECK(*d.reasons[0].points_short == 20);
  CHECK(d.reasons[1].rule == "late");
  CHECK(d.reasons[1].text == "you repaid late");
  CHECK(*d.reasons[1].points == -15000);
  CHECK(d.reasons[2].rule == "critic");  // 654 without late and critic: enough, small not cited
  CHECK(*d.without_cited == Outcome::kAllow);
  CHECK(d.would_flip->remove_rule.empty());  // no single rule lifts it 20 points
}

TEST_CASE("reasons: not_earned says what no removal covers, naming the rules that give points",
          "[gate]") {
  Fixture f;
  const Decision& none = f.decide(R"({"person":"p","score":600,"base":600,"contributions":{}})");
  CHECK(kinds(none) == std::vector<std::string>{"gap", "not_earned"});
  CHECK(none.reasons[1].text == "the 50 points are points you have not earned: shop");
  CHECK(*none.reasons[1].rest == 50000);
  CHECK(*none.without_cited == Outcome::kNotPermitted);

  const Decision& some =
      f.decide(R"({"person":"p","score":596,"base":600,"contributions":{"shop":4,"late":-7.5}})");
  CHECK(kinds(some) == std::vector<std::string>{"gap", "penalty", "not_earned"});
  CHECK(some.reasons[2].text == "the other 46.5 points are points you have not earned: shop");
  CHECK(*some.reasons[2].unearned == 46500);
}

TEST_CASE("reasons: --reasons N cites at most N; the rest of the gap is split", "[gate]") {
  Fixture f(1);
  const Decision& d = f.decide(
      R"({"person":"p","score":610,"base":600,"contributions":{"shop":60,"late":-30,"small":-20}})");
  CHECK(kinds(d) == std::vector<std::string>{"gap", "penalty", "not_earned"});
  CHECK(d.reasons[1].rule == "late");
  const Reason& rest = d.reasons[2];
  CHECK(*rest.rest == 10000);     // 40 short, 30 cited
  CHECK(*rest.uncited == 10000);  // small's 20 would cover it
  CHECK(*rest.unearned == 0);
  CHECK(rest.text == "the other 10 points are smaller penalties not cited here");
  CHECK(*d.without_cited == Outcome::kNotPermitted);
}

TEST_CASE("reasons: friends' points that alone flip the decision are always cited", "[gate]") {
  Fixture f;
  const Decision& d =
      f.decide(R"({"person":"p","score":640,"base":600,"contributions":{"shop":80,"late":-30},)"
               R"("spilled":{"critic":-10},"spilled_by":{"critic":{"friends":3,"friend":"p7"}}})");
  CHECK(kinds(d) == std::vector<std::string>{"gap", "penalty", "friends"});
  CHECK(d.reasons[1].rule == "late");  // enough alone, yet the friends are named too
  const Reason& friends = d.reasons[2];
  CHECK(friends.rule == "critic");
  CHECK(*friends.points == -10000);
  CHECK(*friends.friends == 3);
  CHECK(friends.friend_ == "p7");
  CHECK(friends.text == "your friends cost you 10 points through critic (3 friends, most from p7)");
  CHECK(*d.without_cited == Outcome::kAllow);
}

TEST_CASE("reasons: a flag that stands is the whole story, with the rule that set it", "[gate]") {
  Fixture f;
  const Decision& d = f.decide(R"({"person":"p","score":800,"base":600,"flags":["blacklist"],)"
                               R"("contributions":{"shop":300,"unpaid":-100}})");
  REQUIRE(d.outcome == Outcome::kForbidden);
  // would_flip's rule (removing it clears the flag) is cited as well.
  CHECK(kinds(d) == std::vector<std::string>{"flag", "penalty"});
  CHECK(d.reasons[0].flag == "blacklist");
  CHECK(d.reasons[0].rule == "unpaid");
  CHECK(d.reasons[0].conditions == R"(["\"blacklist\" in flags [\"blacklist\"]"])");
  CHECK(d.would_flip->remove_rule == "unpaid");
  CHECK(*d.without_cited == Outcome::kForbidden);  // flags stay
}

TEST_CASE("reasons: a forbid on contributions is lifted by removing the penalty", "[gate]") {
  Fixture f;
  const Decision& d =
      f.decide(R"({"person":"p","score":700,"base":600,"contributions":{"shop":220,"late":-120}})");
  REQUIRE(d.outcome == Outcome::kForbidden);
  CHECK(kinds(d) == std::vector<std::string>{"forbid", "penalty"});
  CHECK(d.reasons[0].text == "late too often");
  CHECK(d.reasons[1].rule == "late");
  CHECK(*d.without_cited == Outcome::kAllow);
}

TEST_CASE("reasons: without --rules, rules are named and the decider knows it", "[gate]") {
  Fixture f(4, false);
  const Decision& d = f.decide(
      R"({"person":"p","score":640,"base":600,"contributions":{"bonus":60,"unpaid_fine":-20}})");
  CHECK(kinds(d) == std::vector<std::string>{"gap", "penalty"});
  CHECK(d.reasons[1].text == "unpaid fine");
  CHECK(d.reasons[0].text == "your score 640 is 10 points below the 650 this service requires");
  const Decision& a = f.decide(R"({"person":"q","score":600,"contributions":{}})");
  CHECK(a.reasons.back().text == "the 50 points are points you have not earned");
}
