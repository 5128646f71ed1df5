#include <cstdio>
#include <fstream>

#include "catch.hpp"
#include "gate/decide.hpp"
#include "gate/policy.hpp"

using namespace socred::gate;

namespace {

// A policy file in the temporary directory, removed at the end.
struct TempFile {
  std::string path;
  explicit TempFile(const std::string& name, const std::string& text)
      : path(std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + "/" + name) {
    std::ofstream(path) << text;
  }
  ~TempFile() { std::remove(path.c_str()); }
};

const char* kPolicy = R"(
service loan
  forbid when "blacklist" in flags reason "listed"
  forbid when coalesce(contributions.late, 0) <= -100 reason "late too often"
  allow when score >= 650 reason "650 or more"
)";

simdjson::dom::parser parser;
ScoreLine line_of(const char* text) {
  ScoreLine line;
  REQUIRE(!read_score_line(parser.parse(std::string(text)).get_object(), text, line));
  return line;
}

}  // namespace

TEST_CASE("policy: outcome, conditions, thresholds and the deciding clauses", "[gate]") {
  TempFile file("gate_policy_test.policy", kPolicy);
  Policy policy(file.path, "");
  REQUIRE(policy.services().size() == 1);
  REQUIRE(policy.clauses().size() == 3);
  CHECK(policy.clauses()[1].text == "coalesce(contributions.late, 0) <= -100");
  CHECK(policy.clauses()[1].where == file.path + ":4:3");

  auto line =
      line_of(R"({"person":"p","score":612,"flags":["blacklist"],"contributions":{"late":-45}})");
  REQUIRE(policy.bind(line, {0}));
  Trace trace;
  CHECK(policy.explain(0, trace) == Outcome::kForbidden);
  CHECK(trace.conditions ==
        R"(["\"blacklist\" in flags [\"blacklist\"]","coalesce(contributions.late, 0) -45 > -100",)"
        R"("score 612 < 650"])");
  REQUIRE(trace.score_thresholds.size() == 1);
  CHECK(trace.score_thresholds[0] == 650);
  CHECK(trace.matched == std::vector<int>{0});
  REQUIRE(trace.clauses.size() == 3);
  CHECK(trace.clauses[0].held);
  CHECK(trace.clauses[0].flag == "blacklist");
  CHECK(trace.clause_conditions(trace.clauses[0]) ==
        R"(["\"blacklist\" in flags [\"blacklist\"]"])");
  CHECK(trace.clause_conditions(trace.clauses[2]) == R"(["score 612 < 650"])");
  CHECK(!trace.clauses[2].beyond_score);
  CHECK(trace.clauses[1].beyond_score);
  CHECK(policy.clauses()[0].reason == "listed");
}

TEST_CASE("policy: what-ifs change one thing and leave the line as it was", "[gate]") {
  TempFile file("gate_policy_whatif.policy", kPolicy);
  Policy policy(file.path, "");
  auto line = line_of(
      R"({"person":"p","score":612,"flags":["blacklist","x"],"contributions":{"late":-120}})");
  REQUIRE(policy.bind(line, {0}));
  WhatIf nothing;
  CHECK(policy.decide(0, nothing) == Outcome::kForbidden);
  WhatIf unflagged;
  unflagged.drop_flag = "blacklist";
  CHECK(policy.decide(0, unflagged) == Outcome::kForbidden);  // still late too often
  WhatIf all;
  all.drop_flag = "blacklist";
  all.drop_rules.push_back("late");
  CHECK(policy.decide(0, all) == Outcome::kNotPermitted);  // 612 < 650
  all.score = 650;
  CHECK(policy.decide(0, all) == Outcome::kAllow);
  CHECK(policy.decide(0, nothing) == Outcome::kForbidden);  // restored
  CHECK(!policy.allow_held());
  Trace trace;
  policy.explain(0, trace);
  CHECK(trace.conditions.find("score 612 < 650") != std::string::npos);
}

TEST_CASE("decider: a denial gets reasons and would_flip, an allow neither", "[gate]") {
  TempFile file("gate_policy_decider.policy", kPolicy);
  Policy policy(file.path, "");
  Decider decider(policy);
  const std::string text =
      R"({"person":"p","score":612,"base":600,"flags":[],"contributions":{"late":-45,"shop":57}})";
  auto line = line_of(text.c_str());
  REQUIRE(decider.start(line, text, {0}));
  const Decision& d = decider.decide(0);
  CHECK(d.outcome == Outcome::kNotPermitted);
  REQUIRE(d.reasons.size() == 2);
  CHECK(d.reasons[0].kind == ReasonKind::kGap);
  CHECK(*d.reasons[0].points_short == 38);
  CHECK(d.reasons[1].kind == ReasonKind::kPenalty);
  CHECK(d.reasons[1].rule == "late");
  CHECK(*d.without_cited == Outcome::kAllow);
  REQUIRE(d.would_flip);
  CHECK(*d.would_flip->points_short == 38);
  CHECK(d.would_flip->remove_rule == "late");  // 657 without it
  CHECK(d.would_flip->clear_flag.empty());

  const std::string good = R"({"person":"q","score":700,"flags":[]})";
  auto allowed = line_of(good.c_str());
  REQUIRE(decider.start(allowed, good, {0}));
  const Decision& a = decider.decide(0);
  CHECK(a.outcome == Outcome::kAllow);
  CHECK(a.reasons.empty());
  CHECK(!a.would_flip);
  CHECK(!a.without_cited);
}

TEST_CASE("policy: --strict makes an unknown condition a bad line", "[gate]") {
  TempFile file("gate_policy_strict.policy", kPolicy);
  Policy policy(file.path, "");
  policy.set_strict(true);
  auto line = line_of(R"({"person":"p","flags":[]})");
  CHECK(!policy.bind(line, {0}));
  CHECK(policy.problem().find("\"score\" is missing") != std::string::npos);
}
