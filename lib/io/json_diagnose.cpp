// A byte-at-a-time JSON checker with an explicit stack (no recursion), tuned
// for messages, not speed: "expected a value, found 'tru'".
#include "io/json_diagnose.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <vector>

namespace socred::io {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_delim(char c) {
  return is_space(c) || c == ',' || c == ':' || c == '[' || c == ']' || c == '{' || c == '}' ||
         c == '"';
}

class Checker {
 public:
  explicit Checker(std::string_view s) : s_(s) {}

  Diagnosis run() {
    skip_space();
    if (pos_ >= s_.size()) return fail("expected a JSON object, found the end of the line");
    if (s_[pos_] != '{') {
      std::size_t at = pos_;
      const char* what = describe(s_[pos_]);
      if (!value()) return diag_;
      pos_ = at;
      return fail(fmt::format("expected a JSON object, found {}", what));
    }
    if (!value()) return diag_;
    skip_space();
    if (pos_ < s_.size()) return fail(fmt::format("unexpected {} after the object", found()));
    return {};
  }

 private:
  enum Frame : char { kObject, kArray };

  static const char* describe(char c) {
    switch (c) {
      case '[':
        return "an array";
      case '"':
        return "a string";
      case 't':
      case 'f':
        return "a boolean";
      case 'n':
        return "null";
      default:
        return is_digit(c) || c == '-' ? "a number" : "something else";
    }
  }

  Diagnosis fail(std::string message) {
    diag_.column = pos_ + 1;
    diag_.message = std::move(message);
    return diag_;
  }
  bool error(std::string message) {
    fail(std::move(message));
    return false;
  }

  // What stands at pos_, quoted as a token, for messages.
  std::string found() const {
    if (pos_ >= s_.size()) return "the end of the line";
    unsigned char c = static_cast<unsigned char>(s_[pos_]);
    if (c < 0x20 || c >= 0x80) return fmt::format("byte 0x{:02X}", c);
    std::size_t end = pos_ + 1;
    if (!is_delim(s_[pos_]))
      while (end < s_.size() && end - pos_ < 20 && !is_delim(s_[end]) &&
             static_cast<unsigned char>(s_[end]) >= 0x20 &&
             static_cast<unsigned char>(s_[end]) < 0x80)
        ++end;
    return fmt::format("'{}'", s_.substr(pos_, end - pos_));
  }

  void skip_space() {
    while (pos_ < s_.size() && is_space(s_[pos_])) ++pos_;
  }

  // One value, containers included, iteratively.
  bool value() {
    std::vector<Frame> stack;
    for (;;) {
      skip_space();
      if (pos_ >= s_.size()) return error("expected a value, found the end of the line");
      char c = s_[pos_];
      bool scalar_done = false;
      if (c == '{' || c == '[') {
        if (stack.size() >= kMaxDepth)
          return error(fmt::format("nesting deeper than {} levels", kMaxDepth));
        stack.push_back(c == '{' ? kObject : kArray);
        ++pos_;
        skip_space();
        char close = c == '{' ? '}' : ']';
        if (pos_ < s_.size() && s_[pos_] == close) {
          ++pos_;
          stack.pop_back();
          scalar_done = true;
        } else if (c == '{') {
          if (!member_key()) return false;
          continue;
        } else {
          continue;
        }
      } else if (c == '"') {
        if (!string()) return false;
        scalar_done = true;
      } else if (c == '-' || is_digit(c)) {
        if (!number()) return false;
        scalar_done = true;
      } else if (literal("true") || literal("false") || literal("null")) {
        scalar_done = true;
      } else {
        return error(fmt::format("expected a value, found {}", found()));
      }
      // After a complete value: close containers or move to the next item.
      while (scalar_done) {
        if (stack.empty()) return true;
        skip_space();
        Frame top = stack.back();
        char close = top == kObject ? '}' : ']';
        if (pos_ < s_.size() && s_[pos_] == close) {
          ++pos_;
          stack.pop_back();
          continue;
        }
        if (pos_ < s_.size() && s_[pos_] == ',') {
          ++pos_;
          if (top == kObject && !member_key()) return false;
          break;
        }
        return error(fmt::format(
            "expected ',' or '{}' {}, found {}", close,
            top == kObject ? "after an object member" : "after an array element", found()));
      }
    }
  }

  bool member_key() {
    skip_space();
    if (pos_ >= s_.size() || s_[pos_] != '"')
      return error(fmt::format("expected a string key, found {}", found()));
    if (!string()) return false;
    skip_space();
    if (pos_ >= s_.size() || s_[pos_] != ':')
      return error(fmt::format("expected ':' after an object key, found {}", found()));
    ++pos_;
    return true;
  }

  bool literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return false;
    if (pos_ + word.size() < s_.size() && !is_delim(s_[pos_ + word.size()])) return false;
    pos_ += word.size();
    return true;
  }

  bool number() {
    std::size_t start = pos_;
    auto bad = [&] {
      pos_ = start;
      return error(fmt::format("invalid number {}", found()));
    };
    if (s_[pos_] == '-') ++pos_;
    if (pos_ >= s_.size() || !is_digit(s_[pos_])) return bad();
    std::size_t int_start = pos_;
    if (s_[pos_] == '0') {
      ++pos_;
    } else {
      while (pos_ < s_.size() && is_digit(s_[pos_])) ++pos_;
    }
    bool integer = true;
    std::size_t int_digits = pos_ - int_start;
    if (pos_ < s_.size() && s_[pos_] == '.') {
      integer = false;
      ++pos_;
      if (pos_ >= s_.size() || !is_digit(s_[pos_])) return bad();
      while (pos_ < s_.size() && is_digit(s_[pos_])) ++pos_;
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      integer = false;
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (pos_ >= s_.size() || !is_digit(s_[pos_])) return bad();
      while (pos_ < s_.size() && is_digit(s_[pos_])) ++pos_;
    }
    if (pos_ < s_.size() && !is_delim(s_[pos_])) return bad();
    // simdjson keeps integers in 64 bits and rejects wider ones, and so do we:
    // silently rounding them to a double would lose digits.
    if (integer && int_digits >= 19) {
      std::string_view digits = s_.substr(int_start, int_digits);
      bool negative = s_[start] == '-';
      std::string_view limit = negative ? "9223372036854775808" : "18446744073709551615";
      if (digits.size() > limit.size() || (digits.size() == limit.size() && digits > limit)) {
        std::string_view text = s_.substr(start, pos_ - start);
        pos_ = start;
        return error(fmt::format("integer {} does not fit in 64 bits", text));
      }
    }
    // simdjson refuses a number past a double's range (1e400) as it refuses
    // a wide integer; name it here rather than in simdjson's words.
    if (!integer) {
      std::string text(s_.substr(start, pos_ - start));
      if (std::isinf(std::strtod(text.c_str(), nullptr))) {
        pos_ = start;
        return error(fmt::format("number out of range ({}): a double holds at most 1.8e308", text));
      }
    }
    return true;
  }

  bool hex4(std::size_t at, unsigned& out) const {
    if (at + 4 > s_.size()) return false;
    out = 0;
    for (std::size_t i = at; i < at + 4; ++i) {
      char c = s_[i];
      unsigned d;
      if (is_digit(c))
        d = static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f')
        d = static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        d = static_cast<unsigned>(c - 'A' + 10);
      else
        return false;
      out = out * 16 + d;
    }
    return true;
  }

  bool string() {
    std::size_t open = pos_;
    ++pos_;
    while (pos_ < s_.size()) {
      unsigned char c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c == '\\') {
        if (pos_ + 1 >= s_.size()) break;
        char e = s_[pos_ + 1];
        if (e == 'u') {
          unsigned cp;
          if (!hex4(pos_ + 2, cp))
            return error("invalid \\u escape in string: expected four hex digits");
          if (cp >= 0xDC00 && cp <= 0xDFFF)
            return error("invalid \\u escape in string: lone low surrogate");
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            unsigned low;
            if (pos_ + 7 >= s_.size() || s_[pos_ + 6] != '\\' || s_[pos_ + 7] != 'u' ||
                !hex4(pos_ + 8, low) || low < 0xDC00 || low > 0xDFFF)
              return error("invalid \\u escape in string: high surrogate without its low half");
            pos_ += 12;
          } else {
            pos_ += 6;
          }
          continue;
        }
        if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' ||
            e == 't') {
          pos_ += 2;
          continue;
        }
        return error(fmt::format("invalid escape '\\{}' in string", printable(e)));
      }
      if (c < 0x20)
        return error(fmt::format("control character 0x{:02X} in string (escape it)", c));
      if (c < 0x80) {
        ++pos_;
        continue;
      }
      std::size_t n = utf8_length(pos_);
      if (n == 0) return error(fmt::format("invalid UTF-8 byte 0x{:02X} in string", c));
      pos_ += n;
    }
    pos_ = open;
    return error("unterminated string");
  }

  static std::string printable(char c) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7F) return fmt::format("\\x{:02X}", u);
    return std::string(1, c);
  }

  // Length of the well-formed UTF-8 sequence at `at` (RFC 3629: no overlongs,
  // no surrogates, nothing past U+10FFFF), or 0.
  std::size_t utf8_length(std::size_t at) const {
    auto byte = [&](std::size_t i) -> unsigned {
      return i < s_.size() ? static_cast<unsigned char>(s_[i]) : 0u;
    };
    unsigned b0 = byte(at), b1 = byte(at + 1), b2 = byte(at + 2), b3 = byte(at + 3);
    auto cont = [](unsigned b) { return (b & 0xC0) == 0x80; };
    if (b0 >= 0xC2 && b0 <= 0xDF) return cont(b1) ? 2 : 0;
    if (b0 >= 0xE0 && b0 <= 0xEF) {
      if (!cont(b1) || !cont(b2)) return 0;
      if (b0 == 0xE0 && b1 < 0xA0) return 0;
      if (b0 == 0xED && b1 >= 0xA0) return 0;
      return 3;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
      if (!cont(b1) || !cont(b2) || !cont(b3)) return 0;
      if (b0 == 0xF0 && b1 < 0x90) return 0;
      if (b0 == 0xF4 && b1 >= 0x90) return 0;
      return 4;
    }
    return 0;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  Diagnosis diag_;
};

}  // namespace

Diagnosis diagnose_json(std::string_view text) { return Checker(text).run(); }

}  // namespace socred::io
