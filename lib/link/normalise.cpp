// Text normalisation for linkage. Unicode's own folding does the work
// (utf8proc: NFKC, case folding, marks stripped), so that every script is
// folded alike: ДМИТРИЙ is дмитрии, Ὀδυσσεύς is οδυσσευσ, Nguyễn is nguyen.
// What Unicode does not decompose but a reader of names takes for a plain
// letter (ø, ł, đ, æ...) is folded on top, and what names written in Chinese
// need is kept: pinyin tone marks and ü fall with the marks, Han stays, the
// apostrophe of xi'an joins its syllables, and the middle dot of a
// transcribed name (阿卜杜·热合曼) separates words.
#include "link/normalise.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <vector>

#include "io/utf8.hpp"

namespace socred::link {
namespace {

// Letters with a stroke or of their own that Unicode does not decompose to a
// base letter, taken as that letter (before case folding, so both cases).
utf8proc_int32_t plain_letter(utf8proc_int32_t cp, void* /*data*/) {
  switch (cp) {
    case 0xD0:
    case 0xF0:
    case 0x110:
    case 0x111:
    case 0x189:
    case 0x256:
      return 'd';  // ð đ ɖ (Vietnamese đ, Icelandic ð)
    case 0xD8:
    case 0xF8:
    case 0x1FE:
    case 0x1FF:
      return 'o';  // ø
    case 0x126:
    case 0x127:
      return 'h';  // ħ
    case 0x131:
      return 'i';  // dotless ı (Turkish)
    case 0x138:
      return 'k';  // ĸ
    case 0x13F:
    case 0x140:
    case 0x141:
    case 0x142:
      return 'l';  // ŀ ł
    case 0x14A:
    case 0x14B:
      return 'n';  // ŋ
    case 0x166:
    case 0x167:
      return 't';  // ŧ
    case 0x180:
    case 0x243:
      return 'b';  // ƀ
    default:
      return cp;
  }
}

// After folding: letters written as two (ß has become ss by case folding).
const char* two_letters(char32_t cp) {
  switch (cp) {
    case 0xE6:
      return "ae";
    case 0x153:
      return "oe";
    case 0xFE:
      return "th";
    default:
      return nullptr;
  }
}

bool apostrophe(char32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x02B9;
}

// Punctuation, symbols, separators and controls end a word; letters, marks
// and digits of any script (and code points Unicode has not assigned) are
// kept.
bool separator(char32_t cp) {
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO:
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
      return true;
    default:
      return false;
  }
}

class Words {
 public:
  explicit Words(std::size_t size) { out_.reserve(size); }
  void letter(std::string_view s) {
    if (pending_space_ && !out_.empty()) out_ += ' ';
    pending_space_ = false;
    out_ += s;
  }
  void space() { pending_space_ = true; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  bool pending_space_ = false;
};

// ASCII, the common case, needs no Unicode tables.
void fold_ascii(char c, Words& words) {
  if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
    words.letter(std::string_view(&c, 1));
  else if (c != '\'')
    words.space();
}

struct Freed {
  void operator()(utf8proc_uint8_t* p) const { std::free(p); }
};

}  // namespace

std::string normalise(std::string_view text) {
  Words words(text.size());
  if (is_ascii(text)) {
    for (char c : text) fold_ascii(c, words);
    return words.take();
  }
  constexpr auto kOptions =
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                     UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t n = utf8proc_map_custom(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
      static_cast<utf8proc_ssize_t>(text.size()), &mapped, kOptions, plain_letter, nullptr);
  std::unique_ptr<utf8proc_uint8_t, Freed> owner(mapped);
  // Only text that is not UTF-8 fails, and parsed JSON strings always are;
  // such bytes are then kept as they are rather than lost.
  const std::string_view folded =
      n >= 0 ? std::string_view(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n))
             : text;
  std::size_t i = 0;
  while (i < folded.size()) {
    const std::size_t start = i;
    const char32_t cp = io::decode_utf8(folded, i);
    if (cp < 0x80) {
      fold_ascii(static_cast<char>(cp), words);
    } else if (apostrophe(cp)) {
      continue;
    } else if (const char* two = two_letters(cp)) {
      words.letter(two);
    } else if (separator(cp)) {
      words.space();
    } else {
      words.letter(folded.substr(start, i - start));
    }
  }
  return words.take();
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

}  // namespace socred::link
