#include "catch.hpp"
#include "io/error.hpp"
#include "link/comparators.hpp"

using namespace socred::link;

namespace {

// The label of the level that two JSON values fall into under `spec`.
std::string level(const std::string& spec, const std::string& a, const std::string& b) {
  Comparison c = parse_comparison("f:" + spec);
  simdjson::dom::parser pa, pb;
  simdjson::dom::element ea = pa.parse(a), eb = pb.parse(b);
  Arena arena_a, arena_b;
  Value va, vb;
  prepare(c, ea, arena_a, va);
  prepare(c, eb, arena_b, vb);
  return c.levels[static_cast<std::size_t>(compare(c, va, arena_a, vb, arena_b))];
}

}  // namespace

TEST_CASE("name levels", "[link]") {
  CHECK(level("name", R"("Wang Fang")", R"("wang  fang")") == "exact");
  CHECK(level("name", R"("Wang Xiaoming")", R"("wang xiao-ming")") == "exact");
  CHECK(level("name", R"("Fang Wang")", R"("Wang Fang")") == "reordered");
  CHECK(level("name", R"("MARTHA")", R"("MARHTA")") == "jw>=0.92");
  CHECK(level("name", R"("dwayne")", R"("duane")") == "jw>=0.7");
  CHECK(level("name", R"("wang fang")", R"("li na")") == "different");
  CHECK(level("name", R"("Zoë")", R"("Zoe")") == "exact");
  CHECK(level("name", R"(null)", R"("x")") == "null");
  CHECK(level("name", R"("")", R"("x")") == "null");
  CHECK(level("name", R"("王芳")", R"("王芳")") == "exact");
}

TEST_CASE("text and custom string levels", "[link]") {
  CHECK(level("text", R"("light street")", R"("light setreet")") == "dl<=1");
  CHECK(level("text", R"("light street")", R"("lihgt setreet")") == "dl<=2");
  CHECK(level("text", R"("pinkerton circuit")", R"("pinkertn circt")") == "jw>=0.8");
  CHECK(level("text", R"("abc")", R"("xyz")") == "different");
  CHECK(level("dl(1,3)", R"("5304218")", R"("5304281")") == "dl<=1");
  CHECK(level("dl(1,3)", R"("5304218")", R"("5314281")") == "dl<=3");
  CHECK(level("jw(0.97,0.8)", R"("MARTHA")", R"("MARHTA")") == "jw>=0.8");
  CHECK(level("exact", R"(4223)", R"("4223")") == "exact");
  CHECK(level("exact", R"("NSW")", R"("nsw")") == "exact");
  CHECK(level("exact", R"("nsw")", R"("vic")") == "different");
}

TEST_CASE("date levels", "[link]") {
  CHECK(level("date", R"("1985-03-07")", R"("19850307")") == "exact");
  CHECK(level("date", R"("1985-03-07")", R"("1985-07-03")") == "day-month-swapped");
  CHECK(level("date", R"("1985-03-07")", R"("1985-03-08")") == "one-typo");
  CHECK(level("date", R"("1985-03-07")", R"("1958-03-07")") == "one-typo");  // swapped digits
  CHECK(level("date", R"("1985-03-07")", R"("1985-03-21")") == "year-month");
  CHECK(level("date", R"("1985-03-07")", R"("1985-11-21")") == "year");
  CHECK(level("date", R"("1985-03-07")", R"("1990-11-21")") == "different");
  CHECK(level("date", R"("1985-03-07T10:00:00Z")", R"(19850307)") == "exact");
  CHECK(level("date", R"("")", R"("1985-03-07")") == "null");
}

TEST_CASE("years and numbers", "[link]") {
  CHECK(level("year", R"(1985)", R"("1985-03-07")") == "exact");
  CHECK(level("year", R"(1985)", R"("1986-03-07")") == "within-1");
  CHECK(level("year", R"(1985)", R"(1988)") == "different");
  CHECK(level("year(2,5)", R"(1985)", R"(1988)") == "within-5");
  CHECK(level("number(0.5,2)", R"(10)", R"(10.4)") == "within-0.5");
  CHECK(level("number(0.5,2)", R"(10)", R"("11.5")") == "within-2");
  CHECK(level("number(0.5,2)", R"(10)", R"(13)") == "different");
  CHECK(level("number(5%)", R"(100)", R"(104)") == "within-5%");
  CHECK(level("number(5%)", R"(100)", R"(120)") == "different");
}

TEST_CASE("values of the wrong shape are unusable, not errors", "[link]") {
  Comparison c = parse_comparison("name:name");
  simdjson::dom::parser p;
  Arena arena;
  Value v;
  CHECK(prepare(c, p.parse(std::string_view(R"({"a":1})")), arena, v) == Prepared::kUnusable);
  CHECK_FALSE(v.present);
  CHECK(prepare(c, p.parse(std::string_view("[1]")), arena, v) == Prepared::kUnusable);
  CHECK(prepare(c, p.parse(std::string_view("true")), arena, v) == Prepared::kUnusable);
  CHECK(prepare(c, p.parse(std::string_view("42")), arena, v) == Prepared::kPresent);
  Comparison d = parse_comparison("dob:date");
  CHECK(prepare(d, p.parse(std::string_view(R"("soon")")), arena, v) == Prepared::kUnusable);
  CHECK(prepare(d, p.parse(std::string_view(R"("  ")")), arena, v) == Prepared::kMissing);
}

TEST_CASE("comparison specs", "[link]") {
  Comparison c = parse_comparison("birth_year=birthdate:year");
  CHECK(c.name == "birth_year");
  CHECK(c.left == socred::io::Path{"birth_year"});
  CHECK(c.right == socred::io::Path{"birthdate"});
  CHECK(c.kind == Kind::kYear);
  CHECK(parse_comparison("who.city").kind == Kind::kText);
  CHECK(parse_comparison(R"(["a:b"]:exact)").left == socred::io::Path{"a:b"});
  CHECK_THROWS_WITH(
      parse_comparison("x:soundalike"),
      "invalid comparison 'soundalike': unknown method (name, text, exact, date, year, "
      "number, jw, dl)");
  CHECK_THROWS_WITH(parse_comparison("x:jw(0.8,0.9)"),
                    "invalid comparison 'jw(0.8,0.9)': similarities must decrease");
  CHECK_THROWS_WITH(
      parse_comparison("x:dl(1.5)"),
      "invalid comparison 'dl(1.5)': a Damerau-Levenshtein distance is a whole number");
  CHECK_THROWS_WITH(parse_comparison("x:jw(a)"),
                    "invalid comparison 'jw(a)': 'a' is not a non-negative number");
  CHECK_THROWS_AS(parse_comparison(":name"), socred::Error);
}
