// Blocking keys: the same normalisation as comparisons, so that a rule on
// names agrees with what the name comparison calls exact.
#include "link/block_key.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

#include "io/error.hpp"
#include "link/comparison.hpp"
#include "link/field_value.hpp"
#include "link/normalise.hpp"

namespace socred::link {
namespace {

[[noreturn]] void usage(std::string_view text, const std::string& why) {
  throw Error(kExitUsage, fmt::format("invalid blocking rule '{}': {}", text, why));
}

// Splits at commas outside ["..."] brackets.
std::vector<std::string_view> split_parts(std::string_view text) {
  std::vector<std::string_view> out;
  bool in_bracket = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!in_bracket && text.compare(i, 2, "[\"") == 0) {
      in_bracket = true;
    } else if (in_bracket && text.compare(i, 2, "\"]") == 0) {
      in_bracket = false;
    } else if (!in_bracket && text[i] == ',') {
      out.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  out.push_back(text.substr(start));
  return out;
}

std::string first_chars(std::string_view utf8, std::size_t n) {
  std::size_t i = 0, chars = 0;
  while (i < utf8.size() && chars < n) {
    ++i;
    while (i < utf8.size() && (static_cast<unsigned char>(utf8[i]) & 0xC0) == 0x80) ++i;
    ++chars;
  }
  return std::string(utf8.substr(0, i));
}

std::optional<std::string> part_key(const KeyPart& part, simdjson::dom::element e) {
  std::string_view s;
  bool is_string = e.get_string().get(s) == simdjson::SUCCESS;
  if (part.transform == Transform::kYear) {
    double year = 0;
    if (e.is_number()) {
      if (e.get_double().get(year) != simdjson::SUCCESS || year != std::floor(year)) return {};
    } else if (is_string && s.size() >= 4) {
      for (std::size_t i = 0; i < 4; ++i)
        if (s[i] < '0' || s[i] > '9') return {};
      if (s.size() > 4 && s.size() != 8 && s[4] != '-' && s[4] != '/' && s[4] != '.') return {};
      year = std::atoi(std::string(s.substr(0, 4)).c_str());
    } else {
      return {};
    }
    return std::to_string(static_cast<long>(year));
  }
  std::string text;
  if (e.is_bool()) {
    text = simdjson::minify(e);
  } else if (!as_text(e, text)) {
    return {};
  }
  std::string norm = normalise(text);
  std::string key;
  switch (part.transform) {
    case Transform::kExact:
      key = squash(norm);
      break;
    case Transform::kFirst:
      key = first_chars(squash(norm), part.n);
      break;
    case Transform::kSoundex:
      key = soundex(norm);
      break;
    case Transform::kWords:
      key = sorted_words(norm);
      break;
    case Transform::kYear:
      break;
  }
  if (key.empty()) return {};
  return key;
}

}  // namespace

BlockingRule parse_blocking_rule(std::string_view text) {
  BlockingRule rule;
  rule.text = std::string(text);
  for (std::string_view item : split_parts(text)) {
    FieldSpec spec = split_field_spec(item);
    if (spec.left.empty() || spec.right.empty()) usage(text, "a field name is empty");
    KeyPart part;
    part.left = io::parse_path(spec.left);
    part.right = io::parse_path(spec.right);
    const std::string& t = spec.rest;
    if (t.empty() || t == "exact") {
      part.transform = Transform::kExact;
    } else if (t == "year") {
      part.transform = Transform::kYear;
    } else if (t == "soundex") {
      part.transform = Transform::kSoundex;
    } else if (t == "words") {
      part.transform = Transform::kWords;
    } else if (t.rfind("first", 0) == 0 && t.size() > 5 && t.size() < 9 &&
               t.find_first_not_of("0123456789", 5) == std::string::npos &&
               std::atoi(t.c_str() + 5) > 0) {
      part.transform = Transform::kFirst;
      part.n = static_cast<std::size_t>(std::atoi(t.c_str() + 5));
    } else {
      usage(text, fmt::format("unknown key '{}' (exact, firstN, year, soundex, words)", t));
    }
    rule.parts.push_back(std::move(part));
  }
  return rule;
}

std::optional<std::string> block_key(const BlockingRule& rule, simdjson::dom::object record,
                                     bool right) {
  std::string key;
  for (std::size_t i = 0; i < rule.parts.size(); ++i) {
    const KeyPart& part = rule.parts[i];
    auto e = io::lookup(record, right ? part.right : part.left);
    if (!e || e->is_null()) return {};
    auto k = part_key(part, *e);
    if (!k) return {};
    if (i > 0) key += '\x1f';
    key += *k;
  }
  return key;
}

std::string soundex(std::string_view text) {
  // Codes for a..z; '0' vowels and y, '-' for h and w (they do not separate
  // letters with the same code, as the American rule says).
  static constexpr std::string_view kCodes = "01230120022455012623010202";
  std::string out;
  char last = 0;
  for (char c : text) {
    if (c < 'a' || c > 'z') continue;
    char code = kCodes[static_cast<std::size_t>(c - 'a')];
    if (c == 'h' || c == 'w') code = '-';
    if (out.empty()) {
      out += static_cast<char>(c - 'a' + 'A');
      last = code;
      continue;
    }
    if (code == '-') continue;
    if (code != '0' && code != last) out += code;
    last = code;
    if (out.size() == 4) break;
  }
  if (out.empty()) return out;
  while (out.size() < 4) out += '0';
  return out;
}

}  // namespace socred::link
