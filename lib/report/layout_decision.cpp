// Decision lines laid out: rates per service, the reasons people are told,
// and the four-fifths comparison of allow rates between groups.
#include <fmt/format.h>

#include <algorithm>

#include "report/figures.hpp"
#include "report/layout.hpp"
#include "report/numbers.hpp"

namespace socred::report {

namespace {

double rate(std::uint64_t part, std::uint64_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

Document layout_decision(const Meta& meta, const Grouped<DecisionTally>& grouped) {
  const DecisionTally total = grouped.total();
  const auto groups = grouped.list();
  Document doc{"socred report: decisions", "", {}};
  std::uint64_t denied = 0;
  for (const auto& s : total.services) denied += s.forbidden + s.not_permitted;
  doc.subtitle = fmt::format("{} decisions over {} services", count_text(total.lines),
                             count_text(total.services.size()));
  if (grouped.grouped())
    doc.subtitle += fmt::format(" in {} groups by {}", groups.size(), by_text(meta));

  std::string per_service;
  for (const auto& s : total.services)
    per_service += (per_service.empty() ? "" : " + ") + count_text(s.total());
  doc.sections.push_back(
      input_section(meta, {fmt::format("{} decision lines used = {} decisions = {} (per service)",
                                       count_text(meta.stats.used()), count_text(total.lines),
                                       per_service.empty() ? "0" : per_service),
                           fmt::format("{} allowed, {} denied", count_text(total.lines - denied),
                                       count_text(denied))}));

  Section rates{"Decisions per service", {}};
  Table t{"",
          {"service", "decisions", "allow", "forbidden", "not permitted", "allow rate",
           "forbidden rate", "not permitted rate"},
          "lrrrrrrr",
          {},
          {},
          ""};
  Chart chart{
      "allow_rate", "Allow rate per service", "share of decisions", {}, std::nullopt, "", 1};
  for (const auto& s : total.services) {
    t.rows.push_back({s.service, count_text(s.total()), count_text(s.allow),
                      count_text(s.forbidden), count_text(s.not_permitted),
                      percent_text(rate(s.allow, s.total())),
                      percent_text(rate(s.forbidden, s.total())),
                      percent_text(rate(s.not_permitted, s.total()))});
    t.flagged.push_back(false);
    chart.bars.push_back(
        {s.service, rate(s.allow, s.total()), percent_text(rate(s.allow, s.total())), false});
  }
  t.note =
      "forbidden: a forbid rule matched (it wins over any allow); not permitted: no allow rule "
      "matched";
  rates.blocks.emplace_back(std::move(t));
  rates.blocks.emplace_back(std::move(chart));
  doc.sections.push_back(std::move(rates));

  Section why{"Why people were denied", {}};
  std::vector<std::pair<std::string, std::uint64_t>> reasons(total.reasons.begin(),
                                                             total.reasons.end());
  std::stable_sort(reasons.begin(), reasons.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  const std::size_t shown =
      meta.top > 0 ? std::min<std::size_t>(meta.top, reasons.size()) : reasons.size();
  Table rt{"Principal reason of each denial", {"reason", "denials", "share"}, "lrr", {}, {}, ""};
  Chart rc{"reasons", "Principal reasons of denials", "denials", {}, std::nullopt, "", 0};
  for (std::size_t i = 0; i < shown; ++i) {
    rt.rows.push_back({reasons[i].first, count_text(reasons[i].second),
                       percent_text(rate(reasons[i].second, denied))});
    rt.flagged.push_back(false);
    rc.bars.push_back({reasons[i].first, static_cast<double>(reasons[i].second),
                       count_text(reasons[i].second), false});
  }
  if (shown < reasons.size())
    rt.note = fmt::format("the {} most frequent of {}; --top N shows more", shown, reasons.size());
  why.blocks.emplace_back(std::move(rt));
  why.blocks.emplace_back(std::move(rc));
  doc.sections.push_back(std::move(why));

  if (grouped.grouped()) {
    Section by{"By " + by_text(meta), {}};
    Table gt;
    gt.headers = {by_text(meta), "decisions"};
    for (const auto& s : total.services) gt.headers.push_back(s.service + " allow");
    gt.align = "l" + std::string(gt.headers.size() - 1, 'r');
    for (const auto& g : groups) {
      std::vector<std::string> row{g.label, count_text(g.tally->lines)};
      for (const auto& s : total.services) {
        std::string cell = "–";
        for (const auto& c : g.tally->services)
          if (c.service == s.service) cell = percent_text(rate(c.allow, c.total()));
        row.push_back(cell);
      }
      gt.rows.push_back(std::move(row));
      gt.flagged.push_back(false);
    }
    by.blocks.emplace_back(std::move(gt));
    std::uint64_t flagged = 0;
    const auto disparities = decision_disparities(grouped);
    for (const auto& d : disparities) flagged += d.flagged;
    by.blocks.emplace_back(Paragraph{
        fmt::format("{} group-service pairs fall below four fifths of the best group's allow "
                    "rate (29 CFR 1607.4(D))",
                    flagged),
        flagged > 0});
    for (std::size_t i = 0; i < disparities.size(); ++i) {
      by.blocks.emplace_back(disparity_table(disparities[i], by_text(meta), "allowed"));
      by.blocks.emplace_back(disparity_chart(fmt::format("disparity_{}", i + 1), disparities[i]));
    }
    doc.sections.push_back(std::move(by));
  }
  return doc;
}

}  // namespace socred::report
