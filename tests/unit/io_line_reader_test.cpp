#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "catch.hpp"
#include "io/error.hpp"
#include "io/line_reader.hpp"

using socred::io::Line;
using socred::io::LineReader;

static std::vector<std::string> lines_of(std::string_view text) {
  auto reader = LineReader::from_string("t", text);
  std::vector<std::string> out;
  Line line;
  std::uint64_t expect = 1;
  while (reader->next(line)) {
    REQUIRE(line.number == expect++);
    out.emplace_back(line.text);
  }
  return out;
}

TEST_CASE("lines split on newline, last line without newline kept", "[io]") {
  CHECK(lines_of("a\nb\nc") == std::vector<std::string>{"a", "b", "c"});
  CHECK(lines_of("a\nb\n") == std::vector<std::string>{"a", "b"});
  CHECK(lines_of("").empty());
  CHECK(lines_of("\n\n") == std::vector<std::string>{"", ""});
}

TEST_CASE("CRLF line ends lose the CR", "[io]") {
  CHECK(lines_of("a\r\nb\r\n") == std::vector<std::string>{"a", "b"});
  CHECK(lines_of("a\r") == std::vector<std::string>{"a"});
}

TEST_CASE("a byte-order mark is dropped at the start only", "[io]") {
  CHECK(lines_of("\xEF\xBB\xBF{}\n\xEF\xBB\xBF{}") ==
        std::vector<std::string>{"{}", "\xEF\xBB\xBF{}"});
  CHECK(lines_of("\xEF\xBB\xBF").empty());
  CHECK(lines_of("\xEF\xBB") == std::vector<std::string>{"\xEF\xBB"});
}

// The buffer starts at 1 MiB, so this line makes it grow six times.
TEST_CASE("a 64 MiB line comes through whole, with the lines around it", "[io]") {
  std::string big(64u << 20, 'x');
  char path[] = "/tmp/socred-line-XXXXXX";
  int fd = ::mkstemp(path);
  REQUIRE(fd >= 0);
  std::string text = "first\n" + big + "\nlast";
  REQUIRE(::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
  ::close(fd);
  auto reader = LineReader::open(path);
  Line line;
  REQUIRE(reader->next(line));
  CHECK(line.text == "first");
  REQUIRE(reader->next(line));
  CHECK(line.text.size() == big.size());
  CHECK(line.number == 2);
  REQUIRE(reader->next(line));
  CHECK(line.text == "last");
  CHECK_FALSE(reader->next(line));
  ::unlink(path);
}

TEST_CASE("a byte range reads one chunk with its line numbers", "[io]") {
  char path[] = "/tmp/socred-range-XXXXXX";
  int fd = ::mkstemp(path);
  std::string text = "a\nbb\nccc\n";
  REQUIRE(::write(fd, text.data(), text.size()) == 9);
  REQUIRE(::lseek(fd, 2, SEEK_SET) == 2);
  LineReader reader(socred::io::fd_source(fd, true, "f", 5), "f", 2, false);
  Line line;
  REQUIRE(reader.next(line));
  CHECK(line.text == "bb");
  CHECK(line.number == 2);
  REQUIRE(reader.next(line));
  CHECK(line.text == "cc");  // the range ends inside the line
  CHECK_FALSE(reader.next(line));
  ::unlink(path);
}

TEST_CASE("a missing file is a 66 error naming it", "[io]") {
  try {
    LineReader::open("/nonexistent/x.jsonl");
    FAIL("no error");
  } catch (const socred::Error& e) {
    CHECK(e.status() == socred::kExitNoInput);
    CHECK(e.located() == "/nonexistent/x.jsonl: No such file or directory");
  }
}
