// The right side in memory: records by key, in arrival order, in a
// byte arena with an open-addressing index; its size is what --memory bounds.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace socred::join {

class Table {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;

  struct Entry {
    const char* key;
    const char* payload;
    std::uint64_t seq;  // the record's place in the right input
    std::uint64_t hash;
    std::uint32_t key_len;
    std::uint32_t payload_len;
    std::uint32_t next;  // the next entry with the same key, kNone at the end
    bool keyless;        // missing or null key: never matched, kept for output
    bool matched;
    std::string_view key_text() const { return {key, key_len}; }
    std::string_view payload_text() const { return {payload, payload_len}; }
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

  /// The first entry whose key is `key`, or kNone.
  std::uint32_t find(std::string_view key, std::uint64_t hash) const;

  Entry& entry(std::uint32_t i) { return entries_[i]; }
  const std::vector<Entry>& entries() const { return entries_; }
  std::size_t size() const { return entries_.size(); }
  /// Bytes held: arena (as used), entries, index.
  std::uint64_t bytes() const;
  /// Empties the table and gives its memory back.
  void clear();

 private:
  struct Slot {
    std::uint64_t hash;
    std::uint32_t head;  // kNone: empty
    std::uint32_t tail;
  };
  const char* store(std::string_view bytes);
  void grow_index();
  std::size_t slot_of(std::uint64_t hash) const;

  std::vector<std::unique_ptr<char[]>> chunks_;
  std::size_t chunk_;
  std::size_t chunk_used_ = 0, chunk_size_ = 0;
  std::uint64_t arena_bytes_ = 0;
  std::vector<Entry> entries_;
  std::vector<Slot> slots_;
  std::size_t keys_ = 0;
  int shift_ = 64;
};

}  // namespace socred::join
