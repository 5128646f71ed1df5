#include <algorithm>

#include "catch.hpp"
#include "gate/would_flip.hpp"

using namespace socred::gate;

namespace {
simdjson::dom::parser parser;
ScoreLine line_of(const char* text) {
  ScoreLine line;
  REQUIRE(!read_score_line(parser.parse(std::string(text)).get_object(), text, line));
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
  auto flip = find_would_flip(line, search, {}, std::ref(policy));
  CHECK(*flip.points_short == 38);
  CHECK(flip.remove_rule == "c");  // -40 is the smallest that lifts 612 to 650+
  CHECK(flip.clear_flag.empty());
}

TEST_CASE("would_flip: the flag that blocks", "[gate]") {
  auto line = line_of(R"({"person":"p","score":700,"flags":["blacklist","late"]})");
  Policy policy{line};
  FlipSearch search;
  search.score_thresholds = {650};
  auto flip = find_would_flip(line, search, {}, std::ref(policy));
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
  auto flip = find_would_flip(line, search, {}, std::ref(policy));
  CHECK(flip.remove_rule == "unpaid");
}

TEST_CASE("would_flip: no single change flips", "[gate]") {
  auto line = line_of(R"({"person":"p","score":500,"base":600,"flags":["blacklist"],)"
                      R"("contributions":{"a":-100}})");
  Policy policy{line};
  FlipSearch search;
  search.score_thresholds = {650};
  auto flip = find_would_flip(line, search, {}, std::ref(policy));
  CHECK(flip.none());
}

TEST_CASE("would_flip: thresholds past the range are not offered", "[gate]") {
  auto line = line_of(R"({"person":"p","score":900})");
  struct {
    bool operator()(const WhatIf& w) const { return *w.score >= 960; }
  } policy;
  FlipSearch search;
  search.score_thresholds = {960};
  search.range = Range{350000, 950000};
  CHECK(find_would_flip(line, search, {}, std::ref(policy)).none());
  search.range.reset();
  CHECK(*find_would_flip(line, search, {}, std::ref(policy)).points_short == 60);
}

TEST_CASE("would_flip: a cited penalty that flips is preferred to a smaller one", "[gate]") {
  auto line = line_of(R"({"person":"p","score":600,"base":600,)"
                      R"("contributions":{"a":-50,"b":-60,"c":110}})");
  Policy policy{line};
  FlipSearch search;
  search.score_thresholds = {650};
  CHECK(find_would_flip(line, search, {}, std::ref(policy)).remove_rule == "a");
  CHECK(find_would_flip(line, search, {"b"}, std::ref(policy)).remove_rule == "b");
}

TEST_CASE("score_after takes the points out and rounds once", "[gate]") {
  auto exact =
      line_of(R"({"person":"p","score":599,"base":600,"contributions":{"a":-0.4,"b":-0.4}})");
  CHECK(score_after(exact, -400, std::nullopt) == 600);
  // Clamped at the bottom (350): without a penalty the score can rise.
  auto low =
      line_of(R"({"person":"p","score":350,"base":600,"contributions":{"a":-300,"b":-100}})");
  CHECK(score_after(low, -100000, std::nullopt) == 350);  // 300, clamped
  CHECK(score_after(low, -300000, std::nullopt) == 500);
  // Clamped at the top (950): removing a penalty cannot pass the bound.
  auto high = line_of(R"({"person":"p","score":950,"base":600,"contributions":{"a":500,"b":-20}})");
  CHECK(score_after(high, -20000, std::nullopt) == 950);
  CHECK(score_after(high, -20000, Range{350000, 950000}) == 950);
  // Friends' points count as the person's own do.
  auto spilled = line_of(R"({"person":"p","score":580,"base":600,"contributions":{"a":-10},)"
                         R"("spilled":{"a":-10}})");
  CHECK(score_after(spilled, -10000, std::nullopt) == 590);
  CHECK(score_after(spilled, -20000, Range{350000, 950000}) == 600);
  CHECK(exact_after(spilled, -2500, std::nullopt) == 582500);
  // With the range known, it is the rule set's clamp, as score applies it.
  CHECK(score_after(low, -100000, Range{350000, 950000}) == 350);
  CHECK(score_after(low, -300000, Range{350000, 950000}) == 500);
}
