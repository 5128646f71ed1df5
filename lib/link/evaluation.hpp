// Measuring linkage against the truth: precision, recall and F1 of the links
// kept, and each false match and each miss as a line to inspect.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "io/jsonl_writer.hpp"
#include "io/record_reader.hpp"
#include "link/blocking.hpp"
#include "link/link_output.hpp"

namespace socred::link {

/// A true pair as left << 32 | right (when deduplicating, lower record first).
using PairKey = std::uint64_t;
inline PairKey pair_key(std::uint32_t a, std::uint32_t b, bool dedupe) {
  if (dedupe && b < a) std::swap(a, b);
  return (static_cast<std::uint64_t>(a) << 32) | b;
}

/// True pairs from each record's identity value (Side::truth): every pair
/// of records whose values are equal; records without one have no partner.
std::vector<PairKey> true_pairs_from_fields(const Side& left, const Side& right, bool dedupe);

/// True pairs from JSON lines whose first two values are a left and a right
/// id (FEBRL's {"a": ..., "b": ...}); ids found on neither side are counted
/// in `unknown` and left out.
std::vector<PairKey> true_pairs_from_file(io::RecordReader& reader, const Side& left,
                                          const Side& right, bool dedupe, std::uint64_t& unknown);

struct EvaluationInput {
  const std::vector<Comparison>& comparisons;
  const Side& left;
  const Side& right;
  const Blocking& blocking;
  const LinkWriter& writer;
  bool dedupe = false;
  std::uint64_t pairs_compared = 0;
  double threshold = 0;  // as a probability, for the summary
  std::uint64_t unknown = 0;
  bool clusters = false;  // --clusters: the summary also measures the clusters
};

/// How well the clusters (links closed transitively) recover the true
/// clusters (true pairs closed transitively; a record without a partner is
/// its own cluster).
struct ClusterFigures {
  std::uint64_t clusters = 0, true_clusters = 0;
  std::uint64_t pairs = 0, true_pairs = 0, true_positives = 0;  // within clusters
  double bcubed_precision = 0, bcubed_recall = 0;
  std::uint64_t exact = 0;  // true clusters found exactly, no record more or less
  std::uint64_t true_clusters_2 = 0, exact_2 = 0;  // the same, of two records or more
};
ClusterFigures cluster_figures(std::size_t records, const std::vector<Link>& links,
                               const std::vector<PairKey>& truth);

/// Writes the summary line (with --clusters, its "clusters": the figures
/// above), then each false match, then each miss (with "candidate":
/// whether blocking let the pair be compared at all).
void evaluate(io::JsonlWriter& out, const EvaluationInput& in, const std::vector<Link>& links,
              std::vector<PairKey> truth);

}  // namespace socred::link
