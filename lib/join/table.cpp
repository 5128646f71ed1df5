// The in-memory table. Chunks (not one growing buffer) so that storing never
// copies what is stored; the index uses Fibonacci hashing of
// the key's FNV-1a hash, so keys that share low bits (one grace partition
// shares hash mod P) still spread.
#include "join/table.hpp"

#include <cstring>

#include "io/error.hpp"

namespace socred::join {

Table::Table(std::size_t chunk) : chunk_(chunk) { clear(); }
Table::~Table() = default;

void Table::clear() {
  chunks_.clear();
  chunk_used_ = chunk_size_ = 0;
  arena_bytes_ = 0;
  std::vector<Entry>().swap(entries_);
  slots_.assign(16, Slot{0, kNone, kNone});
  shift_ = 64 - 4;
  keys_ = 0;
}

std::uint64_t Table::bytes() const {
  return arena_bytes_ + entries_.capacity() * sizeof(Entry) + slots_.size() * sizeof(Slot);
}

const char* Table::store(std::string_view bytes) {
  if (bytes.size() > chunk_size_ - chunk_used_) {
    chunk_size_ = bytes.size() > chunk_ ? bytes.size() : chunk_;
    chunks_.emplace_back(new char[chunk_size_]);
    chunk_used_ = 0;
  }
  arena_bytes_ += bytes.size();
  char* at = chunks_.back().get() + chunk_used_;
  if (!bytes.empty()) std::memcpy(at, bytes.data(), bytes.size());
  chunk_used_ += bytes.size();
  return at;
}

std::size_t Table::slot_of(std::uint64_t hash) const {
  return static_cast<std::size_t>((hash * 0x9E3779B97F4A7C15ULL) >> shift_);
}

void Table::grow_index() {
  std::vector<Slot> old;
  old.swap(slots_);
  slots_.assign(old.size() * 2, Slot{0, kNone, kNone});
  --shift_;
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.head == kNone) continue;
    std::size_t i = slot_of(s.hash);
    while (slots_[i].head != kNone) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

void Table::add(std::uint64_t seq, std::string_view key, std::uint64_t hash,
                std::string_view payload) {
  if (entries_.size() >= kNone - 1) throw Error(kExitIo, "right side: more than 4 billion records");
  const std::uint32_t id = static_cast<std::uint32_t>(entries_.size());
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = slot_of(hash);
  for (;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.head == kNone) break;
    if (s.hash == hash && entries_[s.head].key_text() == key) {
      // A key seen before: chain after the last one, sharing its key text.
      const Entry& first = entries_[s.head];
      entries_.push_back(Entry{first.key, store(payload), seq, hash, first.key_len,
                               static_cast<std::uint32_t>(payload.size()), kNone, false, false});
      entries_[s.tail].next = id;
      s.tail = id;
      return;
    }
  }
  const char* k = store(key);
  entries_.push_back(Entry{k, store(payload), seq, hash, static_cast<std::uint32_t>(key.size()),
                           static_cast<std::uint32_t>(payload.size()), kNone, false, false});
  slots_[i] = Slot{hash, id, id};
  if (++keys_ * 2 > slots_.size()) grow_index();
}

void Table::add_keyless(std::uint64_t seq, std::string_view payload) {
  entries_.push_back(Entry{nullptr, store(payload), seq, 0, 0,
                           static_cast<std::uint32_t>(payload.size()), kNone, true, false});
}

std::uint32_t Table::find(std::string_view key, std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = slot_of(hash);; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.head == kNone) return kNone;
    if (s.hash == hash && entries_[s.head].key_text() == key) return s.head;
  }
}

}  // namespace socred::join
