#include "catch.hpp"
#include "gate/decision_writer.hpp"

using namespace socred::gate;

TEST_CASE("a decision line has the documented keys in order, then pass-through", "[gate]") {
  const std::string line =
      R"({"person":"p1","score":612,"flags":[],"who":{ "city" : "Rongcheng" },"amount":1.50})";
  std::string out;
  socred::io::JsonlWriter writer(&out);
  DecisionWriter w(writer, "00000000000000ff");
  Decision d;
  d.person = "p1";
  d.service = "loan";
  d.outcome = Outcome::kNotPermitted;
  Reason gap;
  gap.kind = ReasonKind::kGap;
  gap.text = "your score 612 is 38 points below the 650 this service requires";
  gap.observed = 612;
  gap.required = 650;
  gap.points_short = 38;
  d.reasons.push_back(gap);
  Reason penalty;
  penalty.kind = ReasonKind::kPenalty;
  penalty.text = "repaid a loan \"late\"";
  penalty.rule = "late_repayment";
  penalty.points = -45500;
  d.reasons.push_back(penalty);
  Reason friends;
  friends.kind = ReasonKind::kFriends;
  friends.text = "your friends cost you 2 points";
  friends.rule = "critical_post";
  friends.points = -2000;
  friends.friends = 3;
  friends.friend_ = "p9";
  d.reasons.push_back(friends);
  Reason rest;
  rest.kind = ReasonKind::kNotEarned;
  rest.text = "the rest";
  rest.rest = 1500;
  rest.uncited = 0;
  rest.unearned = 1500;
  const std::vector<std::string_view> earning{"shop"};
  rest.earning_rules = &earning;
  d.reasons.push_back(rest);
  Reason flag;
  flag.kind = ReasonKind::kFlag;
  flag.text = "on the list";
  flag.flag = "blacklist";
  flag.rule = "unpaid";
  flag.conditions = R"(["\"blacklist\" in flags [\"blacklist\"]"])";
  d.reasons.push_back(flag);
  d.conditions = R"(["score 612 < 650"])";
  d.would_flip = WouldFlip{38, {}, "late_repayment"};
  d.without_cited = Outcome::kNotPermitted;
  d.score = 612;
  d.decision_id = 0xabc;
  w.start(line);
  w.write(d);
  d.outcome = Outcome::kAllow;
  d.reasons.clear();
  d.conditions.clear();
  d.would_flip.reset();
  d.without_cited.reset();
  d.score.reset();
  w.write(d, R"({"person":"p1","service":"loan","ts":"2024-01-01T00:00:00Z","who":1})");
  d.outcome = Outcome::kForbidden;
  d.would_flip = WouldFlip{};
  w.write(d);
  writer.flush();
  CHECK(
      out ==
      R"({"person":"p1","service":"loan","decision":"not_permitted","reasons":[)"
      R"({"kind":"gap","text":"your score 612 is 38 points below the 650 this service requires",)"
      R"("observed":612,"required":650,"points_short":38},)"
      R"({"kind":"penalty","text":"repaid a loan \"late\"","rule":"late_repayment","points":-45.5},)"
      R"({"kind":"friends","text":"your friends cost you 2 points","rule":"critical_post",)"
      R"("points":-2,"friends":3,"friend":"p9"},)"
      R"({"kind":"not_earned","text":"the rest","rest":1.5,"uncited":0,"unearned":1.5,)"
      R"("rules":["shop"]},)"
      R"({"kind":"flag","text":"on the list","rule":"unpaid","flag":"blacklist",)"
      R"("conditions":["\"blacklist\" in flags [\"blacklist\"]"]}],)"
      R"("conditions":["score 612 < 650"],)"
      R"("would_flip":{"points_short":38,"remove_rule":"late_repayment"},)"
      R"("without_cited":"not_permitted","score":612,)"
      R"("decision_id":"0000000000000abc","policy_hash":"00000000000000ff",)"
      R"("who":{"city":"Rongcheng"},"amount":1.50})"
      "\n"
      R"({"person":"p1","service":"loan","decision":"allow","reasons":[],"conditions":[],)"
      R"("would_flip":null,"score":null,"decision_id":"0000000000000abc","policy_hash":"00000000000000ff",)"
      R"("ts":"2024-01-01T00:00:00Z","who":1,"amount":1.50})"
      "\n"
      R"({"person":"p1","service":"loan","decision":"forbidden","reasons":[],"conditions":[],)"
      R"("would_flip":{"none":true},"score":null,"decision_id":"0000000000000abc","policy_hash":"00000000000000ff",)"
      R"("who":{"city":"Rongcheng"},"amount":1.50})"
      "\n");
}
