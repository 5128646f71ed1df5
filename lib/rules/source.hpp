// A rules or policy file's text, and its errors: file, line, column, the
// line itself and a caret under the column, and what was expected.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace socred::rules {

/// The exit status of an error in a rules or policy file. A rules file is
/// the program the tool runs, as a pattern is for grep or a script for awk,
/// and those report a bad program as a usage error (2); bad data (65) stays
/// for bad input lines, so a script can tell which of the two to fix.
inline constexpr int kProgramErrorStatus = 2;

class Source {
 public:
  Source(std::string file, std::string text);

  const std::string& file() const { return file_; }
  const std::string& text() const { return text_; }

  /// 1-based line and column of a byte offset; the column counts UTF-8
  /// characters, as editors do.
  void locate(std::size_t offset, std::uint64_t& line, std::uint64_t& column) const;

  /// Throws socred::Error(kProgramErrorStatus) whose what() is
  /// "message\n<the line>\n<spaces>^" and whose place is file:line:column.
  [[noreturn]] void fail(std::size_t offset, const std::string& message) const;

 private:
  std::string file_;
  std::string text_;
  std::vector<std::size_t> line_starts_;  // offset of each line's first byte
};

}  // namespace socred::rules
