// Evaluation. Misses are weighed too, even those blocking never offered,
// so that a reader sees whether the model or the blocking lost them.
#include "link/evaluation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "link/clusters.hpp"
#include "link/scoring.hpp"

namespace socred::link {
namespace {

void ratio(io::JsonlWriter& out, const char* key, double num, double den) {
  out.key(key);
  if (den <= 0) {
    out.null();
  } else {
    out.number(std::round(num / den * 10000) / 10000);
  }
}

std::uint64_t pairs_in(std::uint64_t n) { return n * (n - 1) / 2; }

void write_clusters(io::JsonlWriter& out, const ClusterFigures& f) {
  const auto d = [](std::uint64_t v) { return static_cast<double>(v); };
  out.key("clusters").begin_object();
  out.key("clusters").number(f.clusters);
  out.key("true_clusters").number(f.true_clusters);
  out.key("pairs").number(f.pairs);
  out.key("true_pairs").number(f.true_pairs);
  out.key("true_positives").number(f.true_positives);
  ratio(out, "precision", d(f.true_positives), d(f.pairs));
  ratio(out, "recall", d(f.true_positives), d(f.true_pairs));
  ratio(out, "f1", 2 * d(f.true_positives), d(f.pairs + f.true_pairs));
  ratio(out, "bcubed_precision", f.bcubed_precision, 1);
  ratio(out, "bcubed_recall", f.bcubed_recall, 1);
  ratio(out, "bcubed_f1", 2 * f.bcubed_precision * f.bcubed_recall,
        f.bcubed_precision + f.bcubed_recall);
  out.key("exact").number(f.exact);
  ratio(out, "exact_share", d(f.exact), d(f.true_clusters));
  out.key("true_clusters_of_2_or_more").number(f.true_clusters_2);
  out.key("exact_of_2_or_more").number(f.exact_2);
  ratio(out, "exact_share_of_2_or_more", d(f.exact_2), d(f.true_clusters_2));
  out.end_object();
}

}  // namespace

ClusterFigures cluster_figures(std::size_t records, const std::vector<Link>& links,
                               const std::vector<PairKey>& truth) {
  std::vector<Link> true_links;
  true_links.reserve(truth.size());
  for (PairKey k : truth) {
    Link l;
    l.left = static_cast<std::uint32_t>(k >> 32);
    l.right = static_cast<std::uint32_t>(k);
    true_links.push_back(l);
  }
  const Clusters found(records, links), real(records, true_links);
  // Records shared by each (found, true) cluster pair: every figure is a sum
  // over these cells.
  std::unordered_map<std::uint64_t, std::uint32_t> cells;
  ClusterFigures f;
  for (std::uint32_t r = 0; r < records; ++r) {
    ++cells[static_cast<std::uint64_t>(found.cluster_of(r)) << 32 | real.cluster_of(r)];
    if (found.cluster_of(r) == r) {
      ++f.clusters;
      f.pairs += pairs_in(found.size_of(r));
    }
    if (real.cluster_of(r) == r) {
      ++f.true_clusters;
      f.true_pairs += pairs_in(real.size_of(r));
      if (real.size_of(r) >= 2) ++f.true_clusters_2;
    }
  }
  for (const auto& [key, n] : cells) {
    const auto found_size = found.size_of(static_cast<std::uint32_t>(key >> 32));
    const auto true_size = real.size_of(static_cast<std::uint32_t>(key));
    f.true_positives += pairs_in(n);
    f.bcubed_precision += static_cast<double>(n) * n / found_size;
    f.bcubed_recall += static_cast<double>(n) * n / true_size;
    if (n == found_size && n == true_size) {
      ++f.exact;
      if (n >= 2) ++f.exact_2;
    }
  }
  if (records > 0) {
    f.bcubed_precision /= static_cast<double>(records);
    f.bcubed_recall /= static_cast<double>(records);
  }
  return f;
}

std::vector<PairKey> true_pairs_from_fields(const Side& left, const Side& right, bool dedupe) {
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> by_truth;
  for (std::uint32_t j = 0; j < right.size; ++j)
    if (!right.truth(j).empty()) by_truth[right.truth(j)].push_back(j);
  std::vector<PairKey> out;
  for (std::uint32_t i = 0; i < left.size; ++i) {
    if (left.truth(i).empty()) continue;
    auto found = by_truth.find(left.truth(i));
    if (found == by_truth.end()) continue;
    for (std::uint32_t j : found->second)
      if (!dedupe || j > i) out.push_back(pair_key(i, j, dedupe));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<PairKey> true_pairs_from_file(io::RecordReader& reader, const Side& left,
                                          const Side& right, bool dedupe, std::uint64_t& unknown) {
  auto index = [](const Side& side) {
    std::unordered_map<std::string_view, std::uint32_t> ids;
    for (std::uint32_t r = 0; r < side.size; ++r) ids.emplace(side.id(r), r);
    return ids;
  };
  auto left_ids = index(left);
  auto right_ids = dedupe ? left_ids : index(right);
  std::vector<PairKey> out;
  io::Record record;
  while (reader.next(record)) {
    std::string ids[2];
    int n = 0;
    for (auto field : record.root) {
      if (n == 2) break;
      ids[n++] = simdjson::minify(field.value);
    }
    if (n < 2) {
      reader.reject(record, 1, "a truth pair needs two values: a left id and a right id");
      continue;
    }
    auto a = left_ids.find(ids[0]);
    auto b = right_ids.find(ids[1]);
    if (a == left_ids.end() || b == right_ids.end() || (dedupe && a->second == b->second)) {
      ++unknown;
      continue;
    }
    out.push_back(pair_key(a->second, b->second, dedupe));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void evaluate(io::JsonlWriter& out, const EvaluationInput& in, const std::vector<Link>& links,
              std::vector<PairKey> truth) {
  std::vector<PairKey> predicted;
  predicted.reserve(links.size());
  for (const Link& l : links) predicted.push_back(pair_key(l.left, l.right, in.dedupe));
  std::vector<PairKey> sorted_predicted = predicted;
  std::sort(sorted_predicted.begin(), sorted_predicted.end());
  auto is_true = [&](PairKey k) { return std::binary_search(truth.begin(), truth.end(), k); };
  auto is_candidate = [&](std::uint32_t i, std::uint32_t j) {
    for (std::size_t r = 0; r < in.left.rules; ++r)
      if (in.left.same_key(r, i, in.right, j)) return true;
    return false;
  };
  std::uint64_t tp = 0;
  for (PairKey k : predicted) tp += is_true(k);
  std::uint64_t truth_compared = 0;
  for (PairKey k : truth)
    truth_compared +=
        is_candidate(static_cast<std::uint32_t>(k >> 32), static_cast<std::uint32_t>(k));
  const auto fp = predicted.size() - tp, fn = truth.size() - tp;

  out.begin_object();
  if (in.dedupe) {
    out.key("records").number(static_cast<std::uint64_t>(in.left.size));
  } else {
    out.key("records_left").number(static_cast<std::uint64_t>(in.left.size));
    out.key("records_right").number(static_cast<std::uint64_t>(in.right.size));
  }
  out.key("pairs_compared").number(in.pairs_compared);
  out.key("true_links").number(static_cast<std::uint64_t>(truth.size()));
  out.key("true_links_compared").number(truth_compared);
  out.key("links").number(static_cast<std::uint64_t>(predicted.size()));
  out.key("true_positives").number(tp);
  out.key("false_positives").number(static_cast<std::uint64_t>(fp));
  out.key("false_negatives").number(static_cast<std::uint64_t>(fn));
  ratio(out, "precision", static_cast<double>(tp), static_cast<double>(predicted.size()));
  ratio(out, "recall", static_cast<double>(tp), static_cast<double>(truth.size()));
  ratio(out, "f1", 2.0 * static_cast<double>(tp),
        static_cast<double>(predicted.size() + truth.size()));
  out.key("threshold").number(in.threshold);
  if (in.unknown > 0) out.key("truth_pairs_not_found").number(in.unknown);
  if (in.clusters) write_clusters(out, cluster_figures(in.left.size, links, truth));
  out.end_object();
  out.end_line();

  for (const Link& l : links) {
    if (is_true(pair_key(l.left, l.right, in.dedupe))) continue;
    out.begin_object();
    out.key("error").string("false_match");
    in.writer.keys(out, l);
    out.end_object();
    out.end_line();
  }
  const Scorer& scorer = in.writer.scorer;
  for (PairKey k : truth) {
    if (std::binary_search(sorted_predicted.begin(), sorted_predicted.end(), k)) continue;
    Link l;
    l.left = static_cast<std::uint32_t>(k >> 32);
    l.right = static_cast<std::uint32_t>(k);
    l.pattern = pattern_of(in.comparisons, in.left, l.left, in.right, l.right);
    l.weight = scorer.weight(l.pattern, l.left);
    l.probability = probability(l.weight);  // on its own: it may not have been a candidate
    out.begin_object();
    out.key("error").string("miss");
    in.writer.keys(out, l);
    out.key("candidate").boolean(is_candidate(l.left, l.right));
    out.end_object();
    out.end_line();
  }
}

}  // namespace socred::link
