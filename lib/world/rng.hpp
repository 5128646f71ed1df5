// Counter-based randomness that gives the same bits on every machine: a
// SplitMix64 stream per (seed, stream, entity...) and hand-written transforms
// (no std::*_distribution, whose output differs between standard libraries).
#pragma once

#include <cstdint>

#include "io/hash.hpp"

namespace socred::world {

using io::mix64;

/// A key for one independent stream: hash of (seed, stream, a, b, c).
constexpr std::uint64_t stream_key(std::uint64_t seed, std::uint64_t stream, std::uint64_t a = 0,
                                   std::uint64_t b = 0, std::uint64_t c = 0) {
  std::uint64_t h = mix64(seed + io::kSplitMixGamma * (stream + 1));
  h = mix64(h ^ (a + 0x632be59bd9b4e019ULL));
  h = mix64(h ^ (b + 0x85157af5ULL));
  return mix64(h ^ (c + 0x3c6ef372fe94f82bULL));
}

/// A keyed bijection on 32 bits: distinct inputs give distinct outputs, so
/// ids made from counters never collide yet look random.
std::uint32_t permute32(std::uint32_t x, std::uint64_t key);

/// exp and log from IEEE-exact operations only (+ - * / and sqrt), so the
/// results do not depend on the C library's last-bit rounding.
double det_exp(double x);
double det_log(double x);

/// SplitMix64: one 64-bit state, one add and one finaliser per draw.
class Rng {
 public:
  explicit Rng(std::uint64_t key) : state_(key) {}
  std::uint64_t next() { return io::splitmix64(state_); }
  /// Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  /// Uniform integer in [0, n), n > 0 (Lemire's multiply, bias < 2^-32).
  std::uint32_t below(std::uint32_t n) {
    return static_cast<std::uint32_t>(((next() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
  }
  bool chance(double p) { return uniform() < p; }
  /// Standard normal (Marsaglia's polar method: needs only log and sqrt).
  double normal();
  /// exp(N(mu, sigma^2)).
  double lognormal(double mu, double sigma) { return det_exp(mu + sigma * normal()); }
  /// Poisson(lambda): inversion below 30, a rounded normal above.
  std::uint32_t poisson(double lambda);
  /// Index drawn with probability cumulative[i] - cumulative[i-1];
  /// `cumulative` is increasing with last element `total`.
  std::uint32_t pick(const double* cumulative, std::uint32_t n);

 private:
  std::uint64_t state_;
};

}  // namespace socred::world
