// JSON lines in, as io::RecordReader reads them (full validation, blank
// lines counted, bad lines to --on-error), except that each record is copied
// and parsed into storage the caller owns: several records stay alive at once
// (the hash join's batches, the merge join's read-ahead).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "io/record_reader.hpp"

namespace socred::join {

/// Where one record lives: its own copy of the line and its own parser.
struct RecordStorage {
  std::string text;  // the line, with io::kLinePadding bytes of room after it
  io::JsonLineParser parser;
};

class RecordSource {
 public:
  /// Opens every input at once, so a missing one fails (66) before output.
  RecordSource(const std::vector<std::string>& paths, io::Rejects& rejects,
               io::LineStats& stats);
  /// One reader over memory (tests).
  RecordSource(std::unique_ptr<io::LineReader> reader, io::Rejects& rejects,
               io::LineStats& stats);

  /// The next valid record, parsed into `storage`; `record` points into it.
  bool next(RecordStorage& storage, io::Record& record);
  /// A valid JSON object the join cannot use: rejected under --on-error.
  void reject(const io::Record& record, std::uint64_t column, const std::string& message);

 private:
  std::vector<std::unique_ptr<io::LineReader>> readers_;
  std::vector<std::string> names_;  // outlive their readers: records cite them
  std::size_t current_ = 0;
  io::Rejects& rejects_;
  io::LineStats& stats_;
  io::Line line_;
};

}  // namespace socred::join
