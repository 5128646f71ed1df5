#include "catch.hpp"
#include "io/error.hpp"
#include "io/json_path.hpp"
#include "io/record_reader.hpp"

using namespace socred::io;

namespace {
struct Run {
  LineStats stats;
  std::vector<std::string> texts;
};

Run read_all(std::string_view input, Rejects& rejects) {
  Run run;
  RecordReader reader(LineReader::from_string("in.jsonl", input), rejects, run.stats);
  Record record;
  while (reader.next(record)) run.texts.emplace_back(record.text);
  return run;
}
}  // namespace

TEST_CASE("blank lines are skipped and counted", "[io]") {
  Rejects rejects("stop");
  auto run = read_all("{\"a\":1}\n\n  \n{\"b\":2}\r\n", rejects);
  CHECK(run.texts == std::vector<std::string>{"{\"a\":1}", "{\"b\":2}"});
  CHECK(run.stats.read == 4);
  CHECK(run.stats.blank == 2);
  CHECK(run.stats.used() == 2);
}

TEST_CASE("the first bad line stops the run with file, line and column", "[io]") {
  Rejects rejects("stop");
  try {
    read_all("{\"a\":1}\n{\"person\":\"s\",\"points\":1,\"x\":tru}\n", rejects);
    FAIL("no error");
  } catch (const socred::Error& e) {
    CHECK(e.status() == socred::kExitData);
    CHECK(e.located() == "in.jsonl:2:30: expected a value, found 'tru'");
  }
}

TEST_CASE("skip counts bad lines and keeps going", "[io]") {
  Rejects rejects("skip");
  auto run = read_all("[1]\n{\"a\":1}\n{\"a\":\n", rejects);
  CHECK(run.texts == std::vector<std::string>{"{\"a\":1}"});
  CHECK(run.stats.read == 3);
  CHECK(run.stats.rejected == 2);
  CHECK(run.stats.used() == 1);
}

TEST_CASE("a file of rejects gets each bad line verbatim", "[io]") {
  std::string path = "/tmp/socred-rejects-test.jsonl";
  {
    Rejects rejects(path);
    auto run = read_all("{\"a\":1}\n{\"x\":tru}\r\n{\"a\":2}\n", rejects);
    rejects.close();
    CHECK(run.stats.rejected == 1);
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  REQUIRE(f);
  char buf[64] = {};
  std::size_t n = std::fread(buf, 1, sizeof buf, f);
  std::fclose(f);
  CHECK(std::string(buf, n) == "{\"x\":tru}\n");
  std::remove(path.c_str());
}

TEST_CASE("duplicate keys are valid and the last one wins", "[io]") {
  Rejects rejects("stop");
  LineStats stats;
  RecordReader reader(LineReader::from_string("d", R"({"p":"a","n":{"c":1,"c":2},"p":"b"})"),
                      rejects, stats);
  Record record;
  REQUIRE(reader.next(record));
  CHECK(std::string_view(*last_field(record.root, "p")) == "b");
  CHECK(std::int64_t(*lookup(record.root, parse_path("n.c"))) == 2);
}

TEST_CASE("the reconciliation line adds up", "[io]") {
  LineStats s;
  s.read = 10;
  s.rejected = 3;
  s.blank = 2;
  CHECK(reconciliation("score", s) == "score: read 10 lines: 5 used, 3 rejected, 2 blank");
}
