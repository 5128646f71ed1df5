// --partition i/N: which keys a run keeps, by FNV-1a 64 over the key's
// canonical JSON text (DESIGN.md "Formats"), so that N runs on any machines
// split a join into disjoint parts that together make the whole.
#pragma once

#include <cstdint>
#include <string_view>

namespace socred::join {

class Partition {
 public:
  /// All keys (no --partition).
  Partition() = default;
  /// Parses "i/N", 1 <= i <= N; a usage error (2) otherwise.
  static Partition parse(std::string_view text);

  /// Keeps a key whose hash is `hash`: hash mod N == i - 1.
  bool keeps(std::uint64_t hash) const { return count_ == 1 || hash % count_ == index_ - 1; }
  /// Records without a key (missing or null) belong to partition 1 only, so
  /// that the N outputs still add up to the whole join.
  bool keeps_keyless() const { return index_ == 1; }
  bool all() const { return count_ == 1; }

 private:
  std::uint64_t index_ = 1;  // from 1
  std::uint64_t count_ = 1;
};

}  // namespace socred::join
