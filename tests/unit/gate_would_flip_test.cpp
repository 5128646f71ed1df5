#include <algorithm>

#include "catch.hpp"
#include "gate/would_flip.hpp"

using namespace socred::gate;

namespace {
simdjson::dom::parser parser;
ScoreLine line_of(const char* text) {
  ScoreLine line;
  REQUIRE(!read_score_line(parser.parse(std::string(text)).get_object(), line));
  return line;
}

// A stand-in policy: forbid when flagged `blacklist`, allow when score >= 650.
struct Policy {
  const ScoreLine& line;
  int asked = 0;
  bool operator()(const WhatIf& w) {
    ++asked;
    bool flagged =
        std::find(line.flags.begin(), line.flags.end(), "blacklist") != line.flags.end() &&
        w.drop_flag != "blacklist";
    std::int64_t score = w.score ? *w.score : *line.score;
    return !flagged && score >= 650;
  }
};
}  // namespace

TEST_CASE("would_flip: points short, and the smallest rule whose removal flips", "[gate]") {
  auto line = line_of(R"({"person":"p","score":612,"base":640,)"
                      R"("contributions":{"a":-10,"b":-50,"c":-40,"d":72}})");
  Policy policy{line};
  FlipSearch search;
  search.score_thresholds = {650};
  auto flip = find_would_flip(line, search, std::ref(policy));
  CHECK(*flip.points_short == 38);
  CHECK(flip.remove_rule == "c");  // -40 is the smallest that lifts 612 to 650+
  CHECK(flip.clear_flag.empty());
}

TEST_CASE("would_flip: the flag that blocks", "[gate]") {
  auto line = line_of(R"({"person":"p","score":700,"flags":["blacklist","late"]})");
  Policy policy{line};
  FlipSearch search;
  search.score_thresholds = {650};
  auto flip = find_would_flip(line, search, std::ref(policy));
  CHECK(flip.clear_flag == "blacklist");
  CHECK(!flip.points_short);
  CHECK(flip.remove_rule.empty());
}

TEST_CASE("would_flip: a rule that sets the blocking flag flips when removed", "[gate]") {
  auto line = line_of(R"({"person":"p","score":700,"base":600,"flags":["blacklist"],)"
                      R"("contributions":{"unpaid":-100,"shop":200}})");
  Policy policy{line};
  FlipSearch search;
  search.flag_of = [](std::string_view rule) { return rule == "unpaid" ? "blacklist" : ""; };
  auto flip = find_would_flip(line, search, std::ref(policy));
  CHECK(flip.remove_rule == "unpaid");
}

TEST_CASE("would_flip: no single change flips", "[gate]") {
  auto line = line_of(R"({"person":"p","score":500,"base":600,"flags":["blacklist"],)"
                      R"("contributions":{"a":-100}})");
  Policy policy{line};
  FlipSearch search;
  search.score_thresholds = {650};
  auto flip = find_would_flip(line, search, std::ref(policy));
  CHECK(flip.none());
}

TEST_CASE("would_flip: thresholds past the range are not offered", "[gate]") {
  auto line = line_of(R"({"person":"p","score":900})");
  struct {
    bool operator()(const WhatIf& w) const { return *w.score >= 960; }
  } policy;
  FlipSearch search;
  search.score_thresholds = {960};
  search.range = Range{350, 950};
  CHECK(find_would_flip(line, search, std::ref(policy)).none());
  search.range.reset();
  CHECK(*find_would_flip(line, search, std::ref(policy)).points_short == 60);
}

TEST_CASE("score_without re-adds the points and rounds once", "[gate]") {
  auto exact =
      line_of(R"({"person":"p","score":599,"base":600,"contributions":{"a":-0.4,"b":-0.4}})");
  CHECK(score_without(exact, exact.contributions[0], std::nullopt) == 600);
  // Clamped at the bottom (350): without a penalty the score can rise.
  auto low =
      line_of(R"({"person":"p","score":350,"base":600,"contributions":{"a":-300,"b":-100}})");
  CHECK(score_without(low, low.contributions[1], std::nullopt) == 350);  // 300, clamped
  CHECK(score_without(low, low.contributions[0], std::nullopt) == 500);
  // Clamped at the top (950): removing a penalty cannot pass the bound.
  auto high = line_of(R"({"person":"p","score":950,"base":600,"contributions":{"a":500,"b":-20}})");
  CHECK(score_without(high, high.contributions[1], std::nullopt) == 950);
  CHECK(score_without(high, high.contributions[1], Range{350, 950}) == 950);
}
