// Puts names and other text into one comparable form before any comparison:
// case, accents and pinyin tone marks, fullwidth forms, punctuation, spaces.
#pragma once

#include <string>
#include <string_view>

namespace socred::link {

/// Lower case; accents, pinyin tone marks and combining marks removed (ü is
/// u); fullwidth ASCII folded; apostrophes dropped (xi'an is xian); other
/// punctuation becomes a space; runs of spaces become one; no space at either
/// end. Letters of other scripts (Han, Cyrillic...) are kept as they are.
/// `text` must be valid UTF-8 (every parsed JSON string is).
std::string normalise(std::string_view text);

/// The normalised text without its spaces ("wang xiao ming" -> "wangxiaoming").
std::string squash(std::string_view normalised);

/// The words of normalised text sorted and joined by `separator`, so that
/// "fang wang" and "wang fang" give the same key.
std::string sorted_words(std::string_view normalised, std::string_view separator = "");

/// True when every byte is ASCII (then bytes are characters).
bool is_ascii(std::string_view text);

/// UTF-8 to code points, into `out` (reused by the caller).
void to_code_points(std::string_view utf8, std::u32string& out);

}  // namespace socred::link
