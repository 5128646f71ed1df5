// Both escapers copy runs of plain bytes at once and stop only where a byte
// needs a look: JSON strings sixteen bytes at a time where SSE2 exists
// (every x86-64), as most text needs no escape at all.
#include "io/json_text.hpp"

#include <cstdint>
#include <iterator>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace socred::io {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void put(std::string& out, const char* p, std::size_t n) { out.append(p, n); }
void put(fmt::memory_buffer& out, const char* p, std::size_t n) { out.append(p, p + n); }

// The index of the first byte at or after `i` that JSON must escape (a
// control byte, '"' or '\\'), or `n`.
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

// The escape of a control byte (below 0x20): JSON's short form where it has
// one, \u00XX otherwise.
template <typename Out>
void put_control(Out& out, unsigned char c) {
  switch (c) {
    case '\n':
      put(out, "\\n", 2);
      return;
    case '\r':
      put(out, "\\r", 2);
      return;
    case '\t':
      put(out, "\\t", 2);
      return;
    case '\b':
      put(out, "\\b", 2);
      return;
    case '\f':
      put(out, "\\f", 2);
      return;
    default: {
      const char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
      put(out, u, 6);
    }
  }
}

template <typename Out>
void escape(Out& out, std::string_view s) {
  out.push_back('"');
  std::size_t start = 0;
  for (;;) {
    const std::size_t i = plain_run(s.data(), start, s.size());
    put(out, s.data() + start, i - start);
    if (i == s.size()) break;
    start = i + 1;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '"')
      put(out, "\\\"", 2);
    else if (c == '\\')
      put(out, "\\\\", 2);
    else
      put_control(out, c);
  }
  out.push_back('"');
}

// \uXXXX for a code point below U+10000.
void put_u(std::string& out, std::uint32_t code) {
  char u[6] = {'\\', 'u'};
  for (int k = 0; k < 4; ++k) u[2 + k] = kHex[code >> (12 - 4 * k) & 15];
  out.append(u, 6);
}

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The length of the valid UTF-8 sequence at `i` (1 to 4), or 0 when the
// byte there starts none: overlong forms, surrogates and code points past
// U+10FFFF are not valid (RFC 3629).
std::size_t sequence_length(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const std::size_t left = s.size() - i;
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return left >= 2 && continuation(b(1)) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (left < 3 || !continuation(b(1)) || !continuation(b(2))) return 0;
    if (c == 0xE0 && b(1) < 0xA0) return 0;  // overlong
    if (c == 0xED && b(1) > 0x9F) return 0;  // a surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (left < 4 || !continuation(b(1)) || !continuation(b(2)) || !continuation(b(3))) return 0;
    if (c == 0xF0 && b(1) < 0x90) return 0;  // overlong
    if (c == 0xF4 && b(1) > 0x8F) return 0;  // past U+10FFFF
    return 4;
  }
  return 0;
}

// True for the code points that act on a terminal's or a bidirectional
// renderer's state rather than show: C1 controls and the direction marks,
// embeddings, overrides and isolates.
bool acts(std::uint32_t code) {
  return (code >= 0x80 && code <= 0x9F) || code == 0x200E || code == 0x200F ||
         (code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069);
}

std::uint32_t decode(std::string_view s, std::size_t i, std::size_t length) {
  const auto b = [&](std::size_t k) { return static_cast<std::uint32_t>(s[i + k]) & 0xFF; };
  switch (length) {
    case 2:
      return (b(0) & 0x1F) << 6 | (b(1) & 0x3F);
    case 3:
      return (b(0) & 0x0F) << 12 | (b(1) & 0x3F) << 6 | (b(2) & 0x3F);
    default:
      return (b(0) & 0x07) << 18 | (b(1) & 0x3F) << 12 | (b(2) & 0x3F) << 6 | (b(3) & 0x3F);
  }
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) { escape(out, s); }
void append_json_string(fmt::memory_buffer& out, std::string_view s) { escape(out, s); }

std::string json_string(std::string_view s) {
  std::string out;
  escape(out, s);
  return out;
}

void append_json_integer(std::string& out, std::int64_t v) {
  fmt::format_to(std::back_inserter(out), "{}", v);
}

void append_visible(std::string& out, std::string_view s) {
  std::size_t start = 0, i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n') {
      ++i;
      continue;
    }
    const std::size_t length = sequence_length(s, i);
    const std::uint32_t code = length > 1 ? decode(s, i, length) : c;
    if (length > 1 && !acts(code)) {
      i += length;
      continue;
    }
    out.append(s.data() + start, i - start);
    if (length == 0) {
      const char x[4] = {'\\', 'x', kHex[c >> 4], kHex[c & 15]};
      out.append(x, 4);
      i += 1;
    } else if (code < 0x20) {
      put_control(out, static_cast<unsigned char>(code));
      i += 1;
    } else {
      put_u(out, code);
      i += length;
    }
    start = i;
  }
  out.append(s.data() + start, s.size() - start);
}

std::string visible(std::string_view s) {
  std::string out;
  append_visible(out, s);
  return out;
}

}  // namespace socred::io
