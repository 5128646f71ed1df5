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

}  // namespace

void ValueCounts::add(double v, std::uint64_t n) {
  if (2 * (size_ + 1) > slots_.size()) grow();
  v += 0.0;  // -0.0 and 0.0 are one value
  std::uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = (bits * 0x9E3779B97F4A7C15ULL) >> shift_;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.count == 0) {
      s.bits = bits;
      s.count = n;
      ++size_;
      return;
    }
    if (s.bits == bits) {
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
  for (const Slot& s : old) {
    if (s.count == 0) continue;
    double v;
    std::memcpy(&v, &s.bits, sizeof v);
    add(v, s.count);
  }
}

void ValueCounts::clear() {
  slots_.clear();
  slots_.shrink_to_fit();
  size_ = 0;
  shift_ = 64;
}

std::vector<std::pair<double, std::uint64_t>> ValueCounts::items() const {
  std::vector<std::pair<double, std::uint64_t>> out;
  out.reserve(size_);
  for (const Slot& s : slots_) {
    if (s.count == 0) continue;
    double v;
    std::memcpy(&v, &s.bits, sizeof v);
    out.emplace_back(v, s.count);
  }
  return out;
}

void Distribution::add(double v) {
  if (count_ == 0) {
    min_ = max_ = v;
  } else {
    min_ = std::min(min_, v);
    max_ = std::max(max_, v);
  }
  ++count_;
  sum_ += v;
  if (integers_ && v != std::floor(v)) integers_ = false;
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

void Distribution::sketch_add(double v, std::uint64_t n) {
  if (std::fabs(v) < kTiny)
    zeros_ += n;
  else if (v > 0)
    positive_[bucket_of(v)] += n;
  else
    negative_[bucket_of(-v)] += n;
}

double Distribution::mean() const { return count_ == 0 ? 0.0 : static_cast<double>(sum_ / count_); }

std::vector<std::pair<double, std::uint64_t>> Distribution::points() const {
  std::vector<std::pair<double, std::uint64_t>> out;
  if (!sketched_) {
    out = exact_.items();
    std::sort(out.begin(), out.end());
    return out;
  }
  // Representatives are clamped to the exact extremes, so no estimate falls
  // outside what was seen.
  auto clamp = [&](double v) { return std::min(max_, std::max(min_, v)); };
  for (auto it = negative_.rbegin(); it != negative_.rend(); ++it)
    out.emplace_back(clamp(-representative(it->first)), it->second);
  if (zeros_ > 0) out.emplace_back(clamp(0.0), zeros_);
  for (const auto& [i, n] : positive_) out.emplace_back(clamp(representative(i)), n);
  return out;
}

double Distribution::quantile(double q) const {
  if (count_ == 0) return 0;
  q = std::min(1.0, std::max(0.0, q));
  const double h = q * static_cast<double>(count_ - 1);
  const auto lo = static_cast<std::uint64_t>(std::floor(h));
  const std::uint64_t hi = std::min(lo + 1, count_ - 1);
  const auto pts = points();
  // Walk the cumulative counts once to find the order statistics lo and hi.
  double vlo = 0, vhi = 0;
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
  return vlo + (h - static_cast<double>(lo)) * (vhi - vlo);
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
  const double width = nice_width(max_ - min_, target, integers_);
  // The epsilon keeps 0.3 / 0.1 = 2.9999999999999996 in bin 3, not 2.
  const double first = std::floor(min_ / width + 1e-9);
  const double last = std::floor(max_ / width + 1e-9);
  return histogram(first * width, width, static_cast<std::size_t>(last - first) + 1);
}

std::vector<Bin> Distribution::histogram(double start, double width, std::size_t bins) const {
  std::vector<Bin> out(bins);
  for (std::size_t i = 0; i < bins; ++i) {
    out[i].lo = start + static_cast<double>(i) * width;
    out[i].hi = start + static_cast<double>(i + 1) * width;
  }
  if (bins == 0) return out;
  for (const auto& [v, n] : points()) {
    double k = std::floor((v - start) / width + 1e-9);
    if (k < 0) k = 0;
    if (k > static_cast<double>(bins - 1)) k = static_cast<double>(bins - 1);
    out[static_cast<std::size_t>(k)].count += n;
  }
  return out;
}

}  // namespace socred::report
