// Splits a rules or policy file into tokens: words, numbers, strings (with
// JSON's escapes) and operators; `#` starts a comment to the end of the line.
// Newlines are spaces: a clause may span lines.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rules/source.hpp"

namespace socred::rules {

enum class Tok : std::uint8_t {
  word,    // identifiers and keywords alike: keywords depend on the place
  number,  // 12, 0.5, 1e3 (a sign is a separate token)
  string,  // "..." (value holds the decoded text)
  lparen,
  rparen,
  lbracket,
  rbracket,
  comma,
  dot,
  eq,
  ne,
  lt,
  le,
  gt,
  ge,
  plus,
  minus,
  star,
  slash,
  percent,
  colon,
  end,  // end of the file
};

struct Token {
  Tok kind;
  std::string_view text;  // as written (for strings: with the quotes)
  std::string value;      // strings: the decoded text
  std::size_t offset;     // byte offset in the file
};

/// The whole file as tokens, ending with Tok::end (placed just after the
/// last token, so "expected ..." at the end points past the last word).
/// Throws a located Error on a character that starts no token.
std::vector<Token> tokenize(const Source& source);

/// How a message names a token: 'base', "late", a number 12, end of file.
std::string describe(const Token& token);

}  // namespace socred::rules
