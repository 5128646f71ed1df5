// Drawing pairs in fixed chunks of the sample, each with its own generator
// state, and summing their pattern counts in chunk order.
#include "link/random_pairs.hpp"

#include <algorithm>
#include <unordered_map>

#include "io/hash.hpp"
#include "io/ordered_parallel.hpp"
#include "link/scoring.hpp"

namespace socred::link {
namespace {

constexpr std::uint64_t kChunk = 1 << 15;

using Counts = std::unordered_map<std::uint64_t, double>;

struct Chunk {
  Counts all, outside;
};

std::vector<PatternCount> sorted(const Counts& counts) {
  std::vector<PatternCount> out;
  for (const auto& [p, c] : counts) out.push_back(PatternCount{p, c});
  std::sort(out.begin(), out.end(),
            [](const PatternCount& a, const PatternCount& b) { return a.pattern < b.pattern; });
  return out;
}

}  // namespace

RandomPairs compare_random_pairs(const std::vector<Comparison>& comparisons, const Side& left,
                                 const Side& right, bool dedupe, std::size_t rules,
                                 std::uint64_t wanted, std::uint64_t seed, unsigned threads) {
  auto count = [&](Chunk& chunk, std::uint32_t i, std::uint32_t j) {
    std::uint64_t pattern = pattern_of(comparisons, left, i, right, j);
    chunk.all[pattern] += 1;
    bool candidate = false;
    for (std::size_t r = 0; r < rules && !candidate; ++r) candidate = left.same_key(r, i, right, j);
    if (!candidate) chunk.outside[pattern] += 1;
  };
  RandomPairs out;
  const std::uint64_t n_left = left.size, n_right = right.size;
  const long double all = dedupe ? static_cast<long double>(n_left) * (n_left - (n_left > 0)) / 2
                                 : static_cast<long double>(n_left) * n_right;
  if (all < 1) return out;
  Counts total, outside;
  auto merge = [&](std::size_t, Chunk& chunk) {
    for (const auto& [p, c] : chunk.all) total[p] += c;
    for (const auto& [p, c] : chunk.outside) outside[p] += c;
  };
  if (all <= static_cast<long double>(wanted)) {
    // Few enough to compare every pair: the exact shares, no sampling error.
    out.exhaustive = true;
    const std::uint64_t rows =
        std::max<std::uint64_t>(1, kChunk / std::max<std::uint64_t>(1, n_right));
    io::ordered_parallel<Chunk>((n_left + rows - 1) / rows, threads,
                                [&](std::size_t chunk, Chunk& counts) {
                                  const std::uint64_t end = std::min(n_left, (chunk + 1) * rows);
                                  for (auto i = static_cast<std::uint32_t>(chunk * rows); i < end;
                                       ++i)
                                    for (std::uint32_t j = dedupe ? i + 1 : 0; j < n_right; ++j)
                                      count(counts, i, j);
                                },
                                merge);
    out.pairs = static_cast<std::uint64_t>(all);
  } else {
    const std::uint64_t chunks = (wanted + kChunk - 1) / kChunk;
    io::ordered_parallel<Chunk>(
        chunks, threads,
        [&](std::size_t chunk, Chunk& counts) {
          std::uint64_t state = io::stream_seed(seed, chunk);
          const std::uint64_t n = std::min(kChunk, wanted - chunk * kChunk);
          for (std::uint64_t k = 0; k < n; ++k) {
            auto i = static_cast<std::uint32_t>(io::splitmix64(state) % n_left);
            std::uint32_t j;
            if (dedupe) {
              j = static_cast<std::uint32_t>(io::splitmix64(state) % (n_left - 1));
              if (j >= i) ++j;
            } else {
              j = static_cast<std::uint32_t>(io::splitmix64(state) % n_right);
            }
            count(counts, i, j);
          }
        },
        merge);
    out.pairs = wanted;
  }
  out.patterns = sorted(total);
  out.outside = sorted(outside);
  return out;
}

}  // namespace socred::link
