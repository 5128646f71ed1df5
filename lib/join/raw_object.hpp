// The byte spans of a JSON object's top-level fields in its text as read, so
// that output can copy fields byte for byte instead of re-serialising them.
#pragma once

#include <string_view>
#include <vector>

namespace socred::join {

struct RawField {
  std::string_view key;    // as written, quotes and escapes included
  std::string_view value;  // as written
  /// `"key":value` as written, whatever spaces the line had around ':'.
  std::string_view whole() const {
    return std::string_view(key.data(),
                            static_cast<std::size_t>(value.data() + value.size() - key.data()));
  }
};

/// The top-level fields of `text`, which must already be validated as one
/// JSON object (the reader did that); fields keep their order and repeats.
void scan_fields(std::string_view text, std::vector<RawField>& out);

/// `text` up to (not including) its closing brace, for splicing fields in:
/// `head + ",\"k\":v}"`. Spaces after the brace are dropped.
std::string_view object_head(std::string_view text);
/// True when `head` (from object_head) holds no field: the next field
/// spliced in needs no comma.
bool head_is_empty(std::string_view head);

}  // namespace socred::join
