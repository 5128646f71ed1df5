// Building the binder's tables from the field paths a program reads.
#include "rules/binder.hpp"

namespace socred::rules {
namespace {

void add_path(BindLevel& level, const io::Path& path, std::size_t depth, int slot) {
  BindNode* node = nullptr;
  for (auto& n : level.nodes)
    if (n.name == path[depth]) node = &n;
  if (node == nullptr) {
    level.nodes.push_back(BindNode{path[depth], -1, {}, nullptr});
    node = &level.nodes.back();
  }
  if (depth + 1 == path.size()) {
    node->slot = slot;
  } else {
    node->below.push_back(slot);
    if (!node->kids) node->kids = std::make_unique<BindLevel>();
    add_path(*node->kids, path, depth + 1, slot);
  }
}

void index(BindLevel& level) {
  std::size_t size = 8;
  while (size < level.nodes.size() * 4) size *= 2;
  level.table.assign(size, BindLevel::Entry{});
  level.mask = size - 1;
  for (std::size_t k = 0; k < level.nodes.size(); ++k) {
    const std::string& name = level.nodes[k].name;
    std::uint64_t head = key_head(name.data(), name.size());
    std::size_t i = BindLevel::hash(head, name.size()) & level.mask;
    while (level.table[i].node >= 0) i = (i + 1) & level.mask;
    level.table[i] = BindLevel::Entry{head, static_cast<std::uint32_t>(name.size()),
                                      static_cast<std::int32_t>(k)};
    if (level.nodes[k].kids) index(*level.nodes[k].kids);
  }
}

}  // namespace

std::unique_ptr<BindLevel> build_binder(const std::vector<io::Path>& paths) {
  auto root = std::make_unique<BindLevel>();
  for (std::size_t k = 0; k < paths.size(); ++k) add_path(*root, paths[k], 0, static_cast<int>(k));
  index(*root);
  return root;
}

}  // namespace socred::rules
