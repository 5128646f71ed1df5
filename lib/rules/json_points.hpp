// Points read from a JSON line: a whole number from the DOM, a decimal from
// its text (the DOM keeps no digits, and a double holds only 53 bits), so
// every value score writes reads back exactly, in any tool.
#pragma once

#include <simdjson.h>

#include <cmath>
#include <optional>

#include "rules/milli.hpp"

namespace socred::rules {

/// `value` in thousandths; `text()` gives the value's JSON text and is
/// called only for a decimal. nullopt when `value` is not a number or its
/// thousandths do not fit 64 bits.
template <typename Text>
std::optional<Milli> json_points(simdjson::dom::element value, Text&& text) {
  using simdjson::dom::element_type;
  switch (value.type()) {
    case element_type::INT64: {
      Milli milli;
      if (__builtin_mul_overflow(value.get_int64().value_unsafe(), kMilliPerPoint, &milli))
        return std::nullopt;
      return milli;
    }
    case element_type::DOUBLE: {
      // Below 2^33 the double is within 0.002 thousandths of the digits it
      // was read from (half an ulp, then the product's rounding): when it
      // lies within 0.25 of a whole number of thousandths, that number is
      // the digits' own, rounded once. Only the rest need their text (most
      // points are 12.5 or 0.125, so most lines never look at it).
      const double v = value.get_double().value_unsafe();
      if (std::fabs(v) < 0x1p33) {
        const double milli = v * kMilliPerPoint;
        const auto whole = static_cast<Milli>(milli < 0 ? milli - 0.5 : milli + 0.5);  // nearest
        if (std::fabs(milli - static_cast<double>(whole)) < 0.25) return whole;
      }
      return parse_json_milli(text());
    }
    default:  // not a number, or an integer past int64 (past it in thousandths too)
      return std::nullopt;
  }
}

}  // namespace socred::rules
