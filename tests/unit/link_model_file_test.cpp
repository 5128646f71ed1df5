#include <cstdio>
#include <fstream>

#include "catch.hpp"
#include "io/error.hpp"
#include "link/model_file.hpp"

using namespace socred::link;

namespace {

std::string temp_path(const char* name) { return std::string("/tmp/socred-link-test-") + name; }

Model small_model() {
  Model m;
  m.comparisons.push_back(parse_comparison("name:name"));
  m.comparisons.push_back(parse_comparison("birth_year=birthdate:year"));
  m.m = {{0, 0.8, 0.05, 0.05, 0.04, 0.03, 0.03}, {0, 0.9, 0.05, 0.05}};
  m.u = {{0, 0.001, 0, 0.002, 0.01, 0.1, 0.887}, {0, 0.02, 0.04, 0.94}};
  m.prior = 0.000123;
  m.left_records = 10;
  m.right_records = 20;
  return m;
}

}  // namespace

TEST_CASE("a model survives writing and reading", "[link]") {
  Model m = small_model();
  std::string path = temp_path("model.json");
  write_model(path, model_json(m, {"name:first3", "birth_year=birthdate:year"}, nullptr));
  std::vector<std::string> blocking;
  Model back = read_model(path, blocking);
  std::remove(path.c_str());
  CHECK(blocking == std::vector<std::string>{"name:first3", "birth_year=birthdate:year"});
  REQUIRE(back.comparisons.size() == 2);
  CHECK(back.comparisons[1].name == "birth_year");
  CHECK(back.comparisons[1].right == socred::io::Path{"birthdate"});
  CHECK(back.comparisons[0].term_frequency);
  CHECK(back.m == m.m);
  CHECK(back.u == m.u);
  CHECK(back.prior == m.prior);
  CHECK(back.right_records == 20);
  CHECK_FALSE(back.dedupe);
}

TEST_CASE("a model file with shifted levels is refused", "[link]") {
  std::string json = model_json(small_model(), {}, nullptr);
  auto at = json.find("\"jw>=0.92\"");
  REQUIRE(at != std::string::npos);
  json.replace(at, 10, "\"jw>=0.90\"");
  std::string path = temp_path("bad-model.json");
  write_model(path, json);
  std::vector<std::string> blocking;
  try {
    read_model(path, blocking);
    FAIL("no error");
  } catch (const socred::Error& e) {
    CHECK(e.status() == 65);
    CHECK(e.file() == path);
    CHECK(std::string(e.what()) ==
          "model file: comparison \"name\": level 3 is \"jw>=0.90\", method name expects "
          "\"jw>=0.92\"");
  }
  std::remove(path.c_str());
}

TEST_CASE("a missing or broken model file", "[link]") {
  std::vector<std::string> blocking;
  try {
    read_model(temp_path("does-not-exist.json"), blocking);
    FAIL("no error");
  } catch (const socred::Error& e) {
    CHECK(e.status() == 66);
  }
  std::string path = temp_path("broken.json");
  write_model(path, "{\"format\": \"something else\"}");
  CHECK_THROWS_WITH(read_model(path, blocking),
                    "model file: \"format\" is not \"socred-link-model 1\"");
  std::remove(path.c_str());
}
