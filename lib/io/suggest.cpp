// Nearest-name suggestions, bounded so that an unrelated word suggests
// nothing rather than whatever happens to be least far.
#include "io/suggest.hpp"

#include "io/damerau_levenshtein.hpp"

namespace socred::io {

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const std::size_t limit = word.size() <= 4 ? 1 : word.size() <= 8 ? 2 : 3;
  std::string best;
  std::size_t best_distance = limit + 1;
  // A beginning of exactly one name is that name ("--popul").
  std::size_t starts = 0;
  for (const std::string& c : candidates)
    if (word.size() >= 3 && c.size() > word.size() && c.compare(0, word.size(), word) == 0 &&
        ++starts == 1)
      best = c;
  if (starts == 1) return best;
  best.clear();
  for (const std::string& c : candidates) {
    std::size_t d = damerau_levenshtein(word, c, limit);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

}  // namespace socred::io
