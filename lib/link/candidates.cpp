// Chunks of left records are the unit of work: a record's candidates are
// found and compared on one thread, and chunks are merged in order.
#include "link/candidates.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "io/ordered_parallel.hpp"

namespace socred::link {
namespace {

constexpr std::size_t kRecordsPerChunk = 256;

std::size_t chunk_count(const Side& left) {
  return (left.size + kRecordsPerChunk - 1) / kRecordsPerChunk;
}

struct PairHash {
  std::size_t operator()(const std::pair<std::uint64_t, std::uint64_t>& p) const {
    return std::hash<std::uint64_t>()(p.first * 0x9e3779b97f4a7c15ULL ^ p.second);
  }
};
using Counts = std::unordered_map<std::pair<std::uint64_t, std::uint64_t>, double, PairHash>;

struct PatternChunk {
  Counts counts;
  std::uint64_t pairs = 0;
};

std::vector<PatternCount> sorted(const std::unordered_map<std::uint64_t, double>& counts) {
  std::vector<PatternCount> out;
  for (const auto& [p, c] : counts) out.push_back(PatternCount{p, c});
  std::sort(out.begin(), out.end(),
            [](const PatternCount& a, const PatternCount& b) { return a.pattern < b.pattern; });
  return out;
}

struct LinkChunk {
  std::vector<Link> links;
  std::uint64_t pairs = 0;
};

}  // namespace

std::vector<PatternCount> CandidatePatterns::all() const {
  std::unordered_map<std::uint64_t, double> counts;
  for (const auto& p : patterns) counts[p.pattern] += p.count;
  return sorted(counts);
}

std::vector<PatternCount> CandidatePatterns::of_rule(std::size_t r,
                                                     const std::vector<bool>& ignored) const {
  std::uint64_t keep = 0;
  for (std::size_t c = 0; c < ignored.size(); ++c)
    if (!ignored[c]) keep |= std::uint64_t{0xF} << (4 * c);
  std::unordered_map<std::uint64_t, double> counts;
  for (const auto& p : patterns)
    if (p.rules >> r & 1) counts[p.pattern & keep] += p.count;
  return sorted(counts);
}

CandidatePatterns count_candidate_patterns(const std::vector<Comparison>& comparisons,
                                           const Side& left, const Side& right,
                                           const Blocking& blocking, std::size_t rules,
                                           unsigned threads, std::size_t stride) {
  Counts total;
  CandidatePatterns out;
  stride = std::max<std::size_t>(stride, 1);
  const std::size_t sampled = (chunk_count(left) + stride - 1) / stride;
  std::size_t sampled_records = 0;
  io::ordered_parallel<PatternChunk>(
      sampled, threads,
      [&](std::size_t k, PatternChunk& result) {
        const std::size_t chunk = k * stride;
        const std::size_t end = std::min(left.size, (chunk + 1) * kRecordsPerChunk);
        for (auto i = static_cast<std::uint32_t>(chunk * kRecordsPerChunk); i < end; ++i)
          blocking.for_each_candidate(i, [&](std::uint32_t j, std::size_t first) {
            // The pair's first rule gave it; later rules may give it too.
            std::uint64_t mask = std::uint64_t{1} << first;
            for (std::size_t q = first + 1; q < rules; ++q)
              if (left.same_key(q, i, right, j)) mask |= std::uint64_t{1} << q;
            result.counts[{pattern_of(comparisons, left, i, right, j), mask}] += 1;
            ++result.pairs;
          });
      },
      [&](std::size_t k, PatternChunk& result) {
        for (const auto& [key, c] : result.counts) total[key] += c;
        out.pairs += result.pairs;
        sampled_records += std::min(left.size, (k * stride + 1) * kRecordsPerChunk) -
                           k * stride * kRecordsPerChunk;
      });
  const double scale = sampled_records > 0
                           ? static_cast<double>(left.size) / static_cast<double>(sampled_records)
                           : 1;
  out.pairs = static_cast<std::uint64_t>(std::llround(static_cast<double>(out.pairs) * scale));
  for (const auto& [key, c] : total)
    out.patterns.push_back(RulePatternCount{key.first, key.second, c * scale});
  std::sort(out.patterns.begin(), out.patterns.end(),
            [](const RulePatternCount& a, const RulePatternCount& b) {
              return a.pattern != b.pattern ? a.pattern < b.pattern : a.rules < b.rules;
            });
  return out;
}

std::uint64_t score_candidates(const std::vector<Comparison>& comparisons, const Side& left,
                               const Side& right, const Blocking& blocking, const Scorer& scorer,
                               const Selection& keep, unsigned threads,
                               const std::function<void(std::vector<Link>&)>& consume) {
  std::uint64_t pairs = 0;
  auto kept = [&](const Link& l) {
    return keep.by_probability ? l.probability >= keep.min_probability
                               : l.weight >= keep.min_weight;
  };
  io::ordered_parallel<LinkChunk>(
      chunk_count(left), threads,
      [&](std::size_t chunk, LinkChunk& result) {
        std::vector<Link> candidates;
        const std::size_t end = std::min(left.size, (chunk + 1) * kRecordsPerChunk);
        for (auto i = static_cast<std::uint32_t>(chunk * kRecordsPerChunk); i < end; ++i) {
          candidates.clear();
          blocking.for_each_candidate(i, [&](std::uint32_t j, std::size_t) {
            ++result.pairs;
            std::uint64_t pattern = pattern_of(comparisons, left, i, right, j);
            double w = scorer.weight(pattern, i);
            if (keep.exclusive || keep.by_probability || w >= keep.min_weight)
              candidates.push_back(Link{i, j, pattern, w, 0});
          });
          if (keep.exclusive) {
            // Odds scaled by the heaviest candidate's, so that 2^weight
            // neither overflows nor vanishes whatever the weights.
            double top = -1000;
            for (const Link& l : candidates) top = std::max(top, l.weight);
            top = std::min(top, 1000.0);
            const std::size_t outside =
                keep.right_records - std::min(keep.right_records, candidates.size());
            double total = (keep.no_partner + keep.outside_odds * static_cast<double>(outside)) *
                           std::exp2(-top);
            for (const Link& l : candidates) total += std::exp2(l.weight - top);
            for (Link& l : candidates) l.probability = std::exp2(l.weight - top) / total;
          } else {
            for (Link& l : candidates) l.probability = probability(l.weight);
          }
          std::sort(candidates.begin(), candidates.end(),
                    [](const Link& a, const Link& b) { return a.right < b.right; });
          for (const Link& l : candidates)
            if (kept(l)) result.links.push_back(l);
        }
      },
      [&](std::size_t, LinkChunk& result) {
        pairs += result.pairs;
        consume(result.links);
      });
  return pairs;
}

}  // namespace socred::link
