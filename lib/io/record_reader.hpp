// JSON lines in: each line validated completely as one JSON object (simdjson
// DOM, so a bad byte anywhere rejects the line), blank lines counted, bad
// lines handed to --on-error with file, line and column.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/json_diagnose.hpp"
#include "io/line_reader.hpp"
#include "io/rejects.hpp"

namespace socred::io {

/// Parses single lines; one per thread (it owns simdjson's reused buffers).
class JsonLineParser {
 public:
  JsonLineParser();
  /// True and `out` set when `line` is exactly one valid JSON object; false
  /// with `why` set otherwise. `line.text` must have kLinePadding bytes after.
  bool parse(const Line& line, simdjson::dom::object& out, Diagnosis& why);

 private:
  simdjson::dom::parser parser_;
};

/// True for a line with nothing but spaces and tabs (blank: no data).
bool is_blank(std::string_view text);

struct Record {
  std::string_view text;  // the line as read, valid until the next call
  std::uint64_t line = 0;
  const std::string* file = nullptr;  // "<stdin>" or a path; lives as long as the reader
  simdjson::dom::object root;
};

/// Where a record lives when it must outlive the next read (a join's
/// batches and read-ahead): its own copy of the line and its own parser.
struct RecordStorage {
  std::string text;  // the line, with kLinePadding bytes of room after it
  JsonLineParser parser;
};

/// Reads the named inputs in order ("-" or none: standard input).
class RecordReader {
 public:
  /// Opens every input at once, so a missing one fails (66) before output.
  RecordReader(const std::vector<std::string>& paths, RejectSink& rejects, LineStats& stats);
  /// Reads `readers` in order (one over memory in tests, a chunk of a file
  /// on a thread, inputs opened elsewhere).
  RecordReader(std::vector<std::unique_ptr<LineReader>> readers, RejectSink& rejects,
               LineStats& stats);
  RecordReader(std::unique_ptr<LineReader> reader, RejectSink& rejects, LineStats& stats);
  ~RecordReader();
  RecordReader(const RecordReader&) = delete;
  RecordReader& operator=(const RecordReader&) = delete;

  /// The next valid record; bad lines go to `rejects`, blank ones are
  /// counted. False at the end, and from the bad line on when `rejects`
  /// says reading must end there (or that the rest is moot).
  bool next(Record& record);
  /// The same, but the line is copied and parsed into `storage`, so the
  /// record stays valid until `storage` is reused (one memcpy per line).
  bool next(Record& record, RecordStorage& storage);
  /// A valid JSON object the tool cannot use (a missing key): rejected under
  /// the same contract, `column` 1-based or 0. False when reading ends here.
  bool reject(const Record& record, std::uint64_t column, const std::string& message);

 private:
  bool read(Record& record, RecordStorage* storage);
  void tick();  // hands the lines read since the last tick to the meter

  std::vector<std::unique_ptr<LineReader>> readers_;
  std::vector<std::string> names_;  // outlive their readers: records cite them
  std::size_t current_ = 0;
  RejectSink& rejects_;
  LineStats& stats_;
  JsonLineParser parser_;
  Line line_;
  bool ended_ = false;
  std::uint32_t pending_lines_ = 0;  // not yet on the progress meter
  std::uint64_t pending_bytes_ = 0;
};

}  // namespace socred::io
