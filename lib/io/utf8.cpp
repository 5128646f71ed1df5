// Decoding is lenient (see decode_utf8) because its callers measure or
// compare text that simdjson has already validated, or print text that may
// not be valid and must still show every byte.
#include "io/utf8.hpp"

namespace socred::io {

std::size_t encode_utf8(char32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

void append_utf8(std::string& out, char32_t cp) {
  char bytes[4];
  out.append(bytes, encode_utf8(cp, bytes));
}

char32_t decode_utf8(std::string_view text, std::size_t& i) {
  const auto c = static_cast<unsigned char>(text[i]);
  const std::size_t len = c < 0x80           ? 1
                          : (c >> 5) == 0x6  ? 2
                          : (c >> 4) == 0xE  ? 3
                          : (c >> 3) == 0x1E ? 4
                                             : 1;
  if (len == 1 || i + len > text.size()) {
    ++i;
    return c;
  }
  char32_t cp = c & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) {
    const auto next = static_cast<unsigned char>(text[i + k]);
    if ((next & 0xC0) != 0x80) {
      ++i;
      return c;
    }
    cp = (cp << 6) | (next & 0x3F);
  }
  i += len;
  return cp;
}

void to_code_points(std::string_view utf8, std::u32string& out) {
  out.clear();
  std::size_t i = 0;
  while (i < utf8.size()) out += decode_utf8(utf8, i);
}

}  // namespace socred::io
