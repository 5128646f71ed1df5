// Text normalisation for linkage. Folding is by table rather than by Unicode
// decomposition: the names we meet are Latin with accents, pinyin with tone
// marks, and Han, and a table keeps this free of a Unicode library.
#include "link/normalise.hpp"

#include <algorithm>
#include <vector>

namespace socred::link {
namespace {

// Decodes one code point of valid UTF-8 at text[i], advancing i.
char32_t decode(std::string_view text, std::size_t& i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) {
    ++i;
    return c;
  }
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  char32_t cp = c & (0x3F >> extra);
  ++i;
  for (int k = 0; k < extra && i < text.size(); ++k, ++i) cp = (cp << 6) | (byte(i) & 0x3F);
  return cp;
}

void encode(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Base letters of U+00C0..U+017F (Latin-1 and Latin Extended-A), made from
// Unicode's decompositions; '*' marks a two-letter fold (see below), ' ' the
// two symbols in the range (multiplication and division signs).
constexpr std::string_view kLatin =
    "aaaaaa*ceeeeiiiidnooooo ouuuuy**aaaaaa*ceeeeiiiidnooooo ouuuuy*y"
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkklllllllll"
    "lnnnnnnnnnoooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

const char* two_letter_fold(char32_t cp) {
  switch (cp) {
    case 0xC6:
    case 0xE6:
      return "ae";
    case 0xDE:
    case 0xFE:
      return "th";
    case 0xDF:
      return "ss";
    case 0x132:
    case 0x133:
      return "ij";
    case 0x152:
    case 0x153:
      return "oe";
    default:
      return nullptr;
  }
}

}  // namespace

std::string normalise(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  auto letter = [&](std::string_view s) {
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += s;
  };
  std::size_t i = 0;
  std::string utf8;
  while (i < text.size()) {
    char32_t cp = decode(text, i);
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFF01 - 0x21;  // fullwidth forms
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        letter(std::string_view(&c, 1));
      } else if (c != '\'') {
        pending_space = true;  // spaces, hyphens, dots, commas...
      }
      continue;
    }
    if (cp == 0x2019 || cp == 0x02BC || cp == 0x2018) continue;  // apostrophes
    if ((cp >= 0x0300 && cp <= 0x036F)) continue;                // combining marks
    if (cp >= 0xC0 && cp <= 0x17F) {
      char base = kLatin[cp - 0xC0];
      if (base == '*') {
        letter(two_letter_fold(cp));
      } else if (base == ' ') {
        pending_space = true;
      } else {
        letter(std::string_view(&base, 1));
      }
      continue;
    }
    if (cp >= 0x1CD && cp <= 0x1DC) {  // pinyin third tone and ü with tones
      static constexpr char kPinyin[] = "aaiioouuuuuuuuuu";
      letter(std::string_view(&kPinyin[cp - 0x1CD], 1));
      continue;
    }
    if (cp == 0xA0 || cp == 0x3000 || cp == 0xB7 || cp == 0x30FB ||
        (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3001 && cp <= 0x3003) ||
        (cp >= 0xFF00 && cp <= 0xFF0F)) {
      pending_space = true;  // no-break, ideographic and general punctuation
      continue;
    }
    utf8.clear();
    encode(cp, utf8);
    letter(utf8);
  }
  return out;
}

std::string squash(std::string_view normalised) {
  std::string out;
  out.reserve(normalised.size());
  for (char c : normalised)
    if (c != ' ') out += c;
  return out;
}

std::string sorted_words(std::string_view normalised, std::string_view separator) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start < normalised.size()) {
    std::size_t end = normalised.find(' ', start);
    if (end == std::string_view::npos) end = normalised.size();
    if (end > start) words.push_back(normalised.substr(start, end - start));
    start = end + 1;
  }
  std::sort(words.begin(), words.end());
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += separator;
    out += words[i];
  }
  return out;
}

bool is_ascii(std::string_view text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

void to_code_points(std::string_view utf8, std::u32string& out) {
  out.clear();
  std::size_t i = 0;
  while (i < utf8.size()) out += decode(utf8, i);
}

}  // namespace socred::link
