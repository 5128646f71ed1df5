// The right side in memory: records by key, in arrival order, each stored as
// one block (header, key, payload) in a byte arena, found through an
// open-addressing index; its size is what --memory bounds.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace socred::join {

class Table {
 public:
  /// One stored record; its key and payload bytes follow it in the arena,
  /// so that finding a key and writing its payload touch adjacent memory.
  struct Entry {
    std::uint64_t seq;   // the record's place in the right input
    std::uint64_t hash;  // FNV-1a 64 of the key
    Entry* next;         // the next entry with the same key, or null
    Entry* tail;         // on a key's first entry: its last one
    std::uint32_t key_len;
    std::uint32_t payload_len;
    bool keyless;  // missing or null key: never matched, kept for output
    // Set by the threads that probe the table at once (relaxed: only read
    // after they are joined).
    std::atomic<bool> matched;
    void mark() {
      if (!matched.load(std::memory_order_relaxed)) matched.store(true, std::memory_order_relaxed);
    }
    std::string_view key_text() const { return {reinterpret_cast<const char*>(this + 1), key_len}; }
    std::string_view payload_text() const {
      return {reinterpret_cast<const char*>(this + 1) + key_len, payload_len};
    }
  };

  /// `chunk`: bytes the arena allocates at a time (small limits want
  /// small chunks, so that --memory 1M means about 1M).
  explicit Table(std::size_t chunk = std::size_t{1} << 20);
  ~Table();
  Table(const Table&) = delete;
  Table& operator=(const Table&) = delete;

  /// Adds a record; entries with equal keys stay in the order added.
  void add(std::uint64_t seq, std::string_view key, std::uint64_t hash, std::string_view payload);
  /// Adds a record without a key: it only waits to come out unpaired.
  void add_keyless(std::uint64_t seq, std::string_view payload);

  /// The first entry whose key is `key`, or null.
  Entry* find(std::string_view key, std::uint64_t hash) const;
  /// A batched lookup in three steps, so that the cache misses of a whole
  /// batch overlap: prefetch() each key's slot, then prefetch_entry() (the
  /// slot is cached by then) for the entry it points to, then find().
  void prefetch(std::uint64_t hash) const;
  void prefetch_entry(std::uint64_t hash) const;

  /// Every entry, in the order added.
  const std::vector<Entry*>& entries() const { return entries_; }
  std::size_t size() const { return entries_.size(); }
  /// Bytes held: arena (as used), entry list, index.
  std::uint64_t bytes() const;
  /// Empties the table and gives its memory back.
  void clear();

 private:
  struct Slot {
    std::uint64_t hash;
    Entry* head;  // null: empty
  };
  Entry* store(std::uint64_t seq, std::uint64_t hash, std::string_view key,
               std::string_view payload, bool keyless);
  void grow_index();
  std::size_t slot_of(std::uint64_t hash) const {
    return static_cast<std::size_t>((hash * 0x9E3779B97F4A7C15ULL) >> shift_);
  }

  std::vector<std::unique_ptr<char[]>> chunks_;
  std::size_t chunk_;
  std::size_t chunk_used_ = 0, chunk_size_ = 0;
  std::uint64_t arena_bytes_ = 0;
  std::vector<Entry*> entries_;
  std::vector<Slot> slots_;
  std::size_t keys_ = 0;
  int shift_ = 64;
};

}  // namespace socred::join
