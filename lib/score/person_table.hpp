// Person keys to dense indexes: an open-addressing table (linear probing over
// a power-of-two array of hashes) with the keys packed in one arena, because
// the per-person lookup decides score's speed (PERF-NOTES.md).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "io/huge_pages.hpp"

namespace socred::score {

class PersonTable {
 public:
  PersonTable();

  static std::uint64_t hash(std::string_view key);
  /// Starts loading the slot `hash` will probe first, so that the cache miss
  /// overlaps with the work done between reading the key and using it.
  void prefetch(std::uint64_t h) const { __builtin_prefetch(&slots_[h & mask_]); }
  /// The index of `key` (0, 1, 2... in order of first sight), added if new.
  std::uint32_t intern(std::string_view key, std::uint64_t h);
  std::uint32_t intern(std::string_view key) { return intern(key, hash(key)); }
  /// The index of `key`, or UINT32_MAX.
  std::uint32_t find(std::string_view key, std::uint64_t h) const;
  std::uint32_t find(std::string_view key) const { return find(key, hash(key)); }

  std::string_view key(std::uint32_t index) const {
    return std::string_view(arena_.data() + offsets_[index], offsets_[index + 1] - offsets_[index]);
  }
  std::uint32_t size() const { return static_cast<std::uint32_t>(offsets_.size() - 1); }
  std::size_t memory() const;

 private:
  // A key of up to 16 bytes is kept in its slot too, so that finding it
  // touches one cache line (the prefetched one), not the arena as well.
  static constexpr std::size_t kInline = 16;
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t index_plus_one = 0;  // 0: empty
    std::uint32_t size = 0;
    char text[kInline];
  };
  bool same(const Slot& slot, std::string_view key) const {
    if (slot.size != key.size()) return false;
    if (key.size() <= kInline) return std::memcmp(slot.text, key.data(), key.size()) == 0;
    return this->key(slot.index_plus_one - 1) == key;
  }
  void grow();

  io::HugeVector<Slot> slots_;
  std::uint64_t mask_;
  std::string arena_;
  std::vector<std::uint64_t> offsets_;  // key i is arena_[offsets_[i], offsets_[i+1])
};

}  // namespace socred::score
