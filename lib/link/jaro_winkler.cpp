// Jaro-Winkler as Winkler (1990) defines it: matches within a window of
// max(len)/2 - 1, half the out-of-order matches count as transpositions.
#include "link/jaro_winkler.hpp"

#include <algorithm>
#include <memory>

namespace socred::link {
namespace {

template <typename Char>
double jaro_of(std::basic_string_view<Char> a, std::basic_string_view<Char> b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  const std::size_t window = std::max<std::size_t>(std::max(a.size(), b.size()) / 2, 1) - 1;
  // Names are short: flags live on the stack; long text falls back to heap.
  constexpr std::size_t kStack = 64;
  bool a_stack[kStack] = {}, b_stack[kStack] = {};
  bool* a_flag = a_stack;
  bool* b_flag = b_stack;
  std::unique_ptr<bool[]> a_big, b_big;
  if (a.size() > kStack || b.size() > kStack) {
    a_big.reset(new bool[a.size()]());
    b_big.reset(new bool[b.size()]());
    a_flag = a_big.get();
    b_flag = b_big.get();
  }
  std::size_t matches = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    std::size_t lo = i > window ? i - window : 0;
    std::size_t hi = std::min(i + window + 1, b.size());
    for (std::size_t j = lo; j < hi; ++j) {
      if (!b_flag[j] && a[i] == b[j]) {
        a_flag[i] = b_flag[j] = true;
        ++matches;
        break;
      }
    }
  }
  if (matches == 0) return 0.0;
  std::size_t half_transpositions = 0;
  for (std::size_t i = 0, j = 0; i < a.size(); ++i) {
    if (!a_flag[i]) continue;
    while (!b_flag[j]) ++j;
    if (a[i] != b[j]) ++half_transpositions;
    ++j;
  }
  const double m = static_cast<double>(matches);
  const double t = static_cast<double>(half_transpositions / 2);
  return (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) + (m - t) / m) /
         3.0;
}

template <typename Char>
double jaro_winkler_of(std::basic_string_view<Char> a, std::basic_string_view<Char> b) {
  double j = jaro_of(a, b);
  if (j <= 0.7) return j;
  std::size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  return j + static_cast<double>(prefix) * 0.1 * (1.0 - j);
}

}  // namespace

double jaro(std::string_view a, std::string_view b) { return jaro_of(a, b); }
double jaro(std::u32string_view a, std::u32string_view b) { return jaro_of(a, b); }
double jaro_winkler(std::string_view a, std::string_view b) { return jaro_winkler_of(a, b); }
double jaro_winkler(std::u32string_view a, std::u32string_view b) { return jaro_winkler_of(a, b); }

}  // namespace socred::link
