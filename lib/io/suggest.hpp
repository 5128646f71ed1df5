// "Did you mean": the known name nearest to a misspelt one, for the
// messages about unknown options (and, later, field names).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace socred::io {

/// The one candidate that `word` (3 characters or more) is the beginning
/// of; else the candidate nearest to `word` in Damerau-Levenshtein distance,
/// if it is near enough to be a slip of the keyboard: 1 edit in a word of
/// up to 4 characters, 2 up to 8, 3 beyond. Ties go to the earlier
/// candidate; empty when none is near.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace socred::io
