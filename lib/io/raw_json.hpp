// JSON text without a DOM, over text simdjson has already validated: where a
// value ends, an object's top-level members as written, where a key's value
// starts. Output can then copy fields byte for byte (numbers included), and
// messages can name the column the DOM does not keep.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace socred::io {

/// One top-level member of an object, as written.
struct RawMember {
  std::string_view key;    // with its quotes and escapes: "a\"b"
  std::string_view value;  // the value's text, without the spaces around it
  /// The key between its quotes, escapes kept.
  std::string_view inner_key() const { return key.substr(1, key.size() - 2); }
  /// `"key":value` as written, whatever spaces stood around ':'.
  std::string_view whole() const {
    return std::string_view(key.data(),
                            static_cast<std::size_t>(value.data() + value.size() - key.data()));
  }
  /// True when the key, its escapes decoded, is `name`.
  bool is(std::string_view name) const;
};

/// True when `written` (a key between its quotes, escapes kept) decodes to
/// `name`: `a\u0062` is "ab". Cheap when `written` has no backslash.
bool key_equals(std::string_view written, std::string_view name);

/// Index of the first byte at or after `i` that is not JSON whitespace.
inline std::size_t skip_space(std::string_view text, std::size_t i) {
  while (i < text.size() &&
         (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
    ++i;
  return i;
}
/// Index just past the JSON value that starts at `i` in valid text.
std::size_t skip_value(std::string_view text, std::size_t i);

/// Calls `fn(member)` (a RawMember) for each top-level member of `object`,
/// valid JSON text of an object, in order and with repeats.
template <typename Fn>
void for_each_member(std::string_view object, Fn&& fn);

/// The same, into `out` (cleared first).
void scan_members(std::string_view object, std::vector<RawMember>& out);

/// The text of the value of top-level `name` (the last when it repeats, as
/// the last one wins), or nullopt when `object` has no such member.
std::optional<std::string_view> member_value(std::string_view object, std::string_view name);

/// 1-based byte column, in `object`, of the value of top-level `name` (the
/// last one when it repeats); 0 when there is none.
std::uint64_t value_column(std::string_view object, std::string_view name);

/// The column a message about field `name` of a line names: where its value
/// starts, or 1 (the line itself) when the field is absent.
inline std::uint64_t field_column(std::string_view object, std::string_view name) {
  const std::uint64_t column = value_column(object, name);
  return column > 0 ? column : 1;
}

/// `text` up to (not including) its closing brace, for splicing fields in:
/// `head + ",\"k\":v}"`. Spaces after the brace are dropped.
std::string_view object_head(std::string_view text);
/// True when `head` (from object_head) holds no member: the next one
/// spliced in needs no comma.
bool head_is_empty(std::string_view head);

template <typename Fn>
void for_each_member(std::string_view object, Fn&& fn) {
  std::size_t i = skip_space(object, 0);
  if (i >= object.size() || object[i] != '{') return;
  i = skip_space(object, i + 1);
  while (i < object.size() && object[i] == '"') {
    const std::size_t key_end = skip_value(object, i);
    RawMember member;
    member.key = object.substr(i, key_end - i);
    i = skip_space(object, key_end);
    if (i < object.size() && object[i] == ':') i = skip_space(object, i + 1);
    const std::size_t value_end = skip_value(object, i);
    member.value = object.substr(i, value_end - i);
    fn(static_cast<const RawMember&>(member));
    i = skip_space(object, value_end);
    if (i < object.size() && object[i] == ',') i = skip_space(object, i + 1);
  }
}

}  // namespace socred::io
