// Hex text of 64-bit hashes.
#include "io/hash.hpp"

namespace socred::io {

std::string hex64(std::uint64_t value) {
  std::string text;
  append_hex64(text, value);
  return text;
}

void append_hex64(std::string& out, std::uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  char text[16];
  for (int i = 15; i >= 0; --i, value >>= 4) text[i] = kDigits[value & 15];
  out.append(text, 16);
}

}  // namespace socred::io
