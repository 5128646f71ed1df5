// Deterministic transforms for the world's random draws. The world's library
// is built with -ffp-contract=off, so no fused multiply-add changes a bit.
#include "world/rng.hpp"

#include <cmath>
#include <cstring>

namespace socred::world {

std::uint32_t permute32(std::uint32_t x, std::uint64_t key) {
  // Each step is invertible on 32 bits (xor with a constant, multiply by an
  // odd number, xorshift, add), so the whole map is a permutation.
  auto k1 = static_cast<std::uint32_t>(key);
  auto k2 = static_cast<std::uint32_t>(key >> 32);
  x ^= k1;
  x *= 0x7feb352dU;
  x ^= x >> 15;
  x += k2;
  x *= 0x846ca68bU;
  x ^= x >> 16;
  x ^= k2 * 0x9e3779b9U;
  x *= 0x2c1b3c6dU;
  x ^= x >> 13;
  return x;
}

double det_exp(double x) {
  if (x > 709.0) return HUGE_VAL;
  if (x < -745.0) return 0.0;
  // x = k ln2 + r, |r| <= ln2/2; exp(r) by Taylor series to 1e-17, then the
  // power of two is exact (ldexp only changes the exponent).
  constexpr double kLn2Hi = 6.93147180369123816490e-01;
  constexpr double kLn2Lo = 1.90821492927058770002e-10;
  constexpr double kInvLn2 = 1.44269504088896338700e+00;
  double kf = x * kInvLn2;
  kf = kf < 0 ? -std::floor(-kf + 0.5) : std::floor(kf + 0.5);
  double r = (x - kf * kLn2Hi) - kf * kLn2Lo;
  // Horner on 1/k! for k = 0..14: |r|^15 / 15! < 1e-19 for |r| <= ln2/2.
  static constexpr double kInvFactorial[15] = {1.0,
                                               1.0,
                                               1.0 / 2,
                                               1.0 / 6,
                                               1.0 / 24,
                                               1.0 / 120,
                                               1.0 / 720,
                                               1.0 / 5040,
                                               1.0 / 40320,
                                               1.0 / 362880,
                                               1.0 / 3628800,
                                               1.0 / 39916800,
                                               1.0 / 479001600,
                                               1.0 / 6227020800.0,
                                               1.0 / 87178291200.0};
  double sum = kInvFactorial[14];
  for (int i = 13; i >= 0; --i) sum = sum * r + kInvFactorial[i];
  int k = static_cast<int>(kf);
  if (k < -1021 || k > 1023) return std::ldexp(sum, k);
  // 2^k built from its bits: the same exact product as ldexp, without a call.
  std::uint64_t bits = static_cast<std::uint64_t>(k + 1023) << 52;
  double scale;
  std::memcpy(&scale, &bits, sizeof scale);
  return sum * scale;
}

double det_log(double x) {
  if (!(x > 0)) return x == 0 ? -HUGE_VAL : std::nan("");
  if (std::isinf(x)) return x;
  // x = m 2^e with m in [sqrt(1/2), sqrt(2)); log m = 2 atanh(s), s = (m-1)/(m+1).
  int e = 0;
  double m;
  std::uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  int biased = static_cast<int>(bits >> 52 & 0x7ff);
  if (biased == 0) {
    m = std::frexp(x, &e);  // subnormal: let the library normalise it
  } else {                  // what frexp gives, from the bits: m in [0.5, 1)
    e = biased - 1022;
    bits = (bits & ~(0x7ffULL << 52)) | (1022ULL << 52);
    std::memcpy(&m, &bits, sizeof m);
  }
  if (m < 0.70710678118654752440) {
    m *= 2.0;
    e -= 1;
  }
  double s = (m - 1.0) / (m + 1.0);
  // 2 atanh(s) = 2 (s + s^3/3 + s^5/5 + ...); |s| < 0.172, so 20 odd terms
  // reach 1e-17. Horner in s^2 on 1/(2k+1), highest term first.
  static constexpr double kInvOdd[20] = {1.0,      1.0 / 3,  1.0 / 5,  1.0 / 7,  1.0 / 9,
                                         1.0 / 11, 1.0 / 13, 1.0 / 15, 1.0 / 17, 1.0 / 19,
                                         1.0 / 21, 1.0 / 23, 1.0 / 25, 1.0 / 27, 1.0 / 29,
                                         1.0 / 31, 1.0 / 33, 1.0 / 35, 1.0 / 37, 1.0 / 39};
  double s2 = s * s, sum = 0.0;
  for (int k = 19; k >= 0; --k) sum = sum * s2 + kInvOdd[k];
  sum *= s;
  constexpr double kLn2 = 6.93147180559945286227e-01;
  return 2.0 * sum + e * kLn2;
}

double Rng::normal() {
  for (;;) {
    double u = 2.0 * uniform() - 1.0;
    double v = 2.0 * uniform() - 1.0;
    double s = u * u + v * v;
    if (s > 0.0 && s < 1.0) return u * std::sqrt(-2.0 * det_log(s) / s);
  }
}

std::uint32_t Rng::poisson(double lambda) {
  if (!(lambda > 0.0)) return 0;
  if (lambda < 30.0) {
    // Inversion: walk the CDF from 0 with one uniform.
    double u = uniform();
    double p = det_exp(-lambda), cdf = p;
    std::uint32_t k = 0;
    while (u > cdf && k < 200) {
      ++k;
      p *= lambda / k;
      cdf += p;
    }
    return k;
  }
  double x = std::floor(lambda + std::sqrt(lambda) * normal() + 0.5);
  return x < 0 ? 0 : static_cast<std::uint32_t>(x);
}

std::uint32_t Rng::pick(const double* cumulative, std::uint32_t n) {
  // The first i with u < cumulative[i] (the last if none), by a bisection
  // without branches: the answer stays in [lo, lo + len).
  double u = uniform() * cumulative[n - 1];
  std::uint32_t lo = 0, len = n;
  while (len > 1) {
    std::uint32_t half = len / 2;
    lo = cumulative[lo + half - 1] <= u ? lo + half : lo;
    len -= half;
  }
  return lo;
}

}  // namespace socred::world
