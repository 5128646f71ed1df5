#include <fstream>
#include <set>
#include <sstream>

#include "catch.hpp"
#include "join/partition.hpp"
#include "join_test_util.hpp"

using namespace socred::join;
using join_test::run_join;
using join_test::spec_of;

// Test data as adjacent literals, one JSON line each: kept as written.
// clang-format off
namespace {

const char* kLeft =
    R"({"id":1,"k":"b"})" "\n"
    R"({"id":2,"k":"a"})" "\n"
    R"({"id":3})" "\n"
    R"({"id":4,"k":"c"})" "\n"
    R"({"id":5,"k":"a"})" "\n";
const char* kRight =
    R"({"k":"a","r":1})" "\n"
    R"({"k":"d","r":2})" "\n"
    R"({"k":"a","r":3})" "\n"
    R"({"k":null,"r":4})" "\n"
    R"({"k":"b","r":5})" "\n";

std::string join_how(const std::string& how, bool sorted = false) {
  Options o;
  o.on = {"k"};
  o.how = how;
  o.sorted = sorted;
  return run_join(spec_of(o), kLeft, kRight).out;
}

}  // namespace

TEST_CASE("inner join: left order, one line per pair, right order within a key", "[join]") {
  CHECK(join_how("inner") ==
        R"({"id":1,"k":"b","r":5})" "\n"
        R"({"id":2,"k":"a","r":1})" "\n"
        R"({"id":2,"k":"a","r":3})" "\n"
        R"({"id":5,"k":"a","r":1})" "\n"
        R"({"id":5,"k":"a","r":3})" "\n");
}

TEST_CASE("left join keeps unmatched left rows in place", "[join]") {
  CHECK(join_how("left") ==
        R"({"id":1,"k":"b","r":5})" "\n"
        R"({"id":2,"k":"a","r":1})" "\n"
        R"({"id":2,"k":"a","r":3})" "\n"
        R"({"id":3})" "\n"
        R"({"id":4,"k":"c"})" "\n"
        R"({"id":5,"k":"a","r":1})" "\n"
        R"({"id":5,"k":"a","r":3})" "\n");
}

TEST_CASE("right join puts unpaired right records at the end in right order", "[join]") {
  std::string tail = R"({"k":"d","r":2})" "\n" R"({"k":null,"r":4})" "\n";
  CHECK(join_how("right") == join_how("inner") + tail);
}

TEST_CASE("anti, right-anti and unpaired give the records without partner", "[join]") {
  CHECK(join_how("anti") == R"({"id":3})" "\n" R"({"id":4,"k":"c"})" "\n");
  CHECK(join_how("right-anti") == R"({"k":"d","r":2})" "\n" R"({"k":null,"r":4})" "\n");
  CHECK(join_how("unpaired") == join_how("anti") + join_how("right-anti"));
}

TEST_CASE("a null or missing key never matches, even another null", "[join]") {
  Options o;
  o.on = {"k"};
  auto r = run_join(spec_of(o), R"({"k":null})" "\n" "{}\n", R"({"k":null})" "\n" "{}\n");
  CHECK(r.out.empty());
}

TEST_CASE("several keys and LEFT=RIGHT names", "[join]") {
  Options o;
  o.on = {"a=x,b=y"};
  auto r = run_join(spec_of(o), R"({"a":1,"b":"u"})" "\n" R"({"a":1,"b":"v"})" "\n",
                    R"({"x":1,"y":"v","z":true})" "\n");
  CHECK(r.out == R"({"a":1,"b":"v","z":true})" "\n");
}

TEST_CASE("string keys let 1 match \"1\"", "[join]") {
  Options o;
  o.on = {"k"};
  CHECK(run_join(spec_of(o), R"({"k":1})" "\n", R"({"k":"1","v":0})" "\n").out.empty());
  o.string_keys = true;
  CHECK(run_join(spec_of(o), R"({"k":1})" "\n", R"({"k":"1","v":0})" "\n").out ==
        R"({"k":1,"v":0})" "\n");
}

TEST_CASE("merge join pairs like the hash join on sorted input", "[join]") {
  const char* left = R"({"k":"a","i":1})" "\n" R"({"i":2})" "\n" R"({"k":"a","i":3})" "\n"
                     R"({"k":"c","i":4})" "\n";
  const char* right = R"({"k":"a","r":1})" "\n" R"({"k":"a","r":2})" "\n"
                      R"({"k":"b","r":3})" "\n" R"({"k":"d","r":4})" "\n";
  Options o;
  o.on = {"k"};
  o.how = "full";
  o.sorted = true;
  // Merge order: unpaired right records come among the left ones, by key.
  CHECK(run_join(spec_of(o), left, right).out ==
        R"({"k":"a","i":1,"r":1})" "\n" R"({"k":"a","i":1,"r":2})" "\n" R"({"i":2})" "\n"
        R"({"k":"a","i":3,"r":1})" "\n" R"({"k":"a","i":3,"r":2})" "\n" R"({"k":"b","r":3})" "\n"
        R"({"k":"c","i":4})" "\n" R"({"k":"d","r":4})" "\n");
  o.how = "inner";
  o.sorted = false;
  std::string hashed = run_join(spec_of(o), left, right).out;
  o.sorted = true;
  CHECK(run_join(spec_of(o), left, right).out == hashed);
}

TEST_CASE("merge join stops at the first key out of order, naming file and line", "[join]") {
  Options o;
  o.on = {"k"};
  o.sorted = true;
  try {
    run_join(spec_of(o), R"({"k":1})" "\n" R"({"k":3})" "\n" R"({"k":2})" "\n", R"({"k":1})" "\n");
    FAIL("no error");
  } catch (const socred::Error& e) {
    CHECK(e.status() == socred::kExitData);
    CHECK(e.located() == "left.jsonl:3: not sorted: 2 after 3");
  }
  try {
    run_join(spec_of(o), R"({"k":1})" "\n", R"({"k":"b"})" "\n" "{}\n" R"({"k":"a"})" "\n");
    FAIL("no error");
  } catch (const socred::Error& e) {
    CHECK(e.located() == R"(right.jsonl:3: not sorted: "a" after "b")");
  }
}

TEST_CASE("grace join gives the in-memory join's bytes", "[join]") {
  std::ostringstream left, right;
  for (int i = 0; i < 3000; ++i) {
    left << R"({"i":)" << i << R"(,"k":)" << (i * 7919) % 1000 << "}\n";
    if (i % 5 == 0) left << R"({"i":"nokey"})" "\n";
  }
  for (int i = 0; i < 1200; ++i) right << R"({"k":)" << i % 1100 << R"(,"v":)" << i << "}\n";
  right << R"({"v":"nokey"})" "\n";
  for (const char* how : {"inner", "left", "right", "full", "anti", "right-anti", "unpaired"}) {
    Options o;
    o.on = {"k"};
    o.how = how;
    o.as = "r";
    auto memory = run_join(spec_of(o), left.str(), right.str());
    CHECK_FALSE(memory.stats.grace);
    o.memory = "4K";
    o.tmpdir = "/tmp";
    auto grace = run_join(spec_of(o), left.str(), right.str());
    CHECK(grace.stats.grace);
    CHECK(grace.stats.partitions >= 2);
    CHECK(grace.out == memory.out);
  }
}

TEST_CASE("the partitions of a join add up to the whole", "[join]") {
  std::ostringstream left, right;
  for (int i = 0; i < 500; ++i) left << R"({"i":)" << i << R"(,"k":)" << i % 97 << "}\n";
  left << "{}\n";
  for (int i = 0; i < 90; ++i) right << R"({"k":)" << i << "}\n";
  Options o;
  o.on = {"k"};
  o.how = "full";
  std::string whole = run_join(spec_of(o), left.str(), right.str()).out;
  std::multiset<std::string> all, parts;
  std::istringstream w(whole);
  for (std::string line; std::getline(w, line);) all.insert(line);
  for (int i = 1; i <= 3; ++i) {
    o.partition = std::to_string(i) + "/3";
    std::istringstream p(run_join(spec_of(o), left.str(), right.str()).out);
    for (std::string line; std::getline(p, line);) parts.insert(line);
  }
  CHECK(parts == all);
}

TEST_CASE("bad lines on the right are named by the right file's name and line", "[join]") {
  Options o;
  o.on = {"k"};
  try {
    run_join(spec_of(o), R"({"k":1})" "\n", R"({"k":1})" "\n" R"({"k":tru})" "\n");
    FAIL("no error");
  } catch (const socred::Error& e) {
    CHECK(e.file() == "right.jsonl");
    CHECK(e.line() == 2);
  }
  auto r = run_join(spec_of(o), "{\"k\":1}\n[1]\n", "{\"k\":1}\n{\"k\":tru}\n", "skip");
  CHECK(r.lines.read == 4);
  CHECK(r.lines.rejected == 2);
  CHECK(r.out == "{\"k\":1}\n");
}

TEST_CASE("strict mode rejects a record without its key", "[join]") {
  Options o;
  o.on = {"who.id"};
  socred::join::Spec spec = spec_of(o);
  spec.strict = true;
  try {
    run_join(spec, R"({"who":{}})" "\n", "");
    FAIL("no error");
  } catch (const socred::Error& e) {
    CHECK(e.located() == "left.jsonl:1:8: key field who.id is missing");
  }
}
// clang-format on
