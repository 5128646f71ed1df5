#include "catch.hpp"
#include "gate/score_line.hpp"

using namespace socred::gate;

namespace {
simdjson::dom::parser parser;
simdjson::dom::object parse(const char* text) {
  return parser.parse(std::string(text)).get_object();
}
}  // namespace

TEST_CASE("a score line's fields are read with their types", "[gate]") {
  ScoreLine line;
  auto err = read_score_line(parse(R"({"person":"p1","score":612,"base":600,"flags":["blacklist"],)"
                                   R"("contributions":{"late":-45.5,"shop":57.5,"late":-40}})"),
                             line);
  REQUIRE(!err);
  CHECK(line.person == "p1");
  CHECK(*line.score == 612);
  CHECK(*line.base == 600000);
  REQUIRE(line.flags.size() == 1);
  CHECK(line.flags[0] == "blacklist");
  REQUIRE(line.contributions.size() == 2);
  CHECK(line.contributions[0].rule == "late");
  CHECK(line.contributions[0].points == -40000);  // the last value wins
  CHECK(line.contributions[1].points == 57500);
}

TEST_CASE("a score line without a person or with mistyped fields is refused", "[gate]") {
  ScoreLine line;
  CHECK(read_score_line(parse(R"({"score":1})"), line)->message == "missing field \"person\"");
  CHECK(read_score_line(parse(R"({"person":7})"), line)->field == "person");
  CHECK(read_score_line(parse(R"({"person":"p","score":"x"})"), line)->message ==
        "field \"score\": expected an integer");
  CHECK(read_score_line(parse(R"({"person":"p","score":1.5})"), line)->field == "score");
  CHECK(read_score_line(parse(R"({"person":"p","flags":[1]})"), line)->field == "flags");
  CHECK(read_score_line(parse(R"({"person":"p","contributions":{"a":"b"}})"), line)->message ==
        "field \"contributions.a\": expected a number");
  auto ok = read_score_line(parse(R"({"person":"p","score":null})"), line);
  CHECK(!ok);
  CHECK(!line.score);
}
