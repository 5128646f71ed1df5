#include <cstdio>
#include <fstream>

#include "catch.hpp"
#include "io/context.hpp"
#include "io/error.hpp"
#include "link/run.hpp"

using namespace socred;

// Test data as adjacent literals, one JSON line each: kept as written.
// clang-format off
namespace {

std::string write_temp(const char* name, const std::string& text) {
  std::string path = std::string("/tmp/socred-link-run-") + name;
  std::ofstream(path) << text;
  return path;
}

std::string run_link(link::Options options, const std::vector<std::string>& inputs) {
  std::string captured;
  io::JsonlWriter out(&captured);
  io::Rejects rejects("stop");
  io::LineStats stats;
  io::InputOptions io;
  io.inputs = inputs;
  io::Diagnostics diag;
  io::Context ctx{io, out, rejects, stats, diag};
  link::run(options, ctx);
  out.flush();
  return captured;
}

// A small register and accounts with typical noise; one account has no
// person in the register.
const char* kPeople =
    R"({"person":"p1","name":"Wang Fang","birthdate":"1985-03-07","city":"Hangzhou"})" "\n"
    R"({"person":"p2","name":"Li Na","birthdate":"1990-11-21","city":"Beijing"})" "\n"
    R"({"person":"p3","name":"Zhang Wei","birthdate":"1978-01-30","city":"Shanghai"})" "\n"
    R"({"person":"p4","name":"Wang Fang","birthdate":"1962-07-15","city":"Chengdu"})" "\n"
    R"({"person":"p5","name":"Chen Jing","birthdate":"2001-05-02","city":"Wuhan"})" "\n"
    R"({"person":"p6","name":"Liu Yang","birthdate":"1995-09-09","city":"Xi'an"})" "\n";
const char* kAccounts =
    R"({"account":"shop:a1","name":"wang fagn","birth_year":1985,"city":"Hangzhou"})" "\n"
    R"({"account":"shop:a2","name":"Na Li","birth_year":1990,"city":"Beijing"})" "\n"
    R"({"account":"shop:a3","name":"zhang wei","birth_year":1978})" "\n"
    R"({"account":"shop:a4","name":"Wang Fang","birth_year":1962,"city":"Chengdu"})" "\n"
    R"({"account":"shop:a5","name":"Zhou Min","birth_year":1999,"city":"Wuhan"})" "\n"
    R"({"account":"shop:a6","name":"Liu Yang","birth_year":1995,"city":"Xian"})" "\n";

link::Options accounts_to_people(const std::string& people) {
  link::Options o;
  o.fuzzy = true;
  o.right = people;
  o.compare = {"name:name", "birth_year=birthdate:year", "city:exact"};
  o.block = {"name:first1", "birth_year=birthdate:year"};
  o.id = "account=person";
  o.threshold = 0.5;
  return o;
}

}  // namespace

TEST_CASE("linking accounts to people finds each person once", "[link]") {
  std::string people = write_temp("people.jsonl", kPeople);
  std::string accounts = write_temp("accounts.jsonl", kAccounts);
  link::Options o = accounts_to_people(people);
  o.one_to_one = true;
  std::string out = run_link(o, {accounts});
  CHECK(out.find(R"({"left":"shop:a1","right":"p1",)") != std::string::npos);
  CHECK(out.find(R"({"left":"shop:a2","right":"p2",)") != std::string::npos);
  CHECK(out.find(R"({"left":"shop:a4","right":"p4",)") != std::string::npos);
  CHECK(out.find(R"({"left":"shop:a6","right":"p6",)") != std::string::npos);
  CHECK(out.find(R"("left":"shop:a5")") == std::string::npos);
  CHECK(out.find(R"("name":{"level":"reordered",)") != std::string::npos);
  std::remove(people.c_str());
  std::remove(accounts.c_str());
}

TEST_CASE("output does not depend on the thread count", "[link]") {
  std::string people = write_temp("people2.jsonl", kPeople);
  std::string accounts = write_temp("accounts2.jsonl", kAccounts);
  link::Options o = accounts_to_people(people);
  o.threshold = 0;
  o.threads = 1;
  std::string one = run_link(o, {accounts});
  o.threads = 2;
  std::string two = run_link(o, {accounts});
  o.threads = 7;
  std::string seven = run_link(o, {accounts});
  CHECK_FALSE(one.empty());
  CHECK(one == two);
  CHECK(one == seven);
  std::remove(people.c_str());
  std::remove(accounts.c_str());
}

TEST_CASE("options that exclude each other are usage errors", "[link]") {
  link::Options o;
  o.fuzzy = true;
  o.compare = {"name"};
  try {
    run_link(o, {});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.status() == 2);
    CHECK(std::string(e.what()) == "--fuzzy links the input to --right FILE (or use --dedupe)");
  }
  o.dedupe = true;
  o.one_to_one = true;
  CHECK_THROWS_WITH(run_link(o, {}), "--one-to-one and --best are for linking two sources");
}

TEST_CASE("blocking beyond --max-pairs stops with the rule and its largest block", "[link]") {
  std::string lines;
  for (int i = 0; i < 100; ++i) lines += R"({"id":)" + std::to_string(i) + R"(,"city":"same","name":"x"})" "\n";
  std::string path = write_temp("huge.jsonl", lines);
  link::Options o;
  o.dedupe = true;
  o.compare = {"name"};
  o.block = {"city"};
  o.max_pairs = 1000;
  try {
    run_link(o, {path});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.status() == 65);
    CHECK(std::string(e.what()) ==
          "blocking rule 1 (city) would compare 4950 pairs, more than --max-pairs 1000; its largest "
          "block is \"same\" with 4950 pairs: add a key to the rule, or see --preview");
  }
  std::remove(path.c_str());
}
// clang-format on

TEST_CASE("notes reach the diagnostics sink, not stderr", "[link]") {
  std::string path = write_temp("notes.jsonl", "{\"name\":\"Wang Fang\"}\n{\"name\":\"Li Na\"}\n");
  link::Options o;
  o.dedupe = true;
  o.compare = {"name"};
  std::string captured;
  io::JsonlWriter out(&captured);
  io::Rejects rejects("stop");
  io::LineStats stats;
  io::InputOptions in;
  in.inputs = {path};
  io::Diagnostics diag;
  io::Context ctx{in, out, rejects, stats, diag};
  link::run(o, ctx);
  REQUIRE(diag.kept().size() == 1);
  CHECK(diag.kept()[0].severity == io::Severity::kNote);
  CHECK(diag.kept()[0].text ==
        "note: every blocking rule uses \"name\", so its m could not be estimated (add a rule "
        "without it)");
  CHECK(diag.warnings() == 0);
  std::remove(path.c_str());
}
