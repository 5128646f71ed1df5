// A small scanner over text already validated by simdjson: it only has to
// skip strings and nesting correctly, not to detect errors.
#include "gate/field_column.hpp"

#include <cstddef>

namespace socred::gate {

namespace {

// Index just past the string that starts at `i` (a quote).
std::size_t skip_string(std::string_view s, std::size_t i) {
  for (++i; i < s.size(); ++i) {
    if (s[i] == '\\')
      ++i;
    else if (s[i] == '"')
      return i + 1;
  }
  return s.size();
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

std::uint64_t field_column(std::string_view line, std::string_view key) {
  std::uint64_t found = 1;
  int depth = 0;
  bool expect_key = false;
  for (std::size_t i = 0; i < line.size();) {
    const char c = line[i];
    if (c == '"') {
      const std::size_t end = skip_string(line, i);
      if (depth == 1 && expect_key) {
        // Raw comparison: a key written with escapes is not matched, and
        // then the column falls back to 1, which still names the line.
        const bool same = line.substr(i + 1, end - i - 2) == key;
        std::size_t j = end;
        while (j < line.size() && (is_space(line[j]) || line[j] == ':')) ++j;
        if (same) found = j + 1;
        expect_key = false;
        i = j;
        continue;
      }
      i = end;
      continue;
    }
    if (c == '{' || c == '[') {
      ++depth;
      expect_key = c == '{' && depth == 1;
    } else if (c == '}' || c == ']') {
      --depth;
    } else if (c == ',' && depth == 1) {
      expect_key = true;
    }
    ++i;
  }
  return found;
}

}  // namespace socred::gate
