#include "catch.hpp"
#include "io/error.hpp"
#include "io/json_path.hpp"

using namespace socred::io;

TEST_CASE("paths: dotted, bracketed, mixed", "[io]") {
  CHECK(parse_path("person") == Path{"person"});
  CHECK(parse_path("who.city") == Path{"who", "city"});
  CHECK(parse_path(R"(["id.orig_h"])") == Path{"id.orig_h"});
  CHECK(parse_path(R"(conn["id.orig_h"].x)") == Path{"conn", "id.orig_h", "x"});
  CHECK(path_text(Path{"conn", "id.orig_h", "x"}) == R"(conn["id.orig_h"].x)");
}

TEST_CASE("bad paths are usage errors naming the column", "[io]") {
  CHECK_THROWS_WITH(parse_path("a..b"), "invalid field path 'a..b' at column 3: empty field name");
  CHECK_THROWS_WITH(parse_path("a."), "invalid field path 'a.' at column 3: path ends with '.'");
  CHECK_THROWS_WITH(parse_path(R"(["x)"),
                    R"(invalid field path '["x' at column 1: unterminated ["..."])");
}

TEST_CASE("lookup follows objects and stops at anything else", "[io]") {
  simdjson::dom::parser parser;
  simdjson::dom::object root =
      parser.parse(std::string_view(R"({"a":{"b":1},"c":2})")).get_object();
  CHECK(lookup(root, Path{"a", "b"}).has_value());
  CHECK_FALSE(lookup(root, Path{"c", "b"}).has_value());
  CHECK_FALSE(lookup(root, Path{"x"}).has_value());
}
