// Shares, rankings, disparities and linkage quality from the tallies.
#include "report/figures.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "report/numbers.hpp"

namespace socred::report {

std::string quantile_name(double q) {
  if (q == 0.5) return "median";
  return fmt::format("p{}", static_cast<int>(q * 100 + 0.5));
}

double SourceShares::public_share() const {
  // In double: the share is a ratio, and the sum of two weights may pass int64.
  const double all = static_cast<double>(public_weight) + static_cast<double>(private_weight);
  return all == 0 ? 0.0 : static_cast<double>(public_weight) / all;
}

bool is_public(const std::string& source, const Settings& settings) {
  const auto& pub = settings.public_sources;
  return std::find(pub.begin(), pub.end(), source) != pub.end();
}

SourceShares source_shares(const Ledger& sources, const Settings& settings) {
  SourceShares s;
  for (const auto& e : sources.entries()) {
    if (is_public(e.name, settings)) {
      accumulate(s.public_weight, weight_of(e.positive, e.negative));
      accumulate(s.public_net, e.total);
    } else {
      accumulate(s.private_weight, weight_of(e.positive, e.negative));
      accumulate(s.private_net, e.total);
    }
  }
  return s;
}

std::vector<Ledger::Entry> heaviest(const Ledger& ledger, int top) {
  std::vector<Ledger::Entry> out = ledger.entries();
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return magnitude(a.total) > magnitude(b.total);
  });
  if (top > 0 && out.size() > static_cast<std::size_t>(top)) out.resize(top);
  return out;
}

Disparity score_disparity(const Grouped<ScoreTally>& grouped, double cutoff,
                          std::uint64_t min_group) {
  std::vector<GroupRate> rates;
  for (const auto& g : grouped.list())
    rates.push_back({g.label, g.missing, g.tally->persons, g.tally->selected});
  return disparity("score >= " + decimal_text(cutoff), rates, min_group);
}

std::vector<Disparity> decision_disparities(const Grouped<DecisionTally>& grouped,
                                            std::uint64_t min_group) {
  const DecisionTally total = grouped.total();
  std::vector<Disparity> out;
  for (const ServiceCounts& service : total.services) {
    std::vector<GroupRate> rates;
    for (const auto& g : grouped.list()) {
      GroupRate r{g.label, g.missing};
      for (const ServiceCounts& c : g.tally->services) {
        if (c.service == service.service) {
          r.total = c.total();
          r.selected = c.allow;
        }
      }
      rates.push_back(r);
    }
    out.push_back(disparity(service.service, rates, min_group));
  }
  return out;
}

LinkQuality link_quality(const LinkTally& t) {
  LinkQuality q;
  q.defined = t.tp + t.fp + t.fn + t.tn > 0;
  if (t.tp + t.fp > 0) q.precision = static_cast<double>(t.tp) / static_cast<double>(t.tp + t.fp);
  if (t.tp + t.fn > 0) q.recall = static_cast<double>(t.tp) / static_cast<double>(t.tp + t.fn);
  if (q.precision + q.recall > 0) q.f1 = 2 * q.precision * q.recall / (q.precision + q.recall);
  return q;
}

LinkQuality evaluation_quality(const LinkEvaluation& e) {
  LinkTally t;
  t.tp = e.tp;
  t.fp = e.fp;
  t.fn = e.fn;
  return link_quality(t);
}

std::vector<Bin> bins_of(const Distribution& d, int target) {
  return d.histogram(target > 0 ? target : 12);
}

}  // namespace socred::report
