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
  std::vector<std::pair<ReasonKey, ReasonCount>> reasons(total.reasons.begin(),
                                                         total.reasons.end());
  std::stable_sort(reasons.begin(), reasons.end(), [](const auto& a, const auto& b) {
    return a.second.denials != b.second.denials ? a.second.denials > b.second.denials
                                                : a.second.principal > b.second.principal;
  });
  const std::size_t shown =
      meta.top > 0 ? std::min<std::size_t>(meta.top, reasons.size()) : reasons.size();
  Table rt{"Reasons the denials cite, by kind and rule",
           {"reason", "denials citing", "share", "principal", "share"},
           "lrrrr",
           {},
           {},
           ""};
  Chart rc{"reasons", "Reasons the denials cite", "denials", {}, std::nullopt, "", 0};
  for (std::size_t i = 0; i < shown; ++i) {
    const auto& [key, c] = reasons[i];
    std::string label = reason_label(key);
    if (!c.text.empty() && c.text != key.rule) label += " (\u201c" + c.text + "\u201d)";
    rt.rows.push_back({label, count_text(c.denials), percent_text(rate(c.denials, denied)),
                       count_text(c.principal), percent_text(rate(c.principal, denied))});
    rt.flagged.push_back(false);
    rc.bars.push_back(
        {reason_label(key), static_cast<double>(c.denials), count_text(c.denials), false});
  }
  rt.note =
      "a denial cites several reasons; its principal one is the first after the gap (the "
      "threshold it missed)";
  if (shown < reasons.size())
    rt.note += fmt::format("; the {} most cited of {}; --top N shows more", shown, reasons.size());
  why.blocks.emplace_back(std::move(rt));
  why.blocks.emplace_back(std::move(rc));
  doc.sections.push_back(std::move(why));

  Section faith{"How faithful the reasons are", {}};
  ServiceCounts all;
  for (const auto& s : total.services)
    merge_members(all, s, &ServiceCounts::forbidden, &ServiceCounts::not_permitted,
                  &ServiceCounts::checked, &ServiceCounts::suffice, &ServiceCounts::not_earned,
                  &ServiceCounts::friends);
  faith.blocks.emplace_back(Paragraph{fmt::format(
      "of {} denials, {} ({}) cite reasons that suffice: without the cited penalties and "
      "friends' points the same policy allows (without_cited = allow); {} ({}) cite points not "
      "earned; {} ({}) name friends' points",
      count_text(denied), count_text(all.suffice), percent_text(rate(all.suffice, denied)),
      count_text(all.not_earned), percent_text(rate(all.not_earned, denied)),
      count_text(all.friends), percent_text(rate(all.friends, denied)))});
  if (all.checked < denied)
    faith.blocks.emplace_back(Paragraph{
        fmt::format("{} denials carry no without_cited (written by an older gate?): they count "
                    "as not sufficing",
                    count_text(denied - all.checked)),
        true});
  Table ft{"",
           {"service", "denials", "reasons suffice", "share", "cite not earned", "share",
            "name friends", "share"},
           "lrrrrrrr",
           {},
           {},
           ""};
  for (const auto& s : total.services) {
    ft.rows.push_back({s.service, count_text(s.denied()), count_text(s.suffice),
                       percent_text(rate(s.suffice, s.denied())), count_text(s.not_earned),
                       percent_text(rate(s.not_earned, s.denied())), count_text(s.friends),
                       percent_text(rate(s.friends, s.denied()))});
    ft.flagged.push_back(false);
  }
  ft.note =
      "a forbidden decision never suffices this way: a forbid or flag is not removed; a denial "
      "citing points not earned is one the person's own penalties do not explain";
  faith.blocks.emplace_back(std::move(ft));
  doc.sections.push_back(std::move(faith));

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
    std::uint64_t flagged = 0, below = 0;
    const auto disparities = decision_disparities(grouped, meta.min_group);
    for (const auto& d : disparities) {
      flagged += d.flagged;
      below += d.below - d.flagged;
    }
    by.blocks.emplace_back(Paragraph{
        fmt::format("{} group-service pairs are flagged: below four fifths of the reference "
                    "group's allow rate (29 CFR 1607.4(D)) and more than chance; {} more are "
                    "below four fifths but within chance",
                    flagged, below),
        flagged > 0});
    by.blocks.emplace_back(disparity_meaning(meta.min_group));
    for (std::size_t i = 0; i < disparities.size(); ++i) {
      by.blocks.emplace_back(disparity_table(disparities[i], by_text(meta), "allowed"));
      by.blocks.emplace_back(disparity_chart(fmt::format("disparity_{}", i + 1), disparities[i]));
    }
    doc.sections.push_back(std::move(by));
  }
  return doc;
}

}  // namespace socred::report
