// The names of the fields a program reads, level by level, for the walk
// that binds a record: each level is a small open-addressing table keyed on
// a name's length and first 8 bytes, so a key of the record costs a hash
// and usually one probe, whether it is read or not.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/json_path.hpp"

namespace socred::rules {

struct BindLevel;

struct BindNode {
  std::string name;
  int slot = -1;                    // this path's slot, if read
  std::vector<int> below;           // every slot under this node (cleared when the key repeats)
  std::unique_ptr<BindLevel> kids;  // nested fields read below this one, or null
};

/// The first min(8, size) bytes of a name as an integer, the rest zero.
inline std::uint64_t key_head(const char* data, std::size_t size) {
  // Built in a register: a short memcpy into a stack word followed by a
  // load of the whole word stalls on store forwarding (measured: a third
  // of the binder's time).
  std::uint64_t head = 0;
  if (size >= 8) {
    std::memcpy(&head, data, 8);
    return head;
  }
  for (std::size_t i = 0; i < size; ++i)
    head |= std::uint64_t{static_cast<unsigned char>(data[i])} << (8 * i);
  return head;
}

struct BindLevel {
  struct Entry {
    std::uint64_t head = 0;
    std::uint32_t size = 0;
    std::int32_t node = -1;  // -1: empty
  };
  std::vector<BindNode> nodes;
  std::vector<Entry> table;  // a power of two, at most a quarter full
  std::size_t mask = 0;

  static std::size_t hash(std::uint64_t head, std::size_t size) {
    std::uint64_t h = (head ^ (size * 0x9E3779B97F4A7C15ull)) * 0xFF51AFD7ED558CCDull;
    return static_cast<std::size_t>(h >> 32);
  }

  /// The node named `key`, or null.
  const BindNode* find(std::string_view key) const {
    std::uint64_t head = key_head(key.data(), key.size());
    for (std::size_t i = hash(head, key.size()) & mask;; i = (i + 1) & mask) {
      const Entry& e = table[i];
      if (e.node < 0) return nullptr;
      if (e.head == head && e.size == key.size()) {
        const BindNode& n = nodes[static_cast<std::size_t>(e.node)];
        if (key.size() <= 8 || std::memcmp(n.name.data() + 8, key.data() + 8, key.size() - 8) == 0)
          return &n;
      }
    }
  }
};

/// The levels for `paths`, slot i for paths[i].
std::unique_ptr<BindLevel> build_binder(const std::vector<io::Path>& paths);

}  // namespace socred::rules
