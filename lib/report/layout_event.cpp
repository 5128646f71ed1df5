// Events laid out: what the platforms and public records contributed,
// which identifying keys the events carry, and the time they span.
#include <fmt/format.h>

#include <algorithm>

#include "report/figures.hpp"
#include "report/layout.hpp"
#include "report/numbers.hpp"

namespace socred::report {

namespace {

std::string share(std::uint64_t part, std::uint64_t whole) {
  return whole == 0 ? "–" : percent_text(static_cast<double>(part) / static_cast<double>(whole));
}

Table counts_table(const std::string& title, const std::string& what, const Counts& counts,
                   std::uint64_t whole, int top) {
  std::vector<std::pair<std::string, std::uint64_t>> rows(counts.begin(), counts.end());
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  Table t{title, {what, "events", "share"}, "lrr", {}, {}, ""};
  const std::size_t shown = top > 0 ? std::min<std::size_t>(top, rows.size()) : rows.size();
  for (std::size_t i = 0; i < shown; ++i) {
    t.rows.push_back({rows[i].first, count_text(rows[i].second), share(rows[i].second, whole)});
    t.flagged.push_back(false);
  }
  if (shown < rows.size())
    t.note = fmt::format("the {} largest of {}; --top N shows more", shown, rows.size());
  return t;
}

}  // namespace

Document layout_event(const Meta& meta, const Grouped<EventTally>& grouped) {
  const EventTally total = grouped.total();
  const auto groups = grouped.list();
  Document doc{"socred report: events", "", {}};
  doc.subtitle = fmt::format("{} events", count_text(total.events));
  if (!total.first_ts.empty())
    doc.subtitle += fmt::format(" from {} to {}", total.first_ts, total.last_ts);
  doc.sections.push_back(input_section(
      meta, {fmt::format("{} events used = {} from public records + {} from private platforms",
                         count_text(meta.stats.used()), count_text(total.public_events),
                         count_text(total.events - total.public_events))}));

  Section sources{"Sources", {}};
  std::vector<std::pair<std::string, std::uint64_t>> ranked(total.sources.begin(),
                                                            total.sources.end());
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  const std::size_t ranked_shown =
      meta.top > 0 ? std::min<std::size_t>(meta.top, ranked.size()) : ranked.size();
  Table st{"", {"source", "kind", "events", "share"}, "llrr", {}, {}, ""};
  Chart sc{"sources", "Events per source", "events", {}, std::nullopt, "", 0};
  for (std::size_t i = 0; i < ranked_shown; ++i) {
    const auto& [source, n] = ranked[i];
    st.rows.push_back({source, is_public(source, meta.settings) ? "public" : "private",
                       count_text(n), share(n, total.events)});
    st.flagged.push_back(false);
    sc.bars.push_back({source, static_cast<double>(n), count_text(n), false});
  }
  if (ranked_shown < ranked.size())
    st.note = fmt::format("the {} largest of {}; --top N shows more", ranked_shown, ranked.size());
  sources.blocks.emplace_back(std::move(st));
  sources.blocks.emplace_back(std::move(sc));
  sources.blocks.emplace_back(
      counts_table("Types", "source/type", total.types, total.events, meta.top));
  sources.blocks.emplace_back(
      counts_table("Keys the events carry", "key", total.keys, total.events, 0));
  doc.sections.push_back(std::move(sources));

  if (grouped.grouped()) {
    Section by{"By " + by_text(meta), {}};
    Table gt{"", {by_text(meta), "events", "public", "private", "public share"}, "lrrrr", {}, {},
             ""};
    Chart gc{"group_events", "Events by " + by_text(meta), "events", {}, std::nullopt, "", 0};
    std::vector<GroupRef<EventTally>> shown = groups;
    for (const auto& g : shown) {
      const EventTally& e = *g.tally;
      gt.rows.push_back({g.label, count_text(e.events), count_text(e.public_events),
                         count_text(e.events - e.public_events), share(e.public_events, e.events)});
      gt.flagged.push_back(false);
      gc.bars.push_back({g.label, static_cast<double>(e.events), count_text(e.events), false});
    }
    by.blocks.emplace_back(std::move(gt));
    by.blocks.emplace_back(cap_group_bars(std::move(gc)));
    doc.sections.push_back(std::move(by));
  }
  return doc;
}

}  // namespace socred::report
