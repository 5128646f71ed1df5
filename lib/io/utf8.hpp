// UTF-8 to code points and back: the one encoder and decoder every area
// uses (the rules lexer's \u escapes, raw JSON key escapes, linkage's text
// comparisons, the text report's column widths).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace socred::io {

/// Writes code point `cp` as UTF-8 into `out` (at least 4 bytes free);
/// returns the number of bytes written.
std::size_t encode_utf8(char32_t cp, char* out);

/// Appends code point `cp` as UTF-8 to `out`.
void append_utf8(std::string& out, char32_t cp);

/// Decodes the sequence at text[i] and advances i past it. A byte that does
/// not start a complete sequence (a stray continuation byte, a truncated
/// sequence) comes back as itself and counts one, so that any bytes decode.
char32_t decode_utf8(std::string_view text, std::size_t& i);

/// Every code point of `utf8`, into `out` (reused by the caller).
void to_code_points(std::string_view utf8, std::u32string& out);

}  // namespace socred::io
