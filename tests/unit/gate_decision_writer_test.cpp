#include "catch.hpp"
#include "gate/decision_writer.hpp"

using namespace socred::gate;

TEST_CASE("a decision line has the documented keys in order, then pass-through", "[gate]") {
  simdjson::dom::parser parser, request_parser;
  simdjson::dom::object line =
      parser.parse(std::string(R"({"person":"p1","score":612,"flags":[],"who":{"city":"Rongcheng"}})"))
          .get_object();
  std::string out;
  socred::io::JsonlWriter writer(&out);
  DecisionWriter w(writer, "00000000000000ff");
  Decision d;
  d.person = "p1";
  d.service = "loan";
  d.outcome = Outcome::kNotPermitted;
  d.reasons.push_back(Reason{"repaid a loan late", "late_repayment", -45500, {}});
  d.reasons.push_back(Reason{"on the list", {}, {}, "blacklist"});
  d.conditions.push_back("score 612 < 650");
  d.would_flip = WouldFlip{38, {}, "late_repayment"};
  d.score = 612;
  d.decision_id = 0xabc;
  w.write(d, line);
  d.outcome = Outcome::kAllow;
  d.reasons.clear();
  d.would_flip.reset();
  d.score.reset();
  simdjson::dom::object request =
      request_parser.parse(std::string(R"({"person":"p1","service":"loan","ts":"2024-01-01T00:00:00Z","who":1})"))
          .get_object();
  w.write(d, line, &request);
  d.outcome = Outcome::kForbidden;
  d.would_flip = WouldFlip{};
  w.write(d, line);
  writer.flush();
  CHECK(out ==
        R"({"person":"p1","service":"loan","decision":"not_permitted","reasons":[)"
        R"({"text":"repaid a loan late","rule":"late_repayment","points":-45.5},)"
        R"({"text":"on the list","flag":"blacklist"}],"conditions":["score 612 < 650"],)"
        R"("would_flip":{"points_short":38,"remove_rule":"late_repayment"},"score":612,)"
        R"("decision_id":"0000000000000abc","policy_hash":"00000000000000ff","who":{"city":"Rongcheng"}})"
        "\n"
        R"({"person":"p1","service":"loan","decision":"allow","reasons":[],"conditions":["score 612 < 650"],)"
        R"("would_flip":null,"score":null,"decision_id":"0000000000000abc","policy_hash":"00000000000000ff",)"
        R"("ts":"2024-01-01T00:00:00Z","who":1})"
        "\n"
        R"({"person":"p1","service":"loan","decision":"forbidden","reasons":[],"conditions":["score 612 < 650"],)"
        R"("would_flip":{"none":true},"score":null,"decision_id":"0000000000000abc","policy_hash":"00000000000000ff",)"
        R"("who":{"city":"Rongcheng"}})"
        "\n");
}
