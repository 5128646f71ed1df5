// Pool adjacent violators over ratios: each block carries its sums of m and
// u, and a block whose ratio exceeds the one before it merges into it,
// until the ratios never rise.
#include "link/ordered_levels.hpp"

#include <cmath>

namespace socred::link {

std::vector<Pooled> order_levels(Model& model) {
  std::vector<Pooled> pooled;
  for (std::size_t c = 0; c < model.comparisons.size(); ++c) {
    std::vector<double>& m = model.m[c];
    const std::vector<double>& u = model.u[c];
    struct Block {
      double m = 0, u = 0;
      std::vector<std::size_t> levels;
      double ratio() const { return m / u; }
    };
    bool unbounded = false;  // trained models floor u; one from elsewhere might not
    for (std::size_t l = 1; l < m.size(); ++l) unbounded = unbounded || (m[l] > 0 && u[l] <= 0);
    if (unbounded) continue;
    std::vector<Block> blocks;
    for (std::size_t l = 1; l < m.size(); ++l) {
      if (m[l] <= 0 && u[l] <= 0) continue;
      blocks.push_back(Block{m[l], u[l], {l}});
      while (blocks.size() >= 2 && blocks.back().ratio() > blocks[blocks.size() - 2].ratio()) {
        Block top = std::move(blocks.back());
        blocks.pop_back();
        Block& below = blocks.back();
        below.m += top.m;
        below.u += top.u;
        below.levels.insert(below.levels.end(), top.levels.begin(), top.levels.end());
      }
    }
    for (const Block& b : blocks) {
      if (b.levels.size() < 2) continue;
      for (std::size_t l : b.levels) m[l] = u[l] * b.ratio();
      pooled.push_back(Pooled{c, b.levels.front(), b.levels.back(), std::log2(b.ratio())});
    }
  }
  return pooled;
}

}  // namespace socred::link
