// Damerau-Levenshtein distance: the fewest insertions, deletions,
// substitutions and transpositions of adjacent characters from one string
// to the other, the usual model of typing errors.
#pragma once

#include <cstddef>
#include <string_view>

namespace socred::io {

/// The unrestricted distance (Lowrance-Wagner): a substring may be edited
/// after a transposition, so "ca" -> "abc" is 2 (the restricted "optimal
/// string alignment" variant gives 3). Any distance above `limit` is
/// reported as limit + 1; lengths that differ by more skip the table.
std::size_t damerau_levenshtein(std::string_view a, std::string_view b,
                                std::size_t limit = static_cast<std::size_t>(-1) / 2);
std::size_t damerau_levenshtein(std::u32string_view a, std::u32string_view b,
                                std::size_t limit = static_cast<std::size_t>(-1) / 2);

}  // namespace socred::io
