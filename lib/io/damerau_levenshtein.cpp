// Lowrance and Wagner's algorithm (1975) for the unrestricted
// Damerau-Levenshtein distance, O(|a| |b|) time and space.
#include "io/damerau_levenshtein.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace socred::io {
namespace {

// Last row where each character was seen in `a`: a flat table for bytes, a
// short list for code points (names use few distinct characters).
class LastRow {
 public:
  std::size_t get(unsigned char c) const { return bytes_[c]; }
  void set(unsigned char c, std::size_t row) { bytes_[c] = row; }
  std::size_t get(char32_t c) const {
    for (const auto& [ch, row] : points_)
      if (ch == c) return row;
    return 0;
  }
  void set(char32_t c, std::size_t row) {
    for (auto& [ch, r] : points_)
      if (ch == c) {
        r = row;
        return;
      }
    points_.emplace_back(c, row);
  }

 private:
  std::size_t bytes_[256] = {};
  std::vector<std::pair<char32_t, std::size_t>> points_;
};

template <typename Char, typename Key>
std::size_t distance(std::basic_string_view<Char> a, std::basic_string_view<Char> b,
                     std::size_t limit) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  if (n == 0 || m == 0) return std::min(std::max(n, m), limit + 1);
  const std::size_t inf = n + m;
  const std::size_t width = m + 2;
  // d is (n + 2) x (m + 2) with a border row and column of `inf`, so that a
  // transposition can look two rows and columns back without bounds checks.
  // Every cell is written before it is read (borders first), so the table
  // is only grown, never cleared: clearing cost more than the distance.
  thread_local std::vector<std::size_t> d;
  if (d.size() < (n + 2) * width) d.resize((n + 2) * width);
  auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * width + j]; };
  at(0, 0) = inf;
  for (std::size_t i = 0; i <= n; ++i) {
    at(i + 1, 0) = inf;
    at(i + 1, 1) = i;
  }
  for (std::size_t j = 0; j <= m; ++j) {
    at(0, j + 1) = inf;
    at(1, j + 1) = j;
  }
  LastRow last_row;
  for (std::size_t i = 1; i <= n; ++i) {
    std::size_t last_col = 0;  // last column in this row where a[i] matched
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t k = last_row.get(static_cast<Key>(b[j - 1]));
      const std::size_t l = last_col;
      std::size_t cost = 1;
      if (a[i - 1] == b[j - 1]) {
        cost = 0;
        last_col = j;
      }
      std::size_t v = std::min({at(i, j) + cost, at(i + 1, j) + 1, at(i, j + 1) + 1,
                                at(k, l) + (i - k - 1) + 1 + (j - l - 1)});
      at(i + 1, j + 1) = v;
    }
    last_row.set(static_cast<Key>(a[i - 1]), i);
  }
  return std::min(at(n + 1, m + 1), limit + 1);
}

}  // namespace

std::size_t damerau_levenshtein(std::string_view a, std::string_view b, std::size_t limit) {
  return distance<char, unsigned char>(a, b, limit);
}

std::size_t damerau_levenshtein(std::u32string_view a, std::u32string_view b, std::size_t limit) {
  return distance<char32_t, char32_t>(a, b, limit);
}

}  // namespace socred::io
