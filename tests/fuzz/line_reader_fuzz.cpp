// Fuzzes the JSON-lines reader: any bytes, split into lines, validated, bad
// lines diagnosed; accepted lines re-emitted and read back.
#include <cstdint>
#include <string>

#include "io/error.hpp"
#include "io/jsonl_writer.hpp"
#include "io/record_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace socred::io;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  Rejects rejects("skip");
  LineStats stats;
  RecordReader reader(LineReader::from_string("fuzz", input), rejects, stats);
  Record record;
  std::string out;
  JsonlWriter writer(&out);
  while (reader.next(record)) {
    writer.element(record.root);
    writer.end_line();
  }
  writer.flush();
  if (stats.read != stats.used() + stats.rejected + stats.blank) __builtin_trap();
  // What we wrote must read back with no rejects.
  Rejects strict("stop");
  LineStats again;
  RecordReader back(LineReader::from_string("again", out), strict, again);
  while (back.next(record)) {
  }
  if (again.used() != stats.used()) __builtin_trap();
  return 0;
}
