// Splits a byte stream into lines through one small reused buffer, so that a
// file of any size streams in constant memory and a line of any length fits.
// The bytes come from a ByteSource: gzip and zstd input is decompressed
// below this, so line numbers count decompressed lines.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "io/byte_source.hpp"

namespace socred::io {

/// Bytes readable past the end of every line handed out, so that simdjson
/// can parse the line in place (SIMDJSON_PADDING).
inline constexpr std::size_t kLinePadding = 64;

struct Line {
  std::string_view text;     // without the "\n" and a "\r" before it
  std::uint64_t number = 0;  // 1-based within its input
};

class LineReader {
 public:
  /// Reads `source`; `name` is what messages call it. Lines are numbered
  /// from `first_line`; `file_start` says the bytes begin the file, where a
  /// byte-order mark may stand.
  LineReader(std::unique_ptr<ByteSource> source, std::string name, std::uint64_t first_line = 1,
             bool file_start = true);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  /// Opens a named file, or standard input for "-", decompressing gzip or
  /// zstd data (told by its first bytes). A missing or unreadable file is an
  /// Error with status 66.
  static std::unique_ptr<LineReader> open(const std::string& path);
  /// Reads lines from memory (tests, fuzzing).
  static std::unique_ptr<LineReader> from_string(std::string name, std::string_view text);

  /// The next line, or false at the end. A UTF-8 byte-order mark at the
  /// start is dropped; a last line without newline is still a line. Data
  /// that cannot be decoded (a cut or corrupt compressed stream) is an
  /// Error (65) at the line it reached, once the lines before it are out.
  bool next(Line& line);

  const std::string& name() const { return name_; }

 private:
  bool fill();  // reads more bytes; false at end of input

  std::unique_ptr<ByteSource> source_;  // null: all in the buffer already
  std::string name_;
  std::string failure_;  // why the data ended early, if it did
  std::uint64_t line_number_;
  std::unique_ptr<char[]> buf_;
  std::size_t capacity_;  // usable bytes; kLinePadding more are allocated
  std::size_t begin_ = 0, end_ = 0, scanned_ = 0;
  bool eof_ = false;
  bool at_start_ = true;
};

}  // namespace socred::io
