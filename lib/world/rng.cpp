// Deterministic transforms for the world's random draws. The world's library
// is built with -ffp-contract=off, so no fused multiply-add changes a bit.
#include "world/rng.hpp"

#include <cmath>

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
  double term = 1.0, sum = 1.0;
  for (int i = 1; i <= 16; ++i) {
    term = term * r / i;
    sum += term;
  }
  return std::ldexp(sum, static_cast<int>(kf));
}

double det_log(double x) {
  if (!(x > 0)) return x == 0 ? -HUGE_VAL : std::nan("");
  if (std::isinf(x)) return x;
  // x = m 2^e with m in [sqrt(1/2), sqrt(2)); log m = 2 atanh(s), s = (m-1)/(m+1).
  int e = 0;
  double m = std::frexp(x, &e);  // m in [0.5, 1)
  if (m < 0.70710678118654752440) {
    m *= 2.0;
    e -= 1;
  }
  double s = (m - 1.0) / (m + 1.0);
  double s2 = s * s, term = s, sum = 0.0;
  for (int i = 1; i <= 39; i += 2) {  // |s| < 0.172: 20 odd terms reach 1e-17
    sum += term / i;
    term *= s2;
  }
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
  double u = uniform() * cumulative[n - 1];
  std::uint32_t i = 0;
  while (i + 1 < n && u >= cumulative[i]) ++i;
  return i;
}

}  // namespace socred::world
