#include <string>
#include <vector>

#include "catch.hpp"
#include "io/raw_json.hpp"

using namespace socred::io;

namespace {
std::vector<std::string> members(std::string_view object) {
  std::vector<std::string> out;
  for_each_member(object, [&](const RawMember& m) {
    out.push_back(std::string(m.key) + "=" + std::string(m.value));
  });
  return out;
}
}  // namespace

TEST_CASE("members are found as written, spaces and nesting included", "[io]") {
  std::vector<RawMember> f;
  scan_members(R"( { "a" : 1 , "b":{"c":[1,"]}"]},"d\"e":"x,y" ,"n":null} )", f);
  REQUIRE(f.size() == 4);
  CHECK(f[0].key == "\"a\"");
  CHECK(f[0].inner_key() == "a");
  CHECK(f[0].value == "1");
  CHECK(f[0].whole() == "\"a\" : 1");
  CHECK(f[1].value == R"({"c":[1,"]}"]})");
  CHECK(f[2].key == R"("d\"e")");
  CHECK(f[2].inner_key() == R"(d\"e)");
  CHECK(f[2].is("d\"e"));
  CHECK(f[2].value == "\"x,y\"");
  CHECK(f[3].value == "null");
}

TEST_CASE("nasty text: escapes, brackets and keys inside strings do not confuse it", "[io]") {
  CHECK(members(R"( { "a" : [1, {"b":"]"}] ,"c\"d":"x\\" , "e":-1.50e3,"f":{}} )") ==
        std::vector<std::string>{R"("a"=[1, {"b":"]"}])", R"("c\"d"="x\\")", R"("e"=-1.50e3)",
                                 R"("f"={})"});
  // A backslash at the end of a string value, then a quote that closes it.
  CHECK(members(R"({"k":"\\","l":"\\\"}","m":2})") ==
        std::vector<std::string>{R"("k"="\\")", R"("l"="\\\"}")", R"("m"=2)"});
  // Whitespace of every kind everywhere.
  CHECK(members("\t{\r\n\"a\"\t:\n[ 1 ,\t2 ]\r,\n\"b\" :true }\n ") ==
        std::vector<std::string>{"\"a\"=[ 1 ,\t2 ]", "\"b\"=true"});
  CHECK(members("{}").empty());
  CHECK(members(" { } ").empty());
  CHECK(members(R"({"a":1,"a":-2.5e3})") == std::vector<std::string>{R"("a"=1)", R"("a"=-2.5e3)"});
}

TEST_CASE("skip_value steps over any value", "[io]") {
  const std::string_view t = R"(["x\"]",{"a":[{}]},-1e5,true,null] )";
  CHECK(skip_value(t, 0) == t.size() - 1);
  CHECK(skip_value(t, 1) == 7);  // the string, escaped quote and bracket inside
  CHECK(t.substr(8, skip_value(t, 8) - 8) == R"({"a":[{}]})");
  CHECK(t.substr(19, skip_value(t, 19) - 19) == "-1e5");
  CHECK(skip_value(t, t.size()) == t.size());
}

TEST_CASE("keys compare with their escapes decoded", "[io]") {
  CHECK(key_equals("score", "score"));
  CHECK_FALSE(key_equals("score", "scor"));
  CHECK_FALSE(key_equals("scor", "score"));
  CHECK(key_equals(R"(sc\u006fre)", "score"));
  CHECK(key_equals(R"(a\"b\\c\/d\n\t)", "a\"b\\c/d\n\t"));
  CHECK(key_equals(R"(\u00e9)", "\xC3\xA9"));
  CHECK(key_equals(R"(\u4E2D)", "\xE4\xB8\xAD"));
  CHECK(key_equals(R"(\ud83d\ude00)", "\xF0\x9F\x98\x80"));  // a surrogate pair
  CHECK_FALSE(key_equals(R"(\u00e9)", "e"));
  CHECK_FALSE(key_equals(R"(a\u00)", "a"));
}

TEST_CASE("a value's column: top level only, the last repeat, never inside a string", "[io]") {
  CHECK(value_column(R"({"person":"p1","score":"x"})", "score") == 24);
  CHECK(value_column(R"({"a":{"score":1},"score" : 2})", "score") == 28);
  CHECK(value_column(R"({"score":1,"score":2})", "score") == 20);  // the last one wins
  // The key's text inside a string value, and nested, is not the member.
  CHECK(value_column(R"({"s":"\"score\":1","t":[{"score":3}]})", "score") == 0);
  CHECK(value_column(R"({"score":5,"s":"\"score\":1"})", "score") == 10);
  CHECK(value_column(R"({"person":"p1"})", "score") == 0);
  CHECK(value_column("{}", "score") == 0);
  CHECK(value_column(R"({"sc\u006fre":7})", "score") == 15);  // an escaped key is the key
  CHECK(value_column(R"( {  "score"  :  7 } )", "score") == 17);
  CHECK(member_value(R"({"a":{"b":1},"b":[2]})", "b") == "[2]");
  CHECK_FALSE(member_value(R"({"a":{"b":1}})", "b").has_value());
}

TEST_CASE("the head stops before the closing brace", "[io]") {
  CHECK(object_head(R"({"a":1}  )") == R"({"a":1)");
  CHECK(object_head("{ }") == "{ ");
  CHECK(object_head("{\"a\":1}\r\n") == "{\"a\":1");
  CHECK(head_is_empty(object_head("{ }")));
  CHECK(head_is_empty(object_head("{}")));
  CHECK(head_is_empty(object_head(" {\t}")));
  CHECK_FALSE(head_is_empty(object_head(R"({"a":{}})")));
  CHECK_FALSE(head_is_empty(object_head(R"({"a":"{"})")));
}
