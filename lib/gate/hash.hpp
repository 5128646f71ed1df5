// FNV-1a 64: the project's one hash for ids that must agree across machines
// (DESIGN.md "Formats"), here for decision_id and policy_hash.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace socred::gate {

/// Incremental FNV-1a 64; a copy carries the state, so a common prefix is
/// hashed once and extended per service.
class Fnv1a {
 public:
  Fnv1a& add(std::string_view bytes) {
    for (unsigned char c : bytes) {
      state_ ^= c;
      state_ *= 0x100000001b3ULL;
    }
    return *this;
  }
  std::uint64_t value() const { return state_; }

 private:
  std::uint64_t state_ = 0xcbf29ce484222325ULL;
};

/// 16 lower-case hex digits.
std::string hex64(std::uint64_t value);
/// The same, appended to `out`.
void append_hex64(std::string& out, std::uint64_t value);

}  // namespace socred::gate
