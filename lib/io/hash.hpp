// Hashing, written once. FNV-1a 64 is the project's hash for whatever must
// agree across machines and runs (DESIGN.md "Formats": partitions, ids,
// fingerprints); SplitMix64 is the small generator and mixer behind seeded
// draws.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace socred::io {

inline constexpr std::uint64_t kFnvOffsetBasis = 0xcbf29ce484222325ULL;
inline constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;

/// Incremental FNV-1a 64; a copy carries the state, so a common prefix is
/// hashed once and extended many times.
class Fnv1a {
 public:
  Fnv1a& add(std::string_view bytes) {
    for (unsigned char c : bytes) {
      state_ ^= c;
      state_ *= kFnvPrime;
    }
    return *this;
  }
  std::uint64_t value() const { return state_; }

 private:
  std::uint64_t state_ = kFnvOffsetBasis;
};

/// FNV-1a 64 of `bytes` in one call.
inline std::uint64_t fnv1a64(std::string_view bytes) { return Fnv1a().add(bytes).value(); }

/// The start of stream `index` of a seeded draw: seed times the FNV prime,
/// plus the index, so that each chunk of a sample has its own generator
/// state whatever the thread count.
constexpr std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t index) {
  return seed * kFnvPrime + index;
}

/// SplitMix64's finaliser: a bijective, well-mixed 64-bit hash.
constexpr std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/// SplitMix64's increment (the golden ratio in 64 bits).
inline constexpr std::uint64_t kSplitMixGamma = 0x9e3779b97f4a7c15ULL;

/// SplitMix64: advances `state` and returns the next draw; every state
/// gives a good stream.
inline std::uint64_t splitmix64(std::uint64_t& state) { return mix64(state += kSplitMixGamma); }

/// 16 lower-case hex digits (fixed width, so ids sort and align).
std::string hex64(std::uint64_t value);
/// The same, appended to `out`.
void append_hex64(std::string& out, std::uint64_t value);

}  // namespace socred::io
