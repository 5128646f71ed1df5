// A scanner that trusts its input: only text simdjson has validated reaches
// it, so it tracks strings and nesting to find where each value ends and
// checks nothing else.
#include "io/raw_json.hpp"

#include "io/utf8.hpp"

namespace socred::io {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// `i` at the opening quote; the index just past the closing one.
std::size_t skip_string(std::string_view t, std::size_t i) {
  for (++i; i < t.size(); ++i) {
    if (t[i] == '\\')
      ++i;
    else if (t[i] == '"')
      return i + 1;
  }
  return t.size();
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The four hex digits at `i`, or -1.
long hex4(std::string_view t, std::size_t i) {
  if (i + 4 > t.size()) return -1;
  long v = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    const int d = hex_digit(t[i + k]);
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

}  // namespace

bool key_equals(std::string_view written, std::string_view name) {
  if (written.find('\\') == std::string_view::npos) return written == name;
  std::size_t j = 0;  // in name
  for (std::size_t i = 0; i < written.size();) {
    char bytes[4];
    std::size_t n = 1;
    if (written[i] != '\\') {
      bytes[0] = written[i++];
    } else if (i + 1 >= written.size()) {
      return false;
    } else {
      const char e = written[i + 1];
      i += 2;
      switch (e) {
        case 'b':
          bytes[0] = '\b';
          break;
        case 'f':
          bytes[0] = '\f';
          break;
        case 'n':
          bytes[0] = '\n';
          break;
        case 'r':
          bytes[0] = '\r';
          break;
        case 't':
          bytes[0] = '\t';
          break;
        case 'u': {
          long c = hex4(written, i);
          if (c < 0) return false;
          i += 4;
          // A high surrogate and its low half make one code point.
          if (c >= 0xD800 && c <= 0xDBFF && i + 1 < written.size() && written[i] == '\\' &&
              written[i + 1] == 'u') {
            const long low = hex4(written, i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
              c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              i += 6;
            }
          }
          n = encode_utf8(static_cast<char32_t>(c), bytes);
          break;
        }
        default:  // \" \\ \/
          bytes[0] = e;
      }
    }
    if (j + n > name.size() || name.compare(j, n, std::string_view(bytes, n)) != 0) return false;
    j += n;
  }
  return j == name.size();
}

bool RawMember::is(std::string_view name) const { return key_equals(inner_key(), name); }

std::size_t skip_value(std::string_view text, std::size_t i) {
  if (i >= text.size()) return text.size();
  if (text[i] == '"') return skip_string(text, i);
  if (text[i] == '{' || text[i] == '[') {
    int depth = 0;
    while (i < text.size()) {
      const char c = text[i];
      if (c == '"') {
        i = skip_string(text, i);
        continue;
      }
      if (c == '{' || c == '[') ++depth;
      if ((c == '}' || c == ']') && --depth == 0) return i + 1;
      ++i;
    }
    return text.size();
  }
  // A number, true, false or null: up to the next delimiter.
  while (i < text.size() && text[i] != ',' && text[i] != '}' && text[i] != ']' &&
         !is_space(text[i]))
    ++i;
  return i;
}

void scan_members(std::string_view object, std::vector<RawMember>& out) {
  out.clear();
  for_each_member(object, [&](const RawMember& m) { out.push_back(m); });
}

std::optional<std::string_view> member_value(std::string_view object, std::string_view name) {
  std::optional<std::string_view> found;
  for_each_member(object, [&](const RawMember& m) {
    if (m.is(name)) found = m.value;
  });
  return found;
}

std::uint64_t value_column(std::string_view object, std::string_view name) {
  auto value = member_value(object, name);
  return value ? static_cast<std::uint64_t>(value->data() - object.data()) + 1 : 0;
}

std::string_view object_head(std::string_view text) {
  std::size_t end = text.size();
  while (end > 0 && is_space(text[end - 1])) --end;
  if (end > 0 && text[end - 1] == '}') --end;
  return text.substr(0, end);
}

bool head_is_empty(std::string_view head) {
  std::size_t end = head.size();
  while (end > 0 && is_space(head[end - 1])) --end;
  return end > 0 && head[end - 1] == '{';
}

}  // namespace socred::io
