// Score lines laid out: the distribution, what weighs most (rules, sources,
// public records against private platforms), and groups.
#include <fmt/format.h>

#include <cstdlib>

#include "report/figures.hpp"
#include "report/layout.hpp"
#include "report/numbers.hpp"
#include "rules/milli.hpp"

namespace socred::report {

namespace {

std::string share_text(std::int64_t part, std::int64_t whole) {
  return whole == 0 ? "–" : percent_text(static_cast<double>(part) / static_cast<double>(whole));
}

Table ledger_table(const std::string& title, const std::string& what, const Ledger& ledger,
                   const Settings* classify, int top) {
  Table t;
  t.title = title;
  t.headers = {what};
  if (classify) t.headers.push_back("kind");
  for (const char* h : {"points", "gains", "losses", "persons", "share of |points|"})
    t.headers.push_back(h);
  t.align = classify ? "llrrrrr" : "lrrrrr";
  const std::int64_t weight = ledger.weight();
  const auto entries = heaviest(ledger, top);
  for (const auto& e : entries) {
    std::vector<std::string> row{e.name};
    if (classify) row.push_back(is_public(e.name, *classify) ? "public" : "private");
    row.push_back(signed_points_text(e.total));
    row.push_back(signed_points_text(e.positive));
    row.push_back(signed_points_text(e.negative));
    row.push_back(count_text(e.persons));
    row.push_back(share_text(weight_of(e.positive, e.negative), weight));
    t.rows.push_back(std::move(row));
    t.flagged.push_back(false);
  }
  if (top > 0 && ledger.entries().size() > entries.size())
    t.note = fmt::format("the {} heaviest of {}; --top N shows more", entries.size(),
                         ledger.entries().size());
  return t;
}

Chart ledger_chart(const std::string& id, const std::string& title, const Ledger& ledger, int top) {
  Chart c;
  c.id = id;
  c.title = title;
  c.axis = "points";
  for (const auto& e : heaviest(ledger, top))
    c.bars.push_back({e.name, rules::milli_as_double(e.total), signed_points_text(e.total), false});
  return c;
}

}  // namespace

Document layout_score(const Meta& meta, const Grouped<ScoreTally>& grouped) {
  const ScoreTally total = grouped.total();
  const auto groups = grouped.list();
  Document doc{"socred report: scores", "", {}};
  doc.subtitle = fmt::format("{} persons", count_text(total.persons));
  if (grouped.grouped())
    doc.subtitle += fmt::format(" in {} groups by {}", groups.size(), by_text(meta));

  std::vector<std::string> checks;
  checks.push_back(fmt::format(
      "{} score lines used = {} persons{}", count_text(meta.stats.used()),
      count_text(total.persons),
      grouped.grouped() ? fmt::format(" in {} groups by {}", groups.size(), by_text(meta)) : ""));
  checks.push_back(fmt::format("{} events behind these scores, {} matched by a rule",
                               count_text(total.events), count_text(total.matched)));
  doc.sections.push_back(input_section(meta, checks));

  Section scores{"Scores", {}};
  scores.blocks.emplace_back(distribution_table("", "", {{"score", &total.score}}));
  scores.blocks.emplace_back(histogram_chart("score_histogram", "Score distribution", "persons",
                                             bins_of(total.score, meta.bins),
                                             total.score.integers()));
  if (meta.settings.cutoff)
    scores.blocks.emplace_back(Paragraph{
        fmt::format("score >= {}: {} of {} persons ({})", decimal_text(*meta.settings.cutoff),
                    count_text(total.selected), count_text(total.persons),
                    percent_text(total.persons == 0 ? 0.0
                                                    : static_cast<double>(total.selected) /
                                                          static_cast<double>(total.persons)))});
  doc.sections.push_back(std::move(scores));

  Section weighs{"What weighs most", {}};
  weighs.blocks.emplace_back(
      ledger_table("Rules by total points", "rule", total.rules, nullptr, meta.top));
  weighs.blocks.emplace_back(ledger_chart("rules", "Rules by total points", total.rules, meta.top));
  weighs.blocks.emplace_back(
      ledger_table("Sources by total points", "source", total.sources, &meta.settings, meta.top));
  weighs.blocks.emplace_back(
      ledger_chart("sources", "Sources by total points", total.sources, meta.top));
  const SourceShares shares = source_shares(total.sources, meta.settings);
  std::int64_t moved = shares.public_weight;
  accumulate(moved, shares.private_weight);
  weighs.blocks.emplace_back(Paragraph{fmt::format(
      "public records moved {} of all points (|points| {} of {}; net {}), private platforms {} "
      "(net {})",
      share_text(shares.public_weight, moved), points_text(shares.public_weight),
      points_text(moved), signed_points_text(shares.public_net),
      share_text(shares.private_weight, moved), signed_points_text(shares.private_net))});
  Chart fusion{"public_private",
               "Share of |points|: public records and private platforms",
               "share of |points|",
               {},
               std::nullopt,
               "",
               1};
  const double pub = shares.public_share();
  fusion.bars.push_back(
      {"public records", moved == 0 ? 0 : pub, share_text(shares.public_weight, moved), false});
  fusion.bars.push_back({"private platforms", moved == 0 ? 0 : 1 - pub,
                         share_text(shares.private_weight, moved), false});
  weighs.blocks.emplace_back(std::move(fusion));
  if (!total.flags.empty()) {
    Table flags{"Flags", {"flag", "persons", "share of persons"}, "lrr", {}, {}, ""};
    for (const auto& [flag, n] : total.flags) {
      flags.rows.push_back(
          {flag, count_text(n),
           share_text(static_cast<std::int64_t>(n), static_cast<std::int64_t>(total.persons))});
      flags.flagged.push_back(false);
    }
    weighs.blocks.emplace_back(std::move(flags));
  }
  if (!total.spilled.entries().empty())
    weighs.blocks.emplace_back(ledger_table("Points spilled from friends, by rule", "rule",
                                            total.spilled, nullptr, meta.top));
  doc.sections.push_back(std::move(weighs));

  if (grouped.grouped()) {
    Section by{"By " + by_text(meta), {}};
    Table t;
    t.headers = {by_text(meta), "persons", "mean", "p10", "median", "p90", "public share"};
    if (meta.settings.cutoff) t.headers.insert(t.headers.end(), {"selected", "rate"});
    t.align = "l" + std::string(t.headers.size() - 1, 'r');
    Chart means{
        "group_mean", "Mean score by " + by_text(meta), "mean score", {}, std::nullopt, "", 0};
    for (const auto& g : groups) {
      const ScoreTally& s = *g.tally;
      std::vector<std::string> row{
          g.label,
          count_text(s.persons),
          real_text(s.score.mean(), 1),
          real_text(s.score.quantile(0.1)),
          real_text(s.score.quantile(0.5)),
          real_text(s.score.quantile(0.9)),
          percent_text(source_shares(s.sources, meta.settings).public_share())};
      if (meta.settings.cutoff) {
        row.push_back(count_text(s.selected));
        row.push_back(
            percent_text(static_cast<double>(s.selected) / static_cast<double>(s.persons)));
      }
      t.rows.push_back(std::move(row));
      t.flagged.push_back(false);
      means.bars.push_back(
          {g.label, static_cast<double>(s.score.mean()), real_text(s.score.mean(), 1), false});
    }
    by.blocks.emplace_back(std::move(t));
    by.blocks.emplace_back(cap_group_bars(std::move(means)));
    if (meta.settings.cutoff) {
      const Disparity d = score_disparity(grouped, *meta.settings.cutoff, meta.min_group);
      by.blocks.emplace_back(disparity_meaning(meta.min_group));
      by.blocks.emplace_back(disparity_table(d, by_text(meta), "selected"));
      by.blocks.emplace_back(disparity_chart("disparity", d));
    } else {
      by.blocks.emplace_back(
          Paragraph{"--cutoff SCORE compares the share of each group at or above a score "
                    "(four-fifths rule)"});
    }
    doc.sections.push_back(std::move(by));
  }
  return doc;
}

}  // namespace socred::report
