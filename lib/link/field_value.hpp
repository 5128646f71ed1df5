// A field's value prepared once per record in the form its comparison needs
// (normalised text, date digits, a year, a number), so that comparing a pair
// does no parsing.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "link/comparison.hpp"

namespace socred::link {

/// Bytes of one side's prepared text, shared by all its values.
struct Arena {
  std::string bytes;
  /// Appends `text`; offsets are 32-bit, so past 4 GiB this is an Error.
  std::uint32_t add(std::string_view text);
  std::string_view view(std::uint32_t offset, std::uint32_t length) const {
    return std::string_view(bytes).substr(offset, length);
  }
};

struct Value {
  std::uint32_t offset = 0, length = 0;    // main text in the arena
  std::uint32_t offset2 = 0, length2 = 0;  // names of several words: sorted, spaced
  double number = 0;                       // year, number, date as yyyymmdd
  std::uint32_t count = 0;                 // records holding this text (term frequency)
  bool present = false;
  bool ascii = true;
};

enum class Prepared { kPresent, kMissing, kUnusable, kNotADay };

/// Prepares `element` for comparison `c`. kMissing: null, or text that is
/// empty after normalisation. kUnusable: a value of the wrong shape (an
/// object where a name is due, a date that is not one); kNotADay: a date's
/// shape naming no day (1980-02-30), unusable too; `out` stays absent.
Prepared prepare(const Comparison& c, simdjson::dom::element element, Arena& arena, Value& out);

/// The text a string or a number stands for when compared or blocked on as
/// text: a string as it is, a number by its value (4011, 4011.0 and 4.011e3
/// are "4011"); false for other JSON values.
bool as_text(simdjson::dom::element e, std::string& out);

/// The text a value was reduced to, for messages and --values.
std::string_view text_of(const Value& v, const Arena& arena);

}  // namespace socred::link
