// Puts names and other text into one comparable form before any comparison:
// case, accents and pinyin tone marks, compatibility forms (fullwidth,
// ligatures), punctuation, spaces, in every script.
#pragma once

#include <string>
#include <string_view>

namespace socred::link {

/// NFKC with Unicode case folding and every mark removed, in any script
/// (ДМИТРИЙ and дмитрий are дмитрии; ü is u; ﬁ is fi; fullwidth is ASCII);
/// letters Unicode does not decompose taken as their base (ø o, ł l, đ d,
/// ı i; æ ae, œ oe, þ th, ß ss); apostrophes dropped (xi'an is xian);
/// punctuation, symbols and spaces of any kind become one space; no space at
/// either end. Han and other letters without case stay as they are. `text`
/// should be UTF-8 (every parsed JSON string is).
std::string normalise(std::string_view text);

/// The normalised text without its spaces ("wang xiao ming" -> "wangxiaoming").
std::string squash(std::string_view normalised);

/// The words of normalised text sorted and joined by `separator`, so that
/// "fang wang" and "wang fang" give the same key.
std::string sorted_words(std::string_view normalised, std::string_view separator = "");

/// True when every byte is ASCII (then bytes are characters).
bool is_ascii(std::string_view text);

}  // namespace socred::link
