#include "catch.hpp"
#include "io/error.hpp"
#include "join/key.hpp"

using namespace socred::join;

namespace {

simdjson::dom::parser parser;

Key key_of(const std::string& json, const std::vector<std::string>& on, bool string_keys = false) {
  std::vector<socred::io::Path> paths;
  for (const auto& f : parse_on(on)) paths.push_back(f.left);
  KeyReader reader(paths, string_keys, true);
  simdjson::dom::object root = parser.parse(json).get_object();
  Key key;
  reader.read(root, key);
  return key;
}

}  // namespace

TEST_CASE("keys: --on takes names, pairs and nested paths", "[join]") {
  auto f = parse_on({"a,b=c", R"(who.id=["x.y"])"});
  REQUIRE(f.size() == 3);
  CHECK(f[0].left == socred::io::Path{"a"});
  CHECK(f[0].right == socred::io::Path{"a"});
  CHECK(f[1].left == socred::io::Path{"b"});
  CHECK(f[1].right == socred::io::Path{"c"});
  CHECK(f[2].left == socred::io::Path{"who", "id"});
  CHECK(f[2].right == socred::io::Path{"x.y"});
  CHECK(parse_on({R"(["a,b"])"}).size() == 1);
  CHECK_THROWS_AS(parse_on({"a=b=c"}), socred::Error);
  CHECK_THROWS_AS(parse_on({"a,,b"}), socred::Error);
}

TEST_CASE("keys are canonical JSON text", "[join]") {
  CHECK(key_of(R"({"k":"p1"})", {"k"}).text == R"("p1")");
  CHECK(key_of(R"({"k":"\u0041\t"})", {"k"}).text == R"("A\t")");
  CHECK(key_of(R"({"k":1.0})", {"k"}).text == "1");
  CHECK(key_of(R"({"k":1e2})", {"k"}).text == "100");
  CHECK(key_of(R"({"k":-0.0})", {"k"}).text == "0");
  CHECK(key_of(R"({"k":1.5})", {"k"}).text == "1.5");
  CHECK(key_of(R"({"k":18446744073709551615})", {"k"}).text == "18446744073709551615");
  CHECK(key_of(R"({"k":9223372036854775807})", {"k"}).text == "9223372036854775807");
  CHECK(key_of(R"({"k":[1.0,{"a" : true}]})", {"k"}).text == R"([1,{"a":true}])");
  CHECK(key_of(R"({"a":"x","b":2})", {"a,b"}).text == R"(["x",2])");
  CHECK(key_of(R"({"who":{"id":7}})", {"who.id"}).text == "7");
}

TEST_CASE("the string \"1\" and the number 1 differ unless --string-keys", "[join]") {
  CHECK(key_of(R"({"k":"1"})", {"k"}).text != key_of(R"({"k":1})", {"k"}).text);
  CHECK(key_of(R"({"k":"1"})", {"k"}, true).text == key_of(R"({"k":1.0})", {"k"}, true).text);
}

TEST_CASE("missing and null keys are told apart and never found", "[join]") {
  CHECK(key_of(R"({"a":1})", {"k"}).state == KeyState::kMissing);
  CHECK(key_of(R"({"k":null})", {"k"}).state == KeyState::kNull);
  Key k = key_of(R"({"a":1,"b":null})", {"a,b"});
  CHECK(k.state == KeyState::kNull);
  CHECK(k.bad_part == 1);
  CHECK(key_of(R"({"who":3})", {"who.id"}).state == KeyState::kMissing);
}

TEST_CASE("a repeated key field: the last one wins", "[join]") {
  CHECK(key_of(R"({"k":1,"k":2})", {"k"}).text == "2");
}

TEST_CASE("key order under --sorted: jq's order of types, numbers by value, strings by bytes",
          "[join]") {
  auto lt = [](const std::string& a, const std::string& b) {
    return compare(key_of(a, {"k"}), key_of(b, {"k"})) < 0;
  };
  CHECK(lt(R"({"k":false})", R"({"k":true})"));
  CHECK(lt(R"({"k":true})", R"({"k":-5})"));
  CHECK(lt(R"({"k":9})", R"({"k":10})"));
  CHECK(lt(R"({"k":-1})", R"({"k":0.5})"));
  CHECK(lt(R"({"k":9223372036854775807})", R"({"k":9223372036854775808})"));
  CHECK(lt(R"({"k":9007199254740992})", R"({"k":9007199254740993})"));
  CHECK(lt(R"({"k":1e300})", R"({"k":"0"})"));
  CHECK(lt(R"({"k":"10"})", R"({"k":"9"})"));
  CHECK(lt(R"({"k":"a"})", R"({"k":"a!"})"));
  CHECK(lt(R"({"k":"z"})", R"({"k":"\u00e9"})"));
  CHECK(lt(R"({"k":"z"})", R"({"k":[1]})"));
  CHECK(compare(key_of(R"({"k":1})", {"k"}), key_of(R"({"k":1.0})", {"k"})) == 0);
  CHECK(compare(key_of(R"({"a":1,"b":"y"})", {"a,b"}), key_of(R"({"a":1,"b":"x"})", {"a,b"})) > 0);
}
