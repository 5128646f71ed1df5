// One numeric column seen a value at a time: count, mean, extremes,
// quantiles and a histogram, in memory bounded by bins, never by lines.
// Exact while the distinct values fit a fixed budget; past it, a log-bucket
// sketch (DDSketch's idea) whose quantiles carry a stated relative error.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "report/numbers.hpp"

namespace socred::report {

/// One histogram bin: values v with lo <= v < hi.
struct Bin {
  Real lo = 0;
  Real hi = 0;
  std::uint64_t count = 0;
};

/// Counts per distinct value: open addressing on the value's bits, so a
/// value costs a multiply and a probe, never an allocation (std::unordered_map
/// took a tenth of report's time on score lines).
class ValueCounts {
 public:
  void add(Real v, std::uint64_t n);
  std::size_t size() const { return size_; }
  void clear();
  /// (value, count) pairs in no particular order.
  std::vector<std::pair<Real, std::uint64_t>> items() const;

 private:
  struct Slot {
    std::uint64_t hi = 0, lo = 0;  // the value's key (distribution.cpp)
    std::uint64_t count = 0;       // 0: empty
  };
  void grow();
  std::vector<Slot> slots_;
  std::size_t size_ = 0;
  int shift_ = 64;
};

class Distribution {
 public:
  /// Distinct values kept exactly. Scores are integers in a range of a few
  /// hundred, so a whole population stays exact; a column of free decimals
  /// (match weights) passes into the sketch after this many distinct values.
  static constexpr std::size_t kExactDistinct = 4096;
  /// Relative error bound of the sketch: each quantile it returns lies
  /// within this fraction of the magnitude of a value between the two order
  /// statistics that bracket the exact quantile.
  static constexpr double kRelativeError = 0.005;

  void add(Real v);
  /// Adds another distribution's values (groups into a total).
  void merge(const Distribution& other);

  std::uint64_t count() const { return count_; }
  bool exact() const { return !sketched_; }
  Real mean() const;
  Real min() const { return min_; }
  Real max() const { return max_; }
  bool integers() const { return integers_; }

  /// The q-quantile, 0 <= q <= 1, by linear interpolation between order
  /// statistics (Hyndman and Fan type 7: R's and NumPy's default).
  Real quantile(double q) const;

  /// Equal-width bins with a "nice" width (1, 2, 2.5 or 5 times a power of
  /// ten; whole numbers for integer data) covering [min, max], about
  /// `target` of them; approximate counts once sketched. Integer data in
  /// the int64 range get their bins in integer arithmetic: exact edges,
  /// nothing that overflows.
  std::vector<Bin> histogram(int target) const;
  /// The same over a given range and width (two distributions on one axis).
  std::vector<Bin> histogram(double start, double width, std::size_t bins) const;

 private:
  void to_sketch();
  void sketch_add(Real v, std::uint64_t n);
  /// (value, count) pairs in increasing value order: exact values, or one
  /// representative per sketch bucket.
  std::vector<std::pair<Real, std::uint64_t>> points() const;
  std::vector<Bin> integer_histogram(int target) const;

  std::uint64_t count_ = 0;
  long double sum_ = 0;
  Real min_ = 0;
  Real max_ = 0;
  bool integers_ = true;
  // A value past 2^53 in magnitude, which a double cannot hold: means and
  // quantiles are then computed in long double rather than double.
  bool wide_ = false;
  bool sketched_ = false;
  ValueCounts exact_;
  // Sketch: bucket i holds magnitudes in (gamma^(i-1), gamma^i].
  std::map<int, std::uint64_t> positive_;
  std::map<int, std::uint64_t> negative_;
  std::uint64_t zeros_ = 0;
};

/// A width from {1, 2, 2.5, 5} x 10^k near `range / target` (at least 1 for
/// integer data), so that bin edges read well.
double nice_width(double range, int target, bool integers);

}  // namespace socred::report
