#include "catch.hpp"
#include "gate/score_line.hpp"

using namespace socred::gate;

namespace {
simdjson::dom::parser parser;
// Reads `text` (a literal: the line keeps views into it).
std::optional<ShapeError> read(const char* text, ScoreLine& line) {
  return read_score_line(parser.parse(std::string(text)).get_object(), text, line);
}
}  // namespace

TEST_CASE("a score line's fields are read with their types", "[gate]") {
  ScoreLine line;
  auto err = read(R"({"person":"p1","score":612,"base":600,"flags":["blacklist"],)"
                  R"("contributions":{"late":-45.5,"shop":57.5,"late":-40}})",
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
  CHECK(read(R"({"score":1})", line)->message == "missing field \"person\"");
  CHECK(read(R"({"person":7})", line)->field == "person");
  CHECK(read(R"({"person":"p","score":"x"})", line)->message ==
        "field \"score\": expected an integer");
  CHECK(read(R"({"person":"p","score":1.5})", line)->field == "score");
  CHECK(read(R"({"person":"p","flags":[1]})", line)->field == "flags");
  CHECK(read(R"({"person":"p","contributions":{"a":"b"}})", line)->message ==
        "field \"contributions.a\": expected a number");
  auto ok = read(R"({"person":"p","score":null})", line);
  CHECK(!ok);
  CHECK(!line.score);
}

TEST_CASE("issue 16: every value score writes reads back exactly, past 2^53", "[gate]") {
  ScoreLine line;
  REQUIRE(!read(R"({"person":"p","score":9223372036854776,"base":-9223372036854775.808,)"
                R"("contributions":{"a":9223372036854775.807,"b":9007199254740.993,"c":2.5E+1,)"
                R"("d":-0.0005,"e":9007199254740993}})",
                line));
  CHECK(*line.score == 9223372036854776);
  CHECK(*line.base == INT64_MIN);
  REQUIRE(line.contributions.size() == 5);
  CHECK(line.contributions[0].points == INT64_MAX);
  CHECK(line.contributions[1].points == 9007199254740993);  // a double would give ...992
  CHECK(line.contributions[2].points == 25000);
  CHECK(line.contributions[3].points == -1);  // half away from zero, once
  CHECK(line.contributions[4].points == 9007199254740993000);
  CHECK(!read(R"({"person":"p","score":9.007199254740993e15})", line));
  CHECK(*line.score == 9007199254740993);
  CHECK(!read(R"({"person":"p","score":600.0})", line));
  CHECK(*line.score == 600);
  // What no tool writes and 64 bits cannot hold is a bad line, not a wrap.
  CHECK(read(R"({"person":"p","score":9223372036854775808})", line)->field == "score");
  CHECK(read(R"({"person":"p","score":1e300})", line)->field == "score");
  CHECK(read(R"({"person":"p","base":9223372036854775.808})", line)->field == "base");
  CHECK(read(R"({"person":"p","contributions":{"a":9223372036854776}})", line)->field ==
        "contributions");
  CHECK(read(R"({"person":"p","contributions":{"a":-1e300}})", line)->field == "contributions");
}
