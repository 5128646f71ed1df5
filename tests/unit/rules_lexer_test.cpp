#include <memory>

#include "catch.hpp"
#include "rules/lexer.hpp"
#include "rules_test_util.hpp"

using namespace socred::rules;
using rules_test::check_each;

namespace {

// Tokens point into their Source: keep the last one alive.
std::vector<Token> lex(const std::string& text) {
  static std::unique_ptr<Source> source;
  source = std::make_unique<Source>("t.rules", text);
  return tokenize(*source);
}

std::string lex_error(const std::string& text) {
  return rules_test::error_of([&] { lex(text); });
}

std::vector<Tok> kinds(const std::string& text) {
  std::vector<Tok> out;
  for (const auto& t : lex(text)) out.push_back(t.kind);
  return out;
}

}  // namespace

TEST_CASE("lexer: words, numbers, strings and every operator", "[rules]") {
  CHECK(kinds("when a.b == \"x\"") == std::vector<Tok>{Tok::word, Tok::word, Tok::dot, Tok::word,
                                                       Tok::eq, Tok::string, Tok::end});
  CHECK(kinds("( ) [ ] , . : + - * / % == != < <= > >=") ==
        std::vector<Tok>{Tok::lparen, Tok::rparen, Tok::lbracket, Tok::rbracket, Tok::comma,
                         Tok::dot, Tok::colon, Tok::plus, Tok::minus, Tok::star, Tok::slash,
                         Tok::percent, Tok::eq, Tok::ne, Tok::lt, Tok::le, Tok::gt, Tok::ge,
                         Tok::end});
  auto t = lex("12 0.5 1e3 2.5E-2 _x9");
  REQUIRE(t.size() == 6);
  CHECK(t[0].text == "12");
  CHECK(t[1].text == "0.5");
  CHECK(t[2].text == "1e3");
  CHECK(t[3].text == "2.5E-2");
  CHECK(t[4].kind == Tok::word);
  CHECK(t[4].text == "_x9");
}

TEST_CASE("lexer: comments and newlines are spaces; the end sits after the last token", "[rules]") {
  auto t = lex("base 600 # the start\n\n# more\n");
  REQUIRE(t.size() == 3);
  CHECK(t[2].kind == Tok::end);
  CHECK(t[2].offset == 8);
}

TEST_CASE("lexer: strings decode JSON escapes", "[rules]") {
  auto t = lex(R"("a\"b\\c\/d\n\t\u00e9\ud83d\ude00")");
  REQUIRE(t[0].kind == Tok::string);
  CHECK(t[0].value == "a\"b\\c/d\n\t\xc3\xa9\xf0\x9f\x98\x80");
  CHECK(lex("\"\"")[0].value.empty());
}

TEST_CASE("lexer: errors say what to write instead, with a caret", "[rules]") {
  const rules_test::Cases cases = {
      {"when a = 1",
       "t.rules:1:8: expected '==' to compare: '=' alone is not an operator\nwhen a = 1\n       ^"},
      {"a && b", "t.rules:1:3: expected the word 'and': '&' is not an operator\na && b\n  ^"},
      {"a || b", "t.rules:1:3: expected the word 'or': '|' is not an operator\na || b\n  ^"},
      {"!a", "t.rules:1:1: expected '!=' or the word 'not': '!' alone is not an operator\n!a\n^"},
      {"x == 'a'",
       "t.rules:1:6: expected a string in double quotes: single quotes are not strings\nx == 'a'\n "
       "    ^"},
      {"x == \"abc\ny",
       "t.rules:1:6: unterminated string: expected a closing '\"' on the same line\nx == \"abc\n   "
       "  ^"},
      {"\"a\\q\"",
       "t.rules:1:3: expected an escape \\\" \\\\ \\/ \\n \\t \\r \\b \\f or \\uXXXX\n\"a\\q\"\n  "
       "^"},
      {"x > .5", "t.rules:1:5: expected a digit before '.': write 0.5, not .5\nx > .5\n    ^"},
      {"x > 5days", "t.rules:1:6: expected a space after the number '5'\nx > 5days\n     ^"},
      {"a @ b", "t.rules:1:3: unexpected character '@'\na @ b\n  ^"},
  };
  check_each(lex_error, cases);
}

TEST_CASE("lexer: columns count characters, and the caret lines up under them", "[rules]") {
  const rules_test::Cases cases = {
      // "é" is two bytes but one column; a tab stays a tab so the caret aligns.
      {"\"é\" @", "t.rules:1:5: unexpected character '@'\n\"é\" @\n    ^"},
      {"\tx @", "t.rules:1:4: unexpected character '@'\n\tx @\n\t  ^"},
      {"a\nb\n  c ; d", "t.rules:3:5: unexpected character ';'\n  c ; d\n    ^"},
      {"a\r\nb ;\r\n", "t.rules:2:3: unexpected character ';'\nb ;\n  ^"},
  };
  check_each(lex_error, cases);
}

TEST_CASE("lexer: a NUL or control character is shown as '?' and cannot cut the message",
          "[rules]") {
  CHECK(lex_error(std::string("whe\0n x", 7)) ==
        "t.rules:1:4: unexpected control character 0x00\nwhe?n x\n   ^");
  CHECK(lex_error("\x01\tx") == "t.rules:1:1: unexpected control character 0x01\n?\tx\n^");
}

TEST_CASE("lexer: the file must be UTF-8", "[rules]") {
  // The line is shown with '?' for what cannot be printed, so that the
  // message stays one printable line.
  CHECK(lex_error("a \xff b") == "t.rules:1:3: invalid UTF-8 (byte 0xFF)\na ? b\n  ^");
  CHECK(lex_error("\"\xed\xa0\x80\"").find("invalid UTF-8 (byte 0xED)") != std::string::npos);
  CHECK(lex_error("\xc0\x80").find("invalid UTF-8 (byte 0xC0)") != std::string::npos);
}
