// Jaro and Jaro-Winkler similarity of two strings (1 = equal, 0 = nothing
// in common), the usual measure for personal names.
#pragma once

#include <string_view>

namespace socred::link {

/// Jaro similarity over the characters given (bytes, or code points).
double jaro(std::string_view a, std::string_view b);
double jaro(std::u32string_view a, std::u32string_view b);

/// Jaro-Winkler: Jaro raised for a common prefix of up to 4 characters by
/// 0.1 a character, applied only when Jaro exceeds 0.7 (Winkler's rule).
/// MARTHA / MARHTA gives 0.9611. Two empty strings give 1, one empty 0.
double jaro_winkler(std::string_view a, std::string_view b);
double jaro_winkler(std::u32string_view a, std::u32string_view b);

}  // namespace socred::link
