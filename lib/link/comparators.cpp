// The comparison functions behind each kind's levels. Text is compared as
// bytes when both sides are ASCII (the common case, and the fast one) and as
// code points otherwise, so that an accented or Han character counts once.
#include "link/comparators.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include "io/damerau_levenshtein.hpp"
#include "io/utf8.hpp"
#include "link/jaro_winkler.hpp"
#include "link/normalise.hpp"

namespace socred::link {
namespace {

struct Texts {
  std::string_view a, b;
  bool ascii;
};

// Characters the two texts share, counted as multisets, ignoring order and
// distance (ASCII only). It bounds both measures from one cheap pass, so
// that most pairs of unrelated values skip the quadratic work: the edit
// distance is at least max(|a|, |b|) - common, and Jaro at most what it
// would be if every shared character matched in order.
std::size_t common_characters(const Texts& t) {
  // Zeroed once per thread and put back to zero after each use: clearing the
  // whole table every time cost more than the counting.
  thread_local std::uint32_t counts[128] = {};
  for (char c : t.a) ++counts[static_cast<unsigned char>(c) & 0x7F];
  std::size_t common = 0;
  for (char c : t.b) {
    auto& n = counts[static_cast<unsigned char>(c) & 0x7F];
    if (n > 0) {
      --n;
      ++common;
    }
  }
  for (char c : t.a) counts[static_cast<unsigned char>(c) & 0x7F] = 0;
  return common;
}

std::size_t distance_floor(const Texts& t, std::size_t common) {
  return std::max(t.a.size(), t.b.size()) - common;
}

double similarity_ceiling(const Texts& t, std::size_t common) {
  if (common == 0) return 0;
  const double c = static_cast<double>(common);
  double jaro = (c / static_cast<double>(t.a.size()) + c / static_cast<double>(t.b.size()) + 1) / 3;
  return jaro > 0.7 ? jaro + 0.4 * (1 - jaro) : jaro;
}

double similarity(const Texts& t) {
  if (t.ascii) return jaro_winkler(t.a, t.b);
  thread_local std::u32string wa, wb;
  io::to_code_points(t.a, wa);
  io::to_code_points(t.b, wb);
  return jaro_winkler(wa, wb);
}

std::size_t distance(const Texts& t, std::size_t limit) {
  if (t.ascii) return io::damerau_levenshtein(t.a, t.b, limit);
  thread_local std::u32string wa, wb;
  io::to_code_points(t.a, wa);
  io::to_code_points(t.b, wb);
  return io::damerau_levenshtein(wa, wb, limit);
}

int name_level(const Comparison& c, const Value& a, const Arena& arena_a, const Value& b,
               const Arena& arena_b) {
  Texts main{arena_a.view(a.offset, a.length), arena_b.view(b.offset, b.length),
             a.ascii && b.ascii};
  if (main.a == main.b) return 1;
  // Words sorted and spaced; a one-word name is its own list.
  Texts words{a.length2 > 0 ? arena_a.view(a.offset2, a.length2) : main.a,
              b.length2 > 0 ? arena_b.view(b.offset2, b.length2) : main.b, main.ascii};
  const bool several = a.length2 > 0 || b.length2 > 0;
  if (several && words.a == words.b) return 2;
  const int jw_levels = static_cast<int>(c.thresholds.size());
  double ceiling = 1;
  if (main.ascii) {
    ceiling = similarity_ceiling(main, common_characters(main));
    if (several) ceiling = std::max(ceiling, similarity_ceiling(words, common_characters(words)));
  }
  if (ceiling >= c.thresholds.back()) {
    double s = similarity(main);
    if (several) s = std::max(s, similarity(words));
    for (int i = 0; i < jw_levels; ++i)
      if (s >= c.thresholds[static_cast<std::size_t>(i)]) return 3 + i;
  }
  return 3 + jw_levels;
}

int date_level(const Value& a, const Arena& arena_a, const Value& b, const Arena& arena_b) {
  auto ya = static_cast<long>(a.number) / 10000, yb = static_cast<long>(b.number) / 10000;
  auto ma = static_cast<long>(a.number) / 100 % 100, mb = static_cast<long>(b.number) / 100 % 100;
  auto da = static_cast<long>(a.number) % 100, db = static_cast<long>(b.number) % 100;
  if (a.number == b.number) return 1;
  if (ya == yb && ma == db && da == mb) return 2;
  Texts t{arena_a.view(a.offset, a.length), arena_b.view(b.offset, b.length), true};
  if (distance(t, 1) <= 1) return 3;
  if (ya == yb && ma == mb) return 4;
  if (ya == yb) return 5;
  return 6;
}

}  // namespace

int compare(const Comparison& c, const Value& a, const Arena& arena_a, const Value& b,
            const Arena& arena_b) {
  if (!a.present || !b.present) return kNullLevel;
  const int last = static_cast<int>(c.levels.size()) - 1;
  switch (c.kind) {
    case Kind::kName:
      return name_level(c, a, arena_a, b, arena_b);
    case Kind::kDate:
      return date_level(a, arena_a, b, arena_b);
    case Kind::kYear:
    case Kind::kNumber: {
      if (a.number == b.number) return 1;
      double diff = std::fabs(a.number - b.number);
      double scale = std::max(std::fabs(a.number), std::fabs(b.number)) / 100.0;
      for (std::size_t i = 0; i < c.thresholds.size(); ++i)
        if (diff <= (c.percent ? c.thresholds[i] * scale : c.thresholds[i]))
          return static_cast<int>(2 + i);
      return last;
    }
    default:
      break;
  }
  Texts t{arena_a.view(a.offset, a.length), arena_b.view(b.offset, b.length), a.ascii && b.ascii};
  if (t.a == t.b) return 1;
  switch (c.kind) {
    case Kind::kExact:
      return last;
    case Kind::kText: {
      const std::size_t common = t.ascii ? common_characters(t) : 0;
      if (!t.ascii || distance_floor(t, common) <= 2) {
        std::size_t d = distance(t, 2);
        if (d <= 2) return static_cast<int>(1 + d);
      }
      if (t.ascii && similarity_ceiling(t, common) < 0.8) return last;
      return similarity(t) >= 0.8 ? 4 : last;
    }
    case Kind::kJaroWinkler: {
      if (t.ascii && similarity_ceiling(t, common_characters(t)) < c.thresholds.back()) return last;
      double s = similarity(t);
      for (std::size_t i = 0; i < c.thresholds.size(); ++i)
        if (s >= c.thresholds[i]) return static_cast<int>(2 + i);
      return last;
    }
    case Kind::kDamerauLevenshtein: {
      auto limit = static_cast<std::size_t>(c.thresholds.back());
      if (t.ascii && distance_floor(t, common_characters(t)) > limit) return last;
      std::size_t d = distance(t, limit);
      for (std::size_t i = 0; i < c.thresholds.size(); ++i)
        if (static_cast<double>(d) <= c.thresholds[i]) return static_cast<int>(2 + i);
      return last;
    }
    default:
      return last;
  }
}

}  // namespace socred::link
