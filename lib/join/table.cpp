// The in-memory table. Chunks (not one growing buffer) so that storing never
// copies what is stored; the index uses Fibonacci hashing of the key's FNV-1a
// hash, so keys that share low bits (one grace partition shares hash mod P)
// still spread. A lookup costs two cache misses: the slot, then the entry
// with its key and payload.
#include "join/table.hpp"

#include <cstring>
#include <new>

namespace socred::join {

Table::Table(std::size_t chunk) : chunk_(chunk) { clear(); }
Table::~Table() = default;

void Table::clear() {
  chunks_.clear();
  chunk_used_ = chunk_size_ = 0;
  arena_bytes_ = 0;
  std::vector<Entry*>().swap(entries_);
  slots_.assign(16, Slot{0, nullptr});
  shift_ = 64 - 4;
  keys_ = 0;
}

std::uint64_t Table::bytes() const {
  return arena_bytes_ + entries_.capacity() * sizeof(Entry*) + slots_.size() * sizeof(Slot);
}

Table::Entry* Table::store(std::uint64_t seq, std::uint64_t hash, std::string_view key,
                           std::string_view payload, bool keyless) {
  // Entries stay 8-byte aligned: round each block up.
  const std::size_t need = (sizeof(Entry) + key.size() + payload.size() + 7) & ~std::size_t{7};
  if (need > chunk_size_ - chunk_used_) {
    chunk_size_ = need > chunk_ ? need : chunk_;
    chunks_.emplace_back(new char[chunk_size_]);
    chunk_used_ = 0;
  }
  char* at = chunks_.back().get() + chunk_used_;
  chunk_used_ += need;
  arena_bytes_ += need;
  Entry* e = new (at) Entry{seq,
                            hash,
                            nullptr,
                            nullptr,
                            static_cast<std::uint32_t>(key.size()),
                            static_cast<std::uint32_t>(payload.size()),
                            keyless,
                            false};
  char* bytes = reinterpret_cast<char*>(e + 1);
  if (!key.empty()) std::memcpy(bytes, key.data(), key.size());
  if (!payload.empty()) std::memcpy(bytes + key.size(), payload.data(), payload.size());
  entries_.push_back(e);
  return e;
}

void Table::grow_index() {
  std::vector<Slot> old;
  old.swap(slots_);
  slots_.assign(old.size() * 2, Slot{0, nullptr});
  --shift_;
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.head == nullptr) continue;
    std::size_t i = slot_of(s.hash);
    while (slots_[i].head != nullptr) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

void Table::add(std::uint64_t seq, std::string_view key, std::uint64_t hash,
                std::string_view payload) {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = slot_of(hash);
  for (;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.head == nullptr) break;
    if (s.hash == hash && s.head->key_text() == key) {
      Entry* e = store(seq, hash, key, payload, false);
      s.head->tail->next = e;
      s.head->tail = e;
      return;
    }
  }
  Entry* e = store(seq, hash, key, payload, false);
  e->tail = e;
  slots_[i] = Slot{hash, e};
  if (++keys_ * 2 > slots_.size()) grow_index();
}

void Table::add_keyless(std::uint64_t seq, std::string_view payload) {
  store(seq, 0, {}, payload, true);
}

Table::Entry* Table::find(std::string_view key, std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = slot_of(hash);; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.head == nullptr) return nullptr;
    if (s.hash == hash && s.head->key_len == key.size() &&
        std::memcmp(s.head + 1, key.data(), key.size()) == 0)
      return s.head;
  }
}

void Table::prefetch(std::uint64_t hash) const { __builtin_prefetch(&slots_[slot_of(hash)]); }

void Table::prefetch_entry(std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = slot_of(hash);; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.head == nullptr) return;
    if (s.hash != hash) continue;
    // The header and key, and the start of the payload that output copies.
    const char* at = reinterpret_cast<const char*>(s.head);
    __builtin_prefetch(at);
    __builtin_prefetch(at + 64);
    __builtin_prefetch(at + 128);
    return;
  }
}

}  // namespace socred::join
