// What one field comparison is: the fields on each side, the kind of
// comparison, and the agreement levels it sorts a pair into.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "io/json_path.hpp"

namespace socred::link {

enum class Kind {
  kName,                // names: exact, words reordered, Jaro-Winkler 0.92 / 0.88 / 0.70
  kText,                // other text: exact, Damerau-Levenshtein 1 / 2, Jaro-Winkler 0.80
  kExact,               // equal after normalisation, or not
  kDate,                // exact, day and month swapped, one typo, year-month, year
  kYear,                // the year of a number or a date: exact, within N years
  kNumber,              // exact, within each tolerance
  kJaroWinkler,         // jw(T1,T2...): exact, then similarity >= each T
  kDamerauLevenshtein,  // dl(D1,D2...): exact, then distance <= each D
};

/// The level every comparison reserves for a missing value on either side:
/// missing is not disagreement, so this level weighs nothing.
inline constexpr int kNullLevel = 0;
/// Comparisons are packed 4 bits each into one 64-bit pattern.
inline constexpr std::size_t kMaxLevels = 15;
inline constexpr std::size_t kMaxComparisons = 16;

struct Comparison {
  std::string name;  // key in the output's "fields" (the left field's path)
  io::Path left, right;
  Kind kind = Kind::kText;
  std::vector<double> thresholds;   // similarities, distances or tolerances
  bool percent = false;             // number tolerances are relative
  bool term_frequency = false;      // exact agreement weighs by the value's rarity
  std::string method;               // "name", "jw(0.9,0.8)"... as the model file writes it
  std::vector<std::string> levels;  // labels, levels[0] == "null"
};

/// Parses "FIELD[:METHOD]" or "LEFT=RIGHT[:METHOD]", METHOD one of name,
/// text, exact, date, year[(N)], number(T[,T...]) (T may end in %),
/// jw(S[,S...]), dl(D[,D...]); a usage error (status 2) on bad text.
Comparison parse_comparison(std::string_view text);

/// Builds the method part (kind, thresholds, labels) from "name", "jw(0.9)"...
void set_method(Comparison& c, std::string_view method);

/// Splits "LEFT=RIGHT:REST" at the '=' and the last ':' outside ["..."]
/// brackets; the parts not present come back empty.
struct FieldSpec {
  std::string left, right, rest;
};
FieldSpec split_field_spec(std::string_view text);

}  // namespace socred::link
