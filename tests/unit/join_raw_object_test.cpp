#include "catch.hpp"
#include "join/raw_object.hpp"

using namespace socred::join;

TEST_CASE("fields are found as written, spaces and nesting included", "[join]") {
  std::vector<RawField> f;
  scan_fields(R"( { "a" : 1 , "b":{"c":[1,"]}"]},"d\"e":"x,y" ,"n":null} )", f);
  REQUIRE(f.size() == 4);
  CHECK(f[0].key == "\"a\"");
  CHECK(f[0].value == "1");
  CHECK(f[0].whole() == "\"a\" : 1");
  CHECK(f[1].value == R"({"c":[1,"]}"]})");
  CHECK(f[2].key == R"("d\"e")");
  CHECK(f[2].value == "\"x,y\"");
  CHECK(f[3].value == "null");
}

TEST_CASE("repeated names are all listed, in order", "[join]") {
  std::vector<RawField> f;
  scan_fields(R"({"a":1,"a":-2.5e3})", f);
  REQUIRE(f.size() == 2);
  CHECK(f[1].value == "-2.5e3");
}

TEST_CASE("the head stops before the closing brace", "[join]") {
  CHECK(object_head(R"({"a":1}  )") == R"({"a":1)");
  CHECK(object_head("{ }") == "{ ");
  CHECK(head_is_empty(object_head("{ }")));
  CHECK(head_is_empty(object_head("{}")));
  CHECK_FALSE(head_is_empty(object_head(R"({"a":{}})")));
}
