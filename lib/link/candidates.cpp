// Chunks of left records are the unit of work: a record's candidates are
// found and compared on one thread, and chunks are merged in order.
#include "link/candidates.hpp"

#include <algorithm>
#include <unordered_map>

#include "link/parallel.hpp"

namespace socred::link {
namespace {

constexpr std::size_t kRecordsPerChunk = 256;

std::size_t chunk_count(const Side& left) {
  return (left.size + kRecordsPerChunk - 1) / kRecordsPerChunk;
}

struct PatternChunk {
  std::unordered_map<std::uint64_t, double> counts;
  std::uint64_t pairs = 0;
};

struct LinkChunk {
  std::vector<Link> links;
  std::uint64_t pairs = 0;
};

}  // namespace

CandidatePatterns count_candidate_patterns(const std::vector<Comparison>& comparisons,
                                           const Side& left, const Side& right,
                                           const Blocking& blocking, unsigned threads) {
  std::unordered_map<std::uint64_t, double> total;
  CandidatePatterns out;
  ordered_parallel<PatternChunk>(
      chunk_count(left), threads,
      [&](std::size_t chunk, PatternChunk& result) {
        const std::size_t end = std::min(left.size, (chunk + 1) * kRecordsPerChunk);
        for (auto i = static_cast<std::uint32_t>(chunk * kRecordsPerChunk); i < end; ++i)
          blocking.for_each_candidate(i, [&](std::uint32_t j, std::size_t) {
            result.counts[pattern_of(comparisons, left, i, right, j)] += 1;
            ++result.pairs;
          });
      },
      [&](std::size_t, PatternChunk& result) {
        for (const auto& [p, c] : result.counts) total[p] += c;
        out.pairs += result.pairs;
      });
  for (const auto& [p, c] : total) out.patterns.push_back(PatternCount{p, c});
  std::sort(out.patterns.begin(), out.patterns.end(),
            [](const PatternCount& a, const PatternCount& b) { return a.pattern < b.pattern; });
  return out;
}

std::uint64_t score_candidates(const std::vector<Comparison>& comparisons, const Side& left,
                               const Side& right, const Blocking& blocking, const Scorer& scorer,
                               double min_weight, unsigned threads,
                               const std::function<void(std::vector<Link>&)>& consume) {
  std::uint64_t pairs = 0;
  ordered_parallel<LinkChunk>(
      chunk_count(left), threads,
      [&](std::size_t chunk, LinkChunk& result) {
        const std::size_t end = std::min(left.size, (chunk + 1) * kRecordsPerChunk);
        for (auto i = static_cast<std::uint32_t>(chunk * kRecordsPerChunk); i < end; ++i) {
          const std::size_t first = result.links.size();
          blocking.for_each_candidate(i, [&](std::uint32_t j, std::size_t) {
            ++result.pairs;
            std::uint64_t pattern = pattern_of(comparisons, left, i, right, j);
            double w = scorer.weight(pattern, i);
            if (w >= min_weight) result.links.push_back(Link{i, j, pattern, w});
          });
          std::sort(result.links.begin() + static_cast<std::ptrdiff_t>(first), result.links.end(),
                    [](const Link& a, const Link& b) { return a.right < b.right; });
        }
      },
      [&](std::size_t, LinkChunk& result) {
        pairs += result.pairs;
        consume(result.links);
      });
  return pairs;
}

}  // namespace socred::link
