#include "catch.hpp"
#include "join_test_util.hpp"

using namespace socred::join;
using join_test::run_join;
using join_test::spec_of;

// Test data as adjacent literals, one JSON line each: kept as written.
// clang-format off
TEST_CASE("merging splices the right fields into the left line as written", "[join]") {
  Options o;
  o.on = {"k"};
  auto r = run_join(spec_of(o), "{ \"k\" : 1 , \"a\": 1.50 }\n", "{\"x\":2,\"k\":1,\"y\":[1, 2]}\n");
  CHECK(r.out == "{ \"k\" : 1 , \"a\": 1.50 ,\"x\":2,\"y\":[1, 2]}\n");
}

TEST_CASE("merging: the left record wins a name clash", "[join]") {
  Options o;
  o.on = {"k"};
  auto r = run_join(spec_of(o), R"({"k":1,"name":"L"})" "\n", R"({"k":1,"name":"R","z":0})" "\n");
  CHECK(r.out == R"({"k":1,"name":"L","z":0})" "\n");
}

TEST_CASE("merging with --prefix renames every right field but the keys", "[join]") {
  Options o;
  o.on = {"k=id"};
  o.prefix = "court_";
  auto r = run_join(spec_of(o), R"({"k":1,"name":"L"})" "\n", R"({"id":1,"name":"R"})" "\n");
  CHECK(r.out == R"({"k":1,"name":"L","court_name":"R"})" "\n");
}

TEST_CASE("a prefix with characters JSON escapes is escaped", "[join]") {
  Options o;
  o.on = {"k"};
  o.prefix = "q\"";
  auto r = run_join(spec_of(o), R"({"k":1})" "\n", R"({"k":1,"v":2})" "\n");
  CHECK(r.out == R"({"k":1,"q\"v":2})" "\n");
}

TEST_CASE("nesting with --as puts the right record, byte for byte", "[join]") {
  Options o;
  o.on = {"person"};
  o.as = "who";
  auto r = run_join(spec_of(o), R"({"id":"e1","person":"p1"})" "\n",
                    R"( {"person":"p1", "city":"Hangzhou"} )" "\n");
  CHECK(r.out == R"({"id":"e1","person":"p1","who":{"person":"p1", "city":"Hangzhou"}})" "\n");
}

TEST_CASE("nesting with --as replaces a field of that name in the left record", "[join]") {
  Options o;
  o.on = {"k"};
  o.as = "who";
  auto r = run_join(spec_of(o), R"({"who":0,"k":1,"who":{"old":1}})" "\n", R"({"k":1})" "\n");
  CHECK(r.out == R"({"k":1,"who":{"k":1}})" "\n");
}

TEST_CASE("a full join: a keyless left record, then the unpaired right one", "[join]") {
  Options o;
  o.on = {"k"};
  o.how = "full";
  auto r = run_join(spec_of(o), "{}\n", R"({"k":1,"v":2})" "\n");
  CHECK(r.out == "{}\n" R"({"k":1,"v":2})" "\n");
}

TEST_CASE("unpaired right records carry the key under the left's name", "[join]") {
  Options o;
  o.on = {"person=pid"};
  o.how = "right";
  o.prefix = "r_";
  auto r = run_join(spec_of(o), "", R"({"v":1,"pid":"p9"})" "\n");
  CHECK(r.out == R"({"person":"p9","r_v":1})" "\n");
  o.prefix.clear();
  o.as = "who";
  r = run_join(spec_of(o), "", R"({"v":1,"pid":"p9"})" "\n");
  CHECK(r.out == R"({"person":"p9","who":{"v":1,"pid":"p9"}})" "\n");
}

TEST_CASE("anti joins pass records through unchanged", "[join]") {
  Options o;
  o.on = {"k"};
  o.how = "unpaired";
  o.as = "who";
  auto r = run_join(spec_of(o), "{\"k\":1,  \"a\":1}\n{\"k\":2}\n", "{\"k\":2}\n{ \"k\":3 }\n");
  CHECK(r.out == "{\"k\":1,  \"a\":1}\n{ \"k\":3 }\n");
}

TEST_CASE("field selection keeps the keys and the fields named", "[join]") {
  Options o;
  o.on = {"k"};
  o.left_fields = {"a"};
  o.right_fields = {"y"};
  auto r = run_join(spec_of(o), R"({"a":1,"b":2,"k":0})" "\n", R"({"x":1,"y":2,"k":0})" "\n");
  CHECK(r.out == R"({"a":1,"k":0,"y":2})" "\n");
  o.as = "r";
  r = run_join(spec_of(o), R"({"a":1,"b":2,"k":0})" "\n", R"({"x":1,"y":2,"k":0})" "\n");
  CHECK(r.out == R"({"a":1,"k":0,"r":{"y":2,"k":0}})" "\n");
}
// clang-format on
