// Exact counts of distinct values while they fit, then log buckets.
#include "report/distribution.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace socred::report {

namespace {

const double kGamma = (1 + Distribution::kRelativeError) / (1 - Distribution::kRelativeError);
const double kLogGamma = std::log(kGamma);
// Magnitudes below this count as zero in the sketch: no score, point or
// match weight is that small, and it bounds the number of buckets (with the
// largest double, below 2 x 15,000).
constexpr double kTiny = 1e-12;

int bucket_of(double magnitude) {
  return static_cast<int>(std::ceil(std::log(magnitude) / kLogGamma));
}

// The value whose relative distance to every magnitude in bucket i is at
// most the sketch's error: 2 gamma^i / (gamma + 1).
double representative(int i) { return 2 * std::pow(kGamma, i) / (kGamma + 1); }

// A value's key: the double nearest it and the (exact) rest, as bits, so
// that -0 and 0 are one value and NaN equals itself.
std::pair<std::uint64_t, std::uint64_t> key_of(Real v) {
  v += 0.0L;  // -0.0 and 0.0 are one value
  const double hi = static_cast<double>(v);
  const double lo = static_cast<double>(v - static_cast<Real>(hi));
  std::uint64_t a, b;
  std::memcpy(&a, &hi, sizeof a);
  std::memcpy(&b, &lo, sizeof b);
  return {a, b};
}

Real value_of(std::uint64_t a, std::uint64_t b) {
  double hi, lo;
  std::memcpy(&hi, &a, sizeof hi);
  std::memcpy(&lo, &b, sizeof lo);
  return static_cast<Real>(hi) + static_cast<Real>(lo);
}

// Past this magnitude a double no longer holds every integer.
constexpr Real kTwo53 = 9007199254740992.0L;

__extension__ typedef __int128 Wide;

Wide floor_div(Wide a, Wide b) {
  Wide q = a / b;
  if (a % b != 0 && (a < 0) != (b < 0)) --q;
  return q;
}

}  // namespace

void ValueCounts::add(Real v, std::uint64_t n) {
  if (2 * (size_ + 1) > slots_.size()) grow();
  const auto [hi, lo] = key_of(v);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = ((hi ^ lo) * 0x9E3779B97F4A7C15ULL) >> shift_;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.count == 0) {
      s.hi = hi;
      s.lo = lo;
      s.count = n;
      ++size_;
      return;
    }
    if (s.hi == hi && s.lo == lo) {
      s.count += n;
      return;
    }
  }
}

void ValueCounts::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
  shift_ = 64;
  for (std::size_t n = slots_.size(); n > 1; n >>= 1) --shift_;
  size_ = 0;
  for (const Slot& s : old)
    if (s.count != 0) add(value_of(s.hi, s.lo), s.count);
}

void ValueCounts::clear() {
  slots_.clear();
  slots_.shrink_to_fit();
  size_ = 0;
  shift_ = 64;
}

std::vector<std::pair<Real, std::uint64_t>> ValueCounts::items() const {
  std::vector<std::pair<Real, std::uint64_t>> out;
  out.reserve(size_);
  for (const Slot& s : slots_)
    if (s.count != 0) out.emplace_back(value_of(s.hi, s.lo), s.count);
  return out;
}

void Distribution::add(Real v) {
  if (count_ == 0) {
    min_ = max_ = v;
  } else {
    min_ = std::min(min_, v);
    max_ = std::max(max_, v);
  }
  ++count_;
  sum_ += v;
  if (integers_ && v != std::floor(v)) integers_ = false;
  if (!wide_ && std::fabs(v) > kTwo53) wide_ = true;
  if (sketched_) {
    sketch_add(v, 1);
    return;
  }
  exact_.add(v, 1);
  if (exact_.size() > kExactDistinct) to_sketch();
}

void Distribution::merge(const Distribution& other) {
  if (other.count_ == 0) return;
  if (count_ == 0) {
    min_ = other.min_;
    max_ = other.max_;
  } else {
    min_ = std::min(min_, other.min_);
    max_ = std::max(max_, other.max_);
  }
  count_ += other.count_;
  sum_ += other.sum_;
  integers_ = integers_ && other.integers_;
  wide_ = wide_ || other.wide_;
  if (!sketched_ && !other.sketched_) {
    for (const auto& [v, n] : other.exact_.items()) exact_.add(v, n);
    if (exact_.size() > kExactDistinct) to_sketch();
    return;
  }
  if (!sketched_) to_sketch();
  if (other.sketched_) {
    for (const auto& [i, n] : other.positive_) positive_[i] += n;
    for (const auto& [i, n] : other.negative_) negative_[i] += n;
    zeros_ += other.zeros_;
  } else {
    for (const auto& [v, n] : other.exact_.items()) sketch_add(v, n);
  }
}

void Distribution::to_sketch() {
  sketched_ = true;
  for (const auto& [v, n] : exact_.items()) sketch_add(v, n);
  exact_.clear();
}

void Distribution::sketch_add(Real value, std::uint64_t n) {
  const auto v = static_cast<double>(value);
  if (std::fabs(v) < kTiny)
    zeros_ += n;
  else if (v > 0)
    positive_[bucket_of(v)] += n;
  else
    negative_[bucket_of(-v)] += n;
}

Real Distribution::mean() const {
  if (count_ == 0) return 0;
  // In double as always where doubles are exact, so reports do not move.
  return wide_ ? sum_ / count_ : static_cast<double>(sum_ / count_);
}

std::vector<std::pair<Real, std::uint64_t>> Distribution::points() const {
  std::vector<std::pair<Real, std::uint64_t>> out;
  if (!sketched_) {
    out = exact_.items();
    std::sort(out.begin(), out.end());
    return out;
  }
  // Representatives are clamped to the exact extremes, so no estimate falls
  // outside what was seen.
  auto clamp = [&](double v) { return std::min(max_, std::max(min_, static_cast<Real>(v))); };
  for (auto it = negative_.rbegin(); it != negative_.rend(); ++it)
    out.emplace_back(clamp(-representative(it->first)), it->second);
  if (zeros_ > 0) out.emplace_back(clamp(0.0), zeros_);
  for (const auto& [i, n] : positive_) out.emplace_back(clamp(representative(i)), n);
  return out;
}

Real Distribution::quantile(double q) const {
  if (count_ == 0) return 0;
  q = std::min(1.0, std::max(0.0, q));
  const double h = q * static_cast<double>(count_ - 1);
  const auto lo = static_cast<std::uint64_t>(std::floor(h));
  const std::uint64_t hi = std::min(lo + 1, count_ - 1);
  const auto pts = points();
  // Walk the cumulative counts once to find the order statistics lo and hi.
  Real vlo = 0, vhi = 0;
  std::uint64_t seen = 0;
  bool have_lo = false;
  for (const auto& [v, n] : pts) {
    seen += n;
    if (!have_lo && lo < seen) {
      vlo = v;
      have_lo = true;
    }
    if (hi < seen) {
      vhi = v;
      break;
    }
  }
  const double frac = h - static_cast<double>(lo);
  if (wide_) return frac == 0 ? vlo : vlo + static_cast<Real>(frac) * (vhi - vlo);
  const auto a = static_cast<double>(vlo), b = static_cast<double>(vhi);
  return a + frac * (b - a);
}

double nice_width(double range, int target, bool integers) {
  if (target < 1) target = 1;
  double raw = range / target;
  if (!(raw > 0)) return 1;
  const double p = std::pow(10.0, std::floor(std::log10(raw)));
  double width = 10 * p;
  for (double m : {1.0, 2.0, 2.5, 5.0}) {
    if (m * p >= raw * (1 - 1e-9)) {
      width = m * p;
      break;
    }
  }
  if (integers) {
    if (width < 1) width = 1;
    if (width != std::floor(width)) width = 5 * p;  // 2.5 -> 5
  }
  return width;
}

std::vector<Bin> Distribution::histogram(int target) const {
  if (count_ == 0) return {};
  if (integers_ && min_ >= static_cast<Real>(INT64_MIN) && max_ <= static_cast<Real>(INT64_MAX))
    return integer_histogram(target);
  const auto min = static_cast<double>(min_), max = static_cast<double>(max_);
  const double width = nice_width(max - min, target, integers_);
  // The epsilon keeps 0.3 / 0.1 = 2.9999999999999996 in bin 3, not 2.
  const double first = std::floor(min / width + 1e-9);
  const double last = std::floor(max / width + 1e-9);
  return histogram(first * width, width, static_cast<std::size_t>(last - first) + 1);
}

std::vector<Bin> Distribution::integer_histogram(int target) const {
  const auto min = static_cast<std::int64_t>(min_), max = static_cast<std::int64_t>(max_);
  // Whole widths of at least 1; ten times the range at most, which 128 bits
  // hold with room to spare, as they hold every edge and difference here.
  const auto width =
      static_cast<Wide>(nice_width(static_cast<double>(Wide(max) - min), target, true));
  const Wide first = floor_div(min, width);
  const auto bins = static_cast<std::size_t>(floor_div(max, width) - first + 1);
  std::vector<Bin> out(bins);
  for (std::size_t i = 0; i < bins; ++i) {
    const Wide lo = (first + static_cast<Wide>(i)) * width;
    out[i].lo = static_cast<Real>(lo);
    out[i].hi = static_cast<Real>(lo + width);
  }
  for (const auto& [v, n] : points()) {
    // Exact values are whole; sketch representatives go to the nearest.
    const Wide k = floor_div(static_cast<Wide>(std::llround(v)), width) - first;
    out[static_cast<std::size_t>(std::clamp<Wide>(k, 0, static_cast<Wide>(bins - 1)))].count += n;
  }
  return out;
}

std::vector<Bin> Distribution::histogram(double start, double width, std::size_t bins) const {
  std::vector<Bin> out(bins);
  for (std::size_t i = 0; i < bins; ++i) {
    out[i].lo = start + static_cast<double>(i) * width;
    out[i].hi = start + static_cast<double>(i + 1) * width;
  }
  if (bins == 0) return out;
  for (const auto& [v, n] : points()) {
    double k = std::floor((static_cast<double>(v) - start) / width + 1e-9);
    if (k < 0) k = 0;
    if (k > static_cast<double>(bins - 1)) k = static_cast<double>(bins - 1);
    out[static_cast<std::size_t>(k)].count += n;
  }
  return out;
}

}  // namespace socred::report
