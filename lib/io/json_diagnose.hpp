// Says where and why a line is not one valid JSON object, in our own words.
// simdjson finds *that* a line is bad at full speed but not where; this slow,
// simple scanner runs only on lines simdjson rejected, to name the place.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace socred::io {

/// Deepest nesting accepted, the same as the parser's (simdjson's default),
/// so 100 000 nested brackets are an error, not a stack overflow.
inline constexpr std::size_t kMaxDepth = 1024;

struct Diagnosis {
  std::uint64_t column = 0;  // 1-based byte column; 0 when the line is valid
  std::string message;
};

/// The first problem in `text` as one JSON object, or column 0 if none.
Diagnosis diagnose_json(std::string_view text);

}  // namespace socred::io
