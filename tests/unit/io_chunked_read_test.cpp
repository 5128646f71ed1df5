#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "catch.hpp"
#include "io/chunked_read.hpp"
#include "io/error.hpp"

using namespace socred::io;

namespace {

struct TempFile {
  std::string path;
  explicit TempFile(const std::string& text) {
    char name[] = "/tmp/io-chunk-test-XXXXXX";
    int fd = mkstemp(name);
    REQUIRE(fd >= 0);
    REQUIRE(write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
    close(fd);
    path = name;
  }
  ~TempFile() { std::remove(path.c_str()); }
};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// 400 lines: every 37th is bad JSON, every 53rd blank.
std::string lines(std::string& bad) {
  std::string text;
  for (int i = 1; i <= 400; ++i) {
    std::string line = i % 37 == 0   ? "{\"n\":" + std::to_string(i)
                       : i % 53 == 0 ? ""
                                     : "{\"n\":" + std::to_string(i) + "}";
    if (i % 37 == 0) bad += line + "\n";
    text += line + "\n";
  }
  return text;
}

// Reads every chunk, the last first (as threads may finish), then settles;
// the records' lines in their input.
std::vector<std::uint64_t> read_backwards(ChunkedRead& read, LineStats& stats) {
  std::vector<std::pair<std::uint32_t, std::uint64_t>> places;
  for (std::uint32_t c = read.size(); c-- > 0;) {
    if (read.moot(c)) continue;
    auto reader = read.reader(c);
    Record record;
    while (reader->next(record)) places.emplace_back(c, record.line);
  }
  std::vector<std::uint64_t> numbers;
  for (auto [c, line] : places) numbers.push_back(read.input_line(c, line));
  read.settle(stats);
  return numbers;
}

}  // namespace

TEST_CASE("chunks read out of order settle bad lines in input order", "[io]") {
  std::string bad;
  TempFile file(lines(bad));
  char out[] = "/tmp/io-chunk-rejects-XXXXXX";
  close(mkstemp(out));
  {
    Rejects rejects(out);
    ChunkedInput input({file.path}, false);
    auto chunks = input.plan(7, 1);
    REQUIRE(chunks.size() == 7);
    ChunkedRead read(input, chunks, rejects);
    LineStats stats;
    read_backwards(read, stats);
    rejects.close();
    CHECK(stats.read == 400);
    CHECK(stats.rejected == 10);
    CHECK(stats.blank == 7);
  }
  CHECK(slurp(out) == bad);
  std::remove(out);
}

TEST_CASE("a stop names the first bad line of the input, whichever chunk is read first", "[io]") {
  std::string bad;
  TempFile file(lines(bad));
  Rejects rejects("stop");
  ChunkedInput input({file.path}, false);
  ChunkedRead read(input, input.plan(7, 1), rejects);
  LineStats stats;
  try {
    read_backwards(read, stats);
    FAIL("no error");
  } catch (const socred::Error& e) {
    CHECK(e.line() == 37);
    CHECK(e.file() == file.path);
  }
  CHECK(read.stopped());
}

TEST_CASE("records carry their line in the input, after --first-line", "[io]") {
  std::string bad;
  TempFile file(lines(bad));
  Rejects rejects("skip");
  ChunkedInput input({file.path}, false);
  input.cite_as("whole.jsonl", 1001);
  ChunkedRead read(input, input.plan(5, 1), rejects);
  LineStats stats;
  auto numbers = read_backwards(read, stats);
  std::sort(numbers.begin(), numbers.end());
  REQUIRE(numbers.size() == 400 - 10 - 7);
  CHECK(numbers.front() == 1001);
  CHECK(numbers.back() == 1400);
  CHECK(std::find(numbers.begin(), numbers.end(), 1000 + 37) == numbers.end());
}
