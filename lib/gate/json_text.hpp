// JSON text without a DOM, for building decision lines fast: strings
// escaped into a buffer, and the members of an already valid object's text
// (so pass-through fields keep their own bytes, numbers included).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace socred::gate {

/// Appends `s` as a JSON string (quotes included), escaped as
/// io::JsonlWriter escapes it.
void append_json_string(std::string& out, std::string_view s);

/// Appends a whole number.
void append_integer(std::string& out, std::int64_t v);

/// Calls `fn(key, value)` for each top-level member of `object`, valid JSON
/// text of an object: `key` as written between its quotes (escapes kept),
/// `value` the member's text without surrounding whitespace.
template <typename Fn>
void for_each_member(std::string_view object, Fn&& fn);

/// Index just past the JSON value that starts at `i` in valid text.
std::size_t skip_value(std::string_view text, std::size_t i);

template <typename Fn>
void for_each_member(std::string_view object, Fn&& fn) {
  auto space = [&](std::size_t i) {
    while (i < object.size() &&
           (object[i] == ' ' || object[i] == '\t' || object[i] == '\n' || object[i] == '\r'))
      ++i;
    return i;
  };
  std::size_t i = space(0);
  if (i >= object.size() || object[i] != '{') return;
  i = space(i + 1);
  while (i < object.size() && object[i] == '"') {
    const std::size_t key_end = skip_value(object, i);
    const std::string_view key = object.substr(i + 1, key_end - i - 2);
    i = space(space(key_end) + 1);  // past ':'
    const std::size_t value_end = skip_value(object, i);
    fn(key, object.substr(i, value_end - i));
    i = space(value_end);
    if (i < object.size() && object[i] == ',') i = space(i + 1);
  }
}

}  // namespace socred::gate
