// Blocking rules and the keys they give a record: two records are compared
// only when they share the key of at least one rule.
#pragma once

#include <simdjson.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/json_path.hpp"

namespace socred::link {

enum class Transform {
  kExact,    // the normalised value without spaces
  kFirst,    // its first N characters
  kYear,     // the year of a date or a number
  kSoundex,  // Soundex code of its letters (Latin only)
  kWords,    // its words sorted ("fang wang" = "wang fang")
};

struct KeyPart {
  io::Path left, right;
  Transform transform = Transform::kExact;
  std::size_t n = 0;  // for kFirst
};

struct BlockingRule {
  std::vector<KeyPart> parts;  // all must agree (AND); rules are OR-ed
  std::string text;            // as written, for messages and the model file
};

/// Parses "PART[,PART...]", each PART "FIELD[:T]" or "LEFT=RIGHT[:T]" with T
/// one of exact, firstN (first3...), year, soundex, words; status 2 on bad text.
BlockingRule parse_blocking_rule(std::string_view text);

/// The record's key under `rule` (its parts joined by U+001F), or nothing
/// when a part is missing, null, empty, or not a scalar. `right` picks the
/// field names of the right side.
std::optional<std::string> block_key(const BlockingRule& rule, simdjson::dom::object record,
                                     bool right);

/// American Soundex of the Latin letters of `text` ("robert" -> "R163"),
/// empty when it has none.
std::string soundex(std::string_view text);

}  // namespace socred::link
