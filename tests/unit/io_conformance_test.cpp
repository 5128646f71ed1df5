// JSONTestSuite and the naughty strings, read in place from ../shared/data
// (never copied here). Tagged with what they read: ctest registers them
// disabled where it is absent (tests/CMakeLists.txt); run by hand, they warn.
#include <dirent.h>

#include <fstream>
#include <sstream>

#include "catch.hpp"
#include "io/error.hpp"
#include "io/json_path.hpp"
#include "io/jsonl_writer.hpp"
#include "io/record_reader.hpp"

using namespace socred::io;

namespace {

const std::string kSuite = std::string(SOCRED_SHARED_DATA) + "/json-test-suite/test_parsing";

std::vector<std::string> suite_files(char prefix) {
  std::vector<std::string> names;
  DIR* dir = ::opendir(kSuite.c_str());
  if (dir == nullptr) return names;
  while (dirent* e = ::readdir(dir)) {
    std::string name = e->d_name;
    if (name.size() > 2 && name[0] == prefix && name[1] == '_') names.push_back(name);
  }
  ::closedir(dir);
  std::sort(names.begin(), names.end());
  return names;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Reads `input`; returns the used lines, or throws the stop error.
std::uint64_t used_lines(std::string_view input, const std::string& on_error = "stop") {
  Rejects rejects(on_error);
  LineStats stats;
  RecordReader reader(LineReader::from_string("suite.jsonl", input), rejects, stats);
  Record record;
  while (reader.next(record)) {
  }
  return stats.used();
}

bool suite_present() {
  if (suite_files('y').empty()) {
    WARN("skipped: " << kSuite << " is absent (JSONTestSuite from ../shared/data)");
    return false;
  }
  return true;
}

}  // namespace

TEST_CASE("every y_ document, wrapped in an object, is accepted",
          "[io][conformance][json-test-suite]") {
  if (!suite_present()) return;
  for (const auto& name : suite_files('y')) {
    std::string doc = slurp(kSuite + "/" + name);
    for (char& c : doc)
      if (c == '\n' || c == '\r') c = ' ';
    INFO(name);
    CHECK(used_lines("{\"v\":" + doc + "}\n") == 1);
  }
}

TEST_CASE("every n_ document is rejected at the line where it starts",
          "[io][conformance][json-test-suite]") {
  if (!suite_present()) return;
  for (const auto& name : suite_files('n')) {
    std::string doc = slurp(kSuite + "/" + name);
    INFO(name);
    std::string input = "{\"ok\":1}\n{\"v\":" + doc + "}\n{\"ok\":2}\n";
    try {
      used_lines(input);
      FAIL_CHECK("accepted: " << name);
    } catch (const socred::Error& e) {
      CHECK(e.status() == socred::kExitData);
      CHECK(e.line() == 2);
      CHECK(e.column() >= 1);
    }
  }
}

TEST_CASE("the lazy-parse trap: a bad value after the fields a tool reads",
          "[io][conformance][json-test-suite]") {
  if (!suite_present()) return;
  for (const auto& name : suite_files('n')) {
    std::string doc = slurp(kSuite + "/" + name);
    if (doc.find_first_of("\r\n") != std::string::npos) continue;  // spans lines
    INFO(name);
    CHECK(used_lines("{\"person\":\"s\",\"points\":1,\"v\":" + doc + "}\n", "skip") == 0);
  }
}

TEST_CASE("no i_ document crashes or hangs", "[io][conformance][json-test-suite]") {
  if (!suite_present()) return;
  for (const auto& name : suite_files('i')) {
    std::string doc = slurp(kSuite + "/" + name);
    INFO(name);
    CHECK(used_lines("{\"v\":" + doc + "}\n", "skip") <= 1);
  }
}

TEST_CASE("every naughty string survives the reader and the writer", "[io][conformance][blns]") {
  std::string path = std::string(SOCRED_SHARED_DATA) + "/blns/blns.json";
  std::string text = slurp(path);
  if (text.empty()) {
    WARN("skipped: " << path << " is absent (naughty strings from ../shared/data)");
    return;
  }
  simdjson::dom::parser source;
  simdjson::dom::array strings = source.parse(text).get_array();
  std::size_t count = 0;
  for (auto item : strings) {
    std::string_view s = item.get_string();
    std::string line;
    JsonlWriter w(&line);
    w.begin_object().key("s").string(s).end_object();
    w.end_line();
    w.flush();
    Rejects rejects("stop");
    LineStats stats;
    RecordReader reader(LineReader::from_string("blns", line), rejects, stats);
    Record record;
    REQUIRE(reader.next(record));
    CHECK(std::string_view(*last_field(record.root, "s")) == s);
    ++count;
  }
  CHECK(count > 500);
}
