// Fuzzes the JSON-lines reader: any bytes, split into lines, validated, bad
// lines diagnosed; the counts and the --on-error copy are checked against a
// split of the input done here, and accepted lines re-emitted and read back.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "io/error.hpp"
#include "io/jsonl_writer.hpp"
#include "io/record_reader.hpp"

namespace {

// The lines of `input` as DESIGN.md defines them, split without the reader:
// a UTF-8 byte-order mark at the start dropped, "\n" ends a line, one "\r"
// before it is not part of it, a last line without newline still counts.
std::vector<std::string_view> split_lines(std::string_view input) {
  if (input.substr(0, 3) == "\xEF\xBB\xBF") input.remove_prefix(3);
  std::vector<std::string_view> lines;
  while (!input.empty()) {
    std::size_t nl = input.find('\n');
    std::string_view line = input.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    input.remove_prefix(nl == std::string_view::npos ? input.size() : nl + 1);
  }
  return lines;
}

bool blank(std::string_view line) { return line.find_first_not_of(" \t") == std::string::npos; }

// The --on-error file, one per fuzzing process, removed at exit.
const std::string& rejects_path() {
  static const std::string path = [] {
    const char* dir = std::getenv("TMPDIR");
    return std::string(dir != nullptr ? dir : "/tmp") + "/fuzz-line-reader-" +
           std::to_string(::getpid()) + ".rejects";
  }();
  // Registered once `path` is built, so it runs before `path` is destroyed.
  static const bool removed_at_exit = std::atexit([] { std::remove(path.c_str()); }) == 0;
  (void)removed_at_exit;
  return path;
}

void check(bool ok) {
  if (!ok) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace socred::io;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::vector<std::string_view> lines = split_lines(input);

  LineStats stats;
  std::vector<bool> used(lines.size(), false);
  std::string out;
  {
    // A new file each run: ext4 flushes a file truncated and rewritten on
    // close (auto_da_alloc), which slows fuzzing a hundredfold.
    std::remove(rejects_path().c_str());
    Rejects rejects(rejects_path());
    RecordReader reader(LineReader::from_string("fuzz", input), rejects, stats);
    Record record;
    JsonlWriter writer(&out);
    std::uint64_t previous = 0;
    while (reader.next(record)) {
      // Each record is one of the lines, in order, exactly as in the input.
      check(record.line > previous && record.line <= lines.size());
      check(record.text == lines[record.line - 1] && !blank(record.text));
      check(*record.file == "fuzz");
      previous = record.line;
      used[record.line - 1] = true;
      writer.element(record.root);
      writer.end_line();
    }
    writer.flush();
    rejects.close();
  }

  // Every line is counted once: used, blank, or copied verbatim to the file.
  std::uint64_t used_count = 0, blank_count = 0, rejected_count = 0;
  std::string expected_rejects;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (used[i]) {
      ++used_count;
    } else if (blank(lines[i])) {
      ++blank_count;
    } else {
      ++rejected_count;
      expected_rejects.append(lines[i]).push_back('\n');
    }
  }
  check(stats.read == lines.size());
  check(stats.blank == blank_count);
  check(stats.rejected == rejected_count);
  std::ifstream copy(rejects_path(), std::ios::binary);
  std::string copied((std::istreambuf_iterator<char>(copy)), std::istreambuf_iterator<char>());
  check(copied == expected_rejects);

  // What we wrote must read back with no rejects.
  Rejects strict("stop");
  LineStats again;
  RecordReader back(LineReader::from_string("again", out), strict, again);
  Record record;
  std::uint64_t read_back = 0;
  while (back.next(record)) ++read_back;
  check(read_back == used_count && again.read == used_count);
  return 0;
}
