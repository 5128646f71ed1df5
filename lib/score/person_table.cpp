// Open addressing with linear probing; the table doubles at half full.
#include "score/person_table.hpp"

#include <cstring>

namespace socred::score {

PersonTable::PersonTable() : slots_(1024), mask_(1023), offsets_{0} {}

std::uint64_t PersonTable::hash(std::string_view key) {
  // Eight bytes at a time with a multiply-xorshift mix: keys are short ids
  // ("p0000042"), so this is a few multiplies, not a loop over bytes.
  const std::uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  std::uint64_t h = key.size() * kMul;
  std::size_t i = 0;
  for (; i + 8 <= key.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, key.data() + i, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  }
  if (i < key.size()) {
    std::uint64_t w = 0;
    std::memcpy(&w, key.data() + i, key.size() - i);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  }
  h *= 0xBF58476D1CE4E5B9ULL;
  h ^= h >> 32;
  return h;
}

std::uint32_t PersonTable::intern(std::string_view key, std::uint64_t h) {
  for (std::uint64_t i = h & mask_;; i = (i + 1) & mask_) {
    Slot& slot = slots_[i];
    if (slot.index_plus_one == 0) {
      std::uint32_t index = size();
      slot.hash = h;
      slot.index_plus_one = index + 1;
      slot.size = static_cast<std::uint32_t>(key.size());
      std::memcpy(slot.text, key.data(), key.size() < kInline ? key.size() : kInline);
      arena_.append(key.data(), key.size());
      offsets_.push_back(arena_.size());
      if (std::uint64_t{size()} * 2 > slots_.size()) grow();
      return index;
    }
    if (slot.hash == h && same(slot, key)) return slot.index_plus_one - 1;
  }
}

std::uint32_t PersonTable::find(std::string_view key, std::uint64_t h) const {
  for (std::uint64_t i = h & mask_;; i = (i + 1) & mask_) {
    const Slot& slot = slots_[i];
    if (slot.index_plus_one == 0) return UINT32_MAX;
    if (slot.hash == h && same(slot, key)) return slot.index_plus_one - 1;
  }
}

void PersonTable::grow() {
  io::HugeVector<Slot> old;
  old.swap(slots_);
  slots_.assign(old.size() * 2, Slot{});
  mask_ = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.index_plus_one == 0) continue;
    std::uint64_t i = s.hash & mask_;
    while (slots_[i].index_plus_one != 0) i = (i + 1) & mask_;
    slots_[i] = s;
  }
}

std::size_t PersonTable::memory() const {
  return slots_.capacity() * sizeof(Slot) + arena_.capacity() +
         offsets_.capacity() * sizeof(std::uint64_t);
}

}  // namespace socred::score
