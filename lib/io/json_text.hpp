// Text escaping, written once: a JSON string as every tool writes it, and
// data made safe for a terminal or Markdown (the same escapes, for the
// characters that would act on the screen instead of being read).
#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace socred::io {

/// Appends `s` as a JSON string, quotes included: `"` and `\` escaped, \n \r
/// \t \b \f by their short escapes, other bytes below 0x20 as \u00XX, and
/// everything else (UTF-8 included) as it is. The one form every tool writes.
void append_json_string(std::string& out, std::string_view s);
void append_json_string(fmt::memory_buffer& out, std::string_view s);
/// The same, as a new string.
std::string json_string(std::string_view s);
/// Appends a whole number as JSON writes it.
void append_json_integer(std::string& out, std::int64_t v);

/// Appends `s` for a person to read (text and Markdown reports, messages):
/// bytes that a terminal would act on are written as JSON escapes them, so
/// they show instead of acting: C0 controls other than tab and newline (\r,
/// \b, \f by their short escapes, the others as \u001b), DEL (\u007f), the
/// C1 controls U+0080-U+009F (\u009b), and the bidirectional marks and
/// overrides U+200E, U+200F, U+202A-U+202E, U+2066-U+2069 (\u202e). A byte
/// that does not start a valid UTF-8 sequence is written as \xHH (two
/// lower-case hex digits), so broken text stays visible and reversible.
/// Everything else, backslashes included, is copied as it is.
void append_visible(std::string& out, std::string_view s);
/// The same, as a new string.
std::string visible(std::string_view s);

}  // namespace socred::io
