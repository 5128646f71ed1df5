// Hex text of 64-bit hashes (fixed width, so ids sort and align).
#include "gate/hash.hpp"

namespace socred::gate {

std::string hex64(std::uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) text[static_cast<std::size_t>(i)] = kDigits[value & 15];
  return text;
}

}  // namespace socred::gate
