// Tokens, with messages for the usual slips from other languages ('=',
// '&&', '||', '!', single quotes) that say what to write instead.
#include "rules/lexer.hpp"

#include <fmt/format.h>

#include "io/utf8.hpp"

namespace socred::rules {
namespace {

bool word_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool word_char(char c) { return word_start(c) || (c >= '0' && c <= '9'); }
bool digit(char c) { return c >= '0' && c <= '9'; }

class Lexer {
 public:
  explicit Lexer(const Source& source) : src_(source), text_(source.text()) {}

  std::vector<Token> run() {
    check_utf8();
    std::vector<Token> out;
    std::size_t last_end = 0;
    for (;;) {
      skip_space();
      if (pos_ >= text_.size()) break;
      out.push_back(next());
      last_end = pos_;
    }
    out.push_back(Token{Tok::end, std::string_view(), {}, last_end});
    return out;
  }

 private:
  // Reason texts end up in JSON output, so the file must be valid UTF-8;
  // the message points at the first bad byte.
  void check_utf8() {
    const auto* p = reinterpret_cast<const unsigned char*>(text_.data());
    std::size_t n = text_.size(), i = 0;
    while (i < n) {
      unsigned char c = p[i];
      std::size_t len = c < 0x80         ? 1
                        : (c >> 5) == 6  ? 2
                        : (c >> 4) == 14 ? 3
                        : (c >> 3) == 30 ? 4
                                         : 0;
      bool ok = len != 0 && i + len <= n;
      for (std::size_t k = 1; ok && k < len; ++k) ok = (p[i + k] & 0xC0) == 0x80;
      if (ok && len == 2) ok = c >= 0xC2;
      if (ok && len == 3) {
        std::uint32_t cp = ((c & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
        ok = cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF);
      }
      if (ok && len == 4) {
        std::uint32_t cp = ((c & 0x07u) << 18) | ((p[i + 1] & 0x3Fu) << 12) |
                           ((p[i + 2] & 0x3Fu) << 6) | (p[i + 3] & 0x3Fu);
        ok = cp >= 0x10000 && cp <= 0x10FFFF;
      }
      if (!ok) src_.fail(i, fmt::format("invalid UTF-8 (byte 0x{:02X})", c));
      i += len;
    }
  }

  void skip_space() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++pos_;
      } else if (c == '#') {
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
      } else {
        break;
      }
    }
  }

  Token make(Tok kind, std::size_t start) {
    return Token{kind, std::string_view(text_).substr(start, pos_ - start), {}, start};
  }

  Token next() {
    std::size_t start = pos_;
    char c = text_[pos_];
    if (word_start(c)) {
      while (pos_ < text_.size() && word_char(text_[pos_])) ++pos_;
      return make(Tok::word, start);
    }
    if (digit(c)) return number(start);
    if (c == '"') return string(start);
    auto two = [&](char second) { return pos_ + 1 < text_.size() && text_[pos_ + 1] == second; };
    auto op = [&](Tok kind, std::size_t len) {
      pos_ += len;
      return make(kind, start);
    };
    switch (c) {
      case '(':
        return op(Tok::lparen, 1);
      case ')':
        return op(Tok::rparen, 1);
      case '[':
        return op(Tok::lbracket, 1);
      case ']':
        return op(Tok::rbracket, 1);
      case ',':
        return op(Tok::comma, 1);
      case '.':
        if (pos_ + 1 < text_.size() && digit(text_[pos_ + 1]))
          src_.fail(start, "expected a digit before '.': write 0.5, not .5");
        return op(Tok::dot, 1);
      case ':':
        return op(Tok::colon, 1);
      case '+':
        return op(Tok::plus, 1);
      case '-':
        return op(Tok::minus, 1);
      case '*':
        return op(Tok::star, 1);
      case '/':
        return op(Tok::slash, 1);
      case '%':
        return op(Tok::percent, 1);
      case '=':
        if (two('=')) return op(Tok::eq, 2);
        src_.fail(start, "expected '==' to compare: '=' alone is not an operator");
      case '!':
        if (two('=')) return op(Tok::ne, 2);
        src_.fail(start, "expected '!=' or the word 'not': '!' alone is not an operator");
      case '<':
        if (two('=')) return op(Tok::le, 2);
        return op(Tok::lt, 1);
      case '>':
        if (two('=')) return op(Tok::ge, 2);
        return op(Tok::gt, 1);
      case '&':
        src_.fail(start, "expected the word 'and': '&' is not an operator");
      case '|':
        src_.fail(start, "expected the word 'or': '|' is not an operator");
      case '\'':
        src_.fail(start, "expected a string in double quotes: single quotes are not strings");
      default:
        break;
    }
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F)
      src_.fail(start, fmt::format("unexpected control character 0x{:02X}", u));
    std::size_t len = 1;
    while (start + len < text_.size() &&
           (static_cast<unsigned char>(text_[start + len]) & 0xC0) == 0x80)
      ++len;
    src_.fail(start,
              fmt::format("unexpected character '{}'", std::string_view(text_).substr(start, len)));
  }

  Token number(std::size_t start) {
    while (pos_ < text_.size() && digit(text_[pos_])) ++pos_;
    if (pos_ + 1 < text_.size() && text_[pos_] == '.' && digit(text_[pos_ + 1])) {
      ++pos_;
      while (pos_ < text_.size() && digit(text_[pos_])) ++pos_;
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      std::size_t save = pos_++;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (pos_ < text_.size() && digit(text_[pos_])) {
        while (pos_ < text_.size() && digit(text_[pos_])) ++pos_;
      } else {
        pos_ = save;  // "2e" is a number followed by a word
      }
    }
    if (pos_ < text_.size() && word_start(text_[pos_]))
      src_.fail(pos_, fmt::format("expected a space after the number '{}'",
                                  std::string_view(text_).substr(start, pos_ - start)));
    return make(Tok::number, start);
  }

  Token string(std::size_t start) {
    ++pos_;
    std::string value;
    for (;;) {
      if (pos_ >= text_.size() || text_[pos_] == '\n')
        src_.fail(start, "unterminated string: expected a closing '\"' on the same line");
      char c = text_[pos_];
      if (c == '"') break;
      if (static_cast<unsigned char>(c) < 0x20 && c != '\t')
        src_.fail(pos_, "expected a printable character in the string (write \\n or \\t)");
      if (c != '\\') {
        value += c;
        ++pos_;
        continue;
      }
      std::size_t esc = pos_;
      if (++pos_ >= text_.size()) src_.fail(esc, "unterminated string");
      char e = text_[pos_++];
      switch (e) {
        case '"':
          value += '"';
          break;
        case '\\':
          value += '\\';
          break;
        case '/':
          value += '/';
          break;
        case 'n':
          value += '\n';
          break;
        case 't':
          value += '\t';
          break;
        case 'r':
          value += '\r';
          break;
        case 'b':
          value += '\b';
          break;
        case 'f':
          value += '\f';
          break;
        case 'u':
          value_escape(esc, value);
          break;
        default:
          src_.fail(esc, "expected an escape \\\" \\\\ \\/ \\n \\t \\r \\b \\f or \\uXXXX");
      }
    }
    ++pos_;
    Token t = make(Tok::string, start);
    t.value = std::move(value);
    return t;
  }

  std::uint32_t hex4(std::size_t esc) {
    if (pos_ + 4 > text_.size()) src_.fail(esc, "expected four hex digits after \\u");
    std::uint32_t cp = 0;
    for (int k = 0; k < 4; ++k) {
      char h = text_[pos_++];
      cp <<= 4;
      if (h >= '0' && h <= '9')
        cp |= static_cast<std::uint32_t>(h - '0');
      else if (h >= 'a' && h <= 'f')
        cp |= static_cast<std::uint32_t>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F')
        cp |= static_cast<std::uint32_t>(h - 'A' + 10);
      else
        src_.fail(esc, "expected four hex digits after \\u");
    }
    return cp;
  }

  void value_escape(std::size_t esc, std::string& value) {
    std::uint32_t cp = hex4(esc);
    if (cp >= 0xDC00 && cp <= 0xDFFF) src_.fail(esc, "a low surrogate \\u must follow a high one");
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      if (pos_ + 2 > text_.size() || text_[pos_] != '\\' || text_[pos_ + 1] != 'u')
        src_.fail(esc, "expected a low surrogate \\uDC00-\\uDFFF after a high one");
      pos_ += 2;
      std::uint32_t low = hex4(esc);
      if (low < 0xDC00 || low > 0xDFFF)
        src_.fail(esc, "expected a low surrogate \\uDC00-\\uDFFF after a high one");
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    io::append_utf8(value, static_cast<char32_t>(cp));
  }

  const Source& src_;
  const std::string& text_;
  std::size_t pos_ = 0;
};

}  // namespace

std::vector<Token> tokenize(const Source& source) { return Lexer(source).run(); }

std::string describe(const Token& token) {
  switch (token.kind) {
    case Tok::end:
      return "end of file";
    case Tok::string:
      return fmt::format("the string {}", token.text);
    case Tok::number:
      return fmt::format("the number {}", token.text);
    case Tok::word:
      return fmt::format("'{}'", token.text);
    default:
      return fmt::format("'{}'", token.text);
  }
}

}  // namespace socred::rules
