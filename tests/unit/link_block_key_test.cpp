#include "catch.hpp"
#include "io/error.hpp"
#include "link/block_key.hpp"

using namespace socred::link;

namespace {

std::optional<std::string> key(const std::string& rule, const std::string& json,
                               bool right = false) {
  simdjson::dom::parser p;
  simdjson::dom::object o = p.parse(json).get_object();
  return block_key(parse_blocking_rule(rule), o, right);
}

}  // namespace

TEST_CASE("blocking keys", "[link]") {
  CHECK(key("name", R"({"name":"Wang  Fang"})") == "wangfang");
  CHECK(key("name:first3", R"({"name":"Wáng Fang"})") == "wan");
  CHECK(key("name:first2", R"({"name":"王芳华"})") == "王芳");
  CHECK(key("name:words", R"({"name":"Fang Wang"})") ==
        key("name:words", R"({"name":"wang fang"})"));
  CHECK(key("dob:year", R"({"dob":"1985-03-07"})") == "1985");
  CHECK(key("dob:year", R"({"dob":"19850307"})") == "1985");
  CHECK(key("dob:year", R"({"dob":1985})") == "1985");
  CHECK(key("surname:soundex", R"({"surname":"Robert"})") == "R163");
  CHECK(key("a,b", R"({"a":"x","b":2})") == std::string("x\x1f") + "2");
}

TEST_CASE("missing, null, empty or compound values give no key", "[link]") {
  CHECK_FALSE(key("name", R"({})"));
  CHECK_FALSE(key("name", R"({"name":null})"));
  CHECK_FALSE(key("name", R"({"name":"  "})"));
  CHECK_FALSE(key("name", R"({"name":{"first":"a"}})"));
  CHECK_FALSE(key("a,b", R"({"a":"x"})"));
  CHECK_FALSE(key("dob:year", R"({"dob":"soon"})"));
}

TEST_CASE("blocking rules name fields per side", "[link]") {
  CHECK(key("birth_year=birthdate:year", R"({"birthdate":"1985-03-07"})", true) == "1985");
  CHECK(key("birth_year=birthdate:year", R"({"birth_year":1985})", false) == "1985");
}

TEST_CASE("Soundex", "[link]") {
  CHECK(soundex("robert") == "R163");
  CHECK(soundex("rupert") == "R163");
  CHECK(soundex("ashcraft") == "A261");
  CHECK(soundex("tymczak") == "T522");
  CHECK(soundex("pfister") == "P236");
  CHECK(soundex("lee") == "L000");
  CHECK(soundex("") == "");
}

TEST_CASE("bad blocking rules are usage errors", "[link]") {
  CHECK_THROWS_WITH(parse_blocking_rule("name:first"),
                    "invalid blocking rule 'name:first': unknown key 'first' (exact, firstN, year, "
                    "soundex, words)");
  CHECK_THROWS_AS(parse_blocking_rule("a,,b"), socred::Error);
}
