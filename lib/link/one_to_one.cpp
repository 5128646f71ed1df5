// Greedy one-to-one assignment and best-partner selection.
#include "link/one_to_one.hpp"

#include <algorithm>
#include <unordered_set>

namespace socred::link {

std::vector<Link> one_to_one(std::vector<Link> links) {
  std::sort(links.begin(), links.end(), [](const Link& a, const Link& b) {
    if (a.weight != b.weight) return a.weight > b.weight;
    return a.left != b.left ? a.left < b.left : a.right < b.right;
  });
  std::unordered_set<std::uint32_t> left_taken, right_taken;
  std::vector<Link> kept;
  for (const Link& l : links) {
    if (left_taken.count(l.left) || right_taken.count(l.right)) continue;
    left_taken.insert(l.left);
    right_taken.insert(l.right);
    kept.push_back(l);
  }
  std::sort(kept.begin(), kept.end(), [](const Link& a, const Link& b) { return a.left < b.left; });
  return kept;
}

std::vector<Link> best_per_left(const std::vector<Link>& links) {
  std::vector<Link> out;
  for (const Link& l : links) {
    if (!out.empty() && out.back().left == l.left) {
      if (l.weight > out.back().weight) out.back() = l;
    } else {
      out.push_back(l);
    }
  }
  return out;
}

}  // namespace socred::link
