// Escaping with a fast path (runs of plain bytes copied at once) and a
// scanner that trusts its input: only text simdjson has already validated
// reaches it, so it skips strings and nesting without checking them.
#include "gate/json_text.hpp"

#include <fmt/format.h>

#include <iterator>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace socred::gate {

namespace {

// The index of the first byte at or after `i` that JSON must escape
// (a control byte, '"' or '\\'), or `n`. Sixteen bytes at a time where
// SSE2 exists (every x86-64): decision lines are mostly text.
std::size_t plain_run(const char* p, std::size_t i, std::size_t n) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i last_control = _mm_set1_epi8(0x1f);
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    // c <= 0x1f (unsigned) exactly when max(c, 0x1f) == 0x1f.
    const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(v, last_control), last_control);
    const __m128i special =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)), control);
    if (const int mask = _mm_movemask_epi8(special))
      return i + static_cast<unsigned>(__builtin_ctz(mask));
  }
#endif
  for (; i < n; ++i) {
    const auto c = static_cast<unsigned char>(p[i]);
    if (c < 0x20 || c == '"' || c == '\\') return i;
  }
  return n;
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t start = 0;
  for (;;) {
    const std::size_t i = plain_run(s.data(), start, s.size());
    out.append(s.data() + start, i - start);
    if (i == s.size()) break;
    start = i + 1;
    const auto c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default: {
        const char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out.append(u, 6);
      }
    }
  }
  out += '"';
}

void append_integer(std::string& out, std::int64_t v) {
  fmt::format_to(std::back_inserter(out), "{}", v);
}

std::size_t skip_value(std::string_view text, std::size_t i) {
  if (i >= text.size()) return text.size();
  if (text[i] == '"') {
    for (++i; i < text.size(); ++i) {
      if (text[i] == '\\')
        ++i;
      else if (text[i] == '"')
        return i + 1;
    }
    return text.size();
  }
  if (text[i] == '{' || text[i] == '[') {
    int depth = 0;
    for (; i < text.size(); ++i) {
      const char c = text[i];
      if (c == '"') {
        i = skip_value(text, i) - 1;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        if (--depth == 0) return i + 1;
      }
    }
    return text.size();
  }
  // A number, true, false or null: up to the next delimiter.
  while (i < text.size() && text[i] != ',' && text[i] != '}' && text[i] != ']' && text[i] != ' ' &&
         text[i] != '\t' && text[i] != '\n' && text[i] != '\r')
    ++i;
  return i;
}

}  // namespace socred::gate
