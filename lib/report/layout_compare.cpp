// Two runs laid out: who changed decision, how scores shifted, and the rules
// (or flags, or reasons) that caused each change.
#include <fmt/format.h>

#include <algorithm>

#include "report/figures.hpp"
#include "report/layout.hpp"
#include "report/numbers.hpp"
#include "rules/milli.hpp"

namespace socred::report {

namespace {

std::string share(std::uint64_t part, std::uint64_t whole) {
  return whole == 0 ? "–" : percent_text(static_cast<double>(part) / static_cast<double>(whole));
}

std::string run_text(const char* name, const std::string& file, const io::LineStats& s) {
  return fmt::format("{}: {} (read {} lines = {} used + {} rejected + {} blank)", name,
                     file == "-" ? "<stdin>" : file, count_text(s.read), count_text(s.used()),
                     count_text(s.rejected), count_text(s.blank));
}

std::string score_text(const std::optional<Real>& s) { return s ? real_text(*s) : "–"; }

}  // namespace

Document layout_compare(const Meta& meta, const Comparison& c) {
  const bool decisions = c.kind == Kind::kDecision;
  const char* unit = decisions ? "decisions" : "persons";
  Document doc{"socred report: two runs compared", "", {}};
  doc.subtitle =
      fmt::format("{} of {} {} changed", count_text(c.changed), count_text(c.both), unit);

  Section input = input_section(
      meta, {run_text("A", c.file_a, c.stats_a), run_text("B", c.file_b, c.stats_b),
             fmt::format("{} {} in both runs, {} only in A, {} only in B", count_text(c.both), unit,
                         count_text(c.only_a), count_text(c.only_b))});
  doc.sections.push_back(std::move(input));

  Section what{"What changed", {}};
  if (decisions) {
    what.blocks.emplace_back(Paragraph{fmt::format(
        "{} of {} decisions changed ({}): {} now allowed, {} now denied, {} between forbidden "
        "and not permitted",
        count_text(c.changed), count_text(c.both), share(c.changed, c.both), count_text(c.gained),
        count_text(c.lost), count_text(c.changed - c.gained - c.lost))});
    Table t{"",
            {"service", "in both", "changed", "allow → denied", "denied → allow",
             "forbidden ↔ not permitted"},
            "lrrrrr",
            {},
            {},
            ""};
    Chart ch{"changed_per_service",
             "Decisions changed per service",
             "share changed",
             {},
             std::nullopt,
             "",
             0};
    for (const Transitions& s : c.services) {
      const auto& m = s.counts;
      t.rows.push_back({s.service, count_text(s.total()), count_text(s.changed()),
                        count_text(m[0][1] + m[0][2]), count_text(m[1][0] + m[2][0]),
                        count_text(m[1][2] + m[2][1])});
      t.flagged.push_back(false);
      const double rate =
          s.total() ? static_cast<double>(s.changed()) / static_cast<double>(s.total()) : 0;
      ch.bars.push_back({s.service, rate, share(s.changed(), s.total()), false});
    }
    what.blocks.emplace_back(std::move(t));
    what.blocks.emplace_back(std::move(ch));
  } else if (meta.settings.cutoff) {
    what.blocks.emplace_back(Paragraph{
        fmt::format("{} of {} persons crossed score {} ({}): {} now at or above, {} now below",
                    count_text(c.changed), count_text(c.both), decimal_text(*meta.settings.cutoff),
                    share(c.changed, c.both), count_text(c.gained), count_text(c.lost))});
  } else {
    what.blocks.emplace_back(Paragraph{fmt::format(
        "{} of {} persons have another score ({}); --cutoff SCORE counts who crosses a line",
        count_text(c.changed), count_text(c.both), share(c.changed, c.both))});
  }
  doc.sections.push_back(std::move(what));

  Section shifts{"Score shifts (B − A)", {}};
  shifts.blocks.emplace_back(
      Paragraph{fmt::format("{} persons up, {} down, {} unchanged", count_text(c.up),
                            count_text(c.down), count_text(c.same))});
  shifts.blocks.emplace_back(distribution_table("", "", {{"shift", &c.shift}}));
  shifts.blocks.emplace_back(histogram_chart("shift_histogram", "Score shift per person", "persons",
                                             bins_of(c.shift, meta.bins), c.shift.integers()));
  doc.sections.push_back(std::move(shifts));

  Section causes{"Which rules caused them", {}};
  Table rt{"Points moved per rule (B − A)",
           {"rule", "change", "gains", "losses", "persons moved"},
           "lrrrr",
           {},
           {},
           ""};
  Chart rc{"rule_shift", "Points moved per rule (B − A)", "points", {}, std::nullopt, "", 0};
  for (const auto& e : heaviest(c.rule_shift, meta.top)) {
    rt.rows.push_back({e.name, signed_points_text(e.total), signed_points_text(e.positive),
                       signed_points_text(e.negative), count_text(e.persons)});
    rt.flagged.push_back(false);
    rc.bars.push_back(
        {e.name, rules::milli_as_double(e.total), signed_points_text(e.total), false});
  }
  if (c.rule_shift.entries().empty())
    rt.note = "the lines carry no contributions, or no rule's points changed";
  causes.blocks.emplace_back(std::move(rt));
  causes.blocks.emplace_back(std::move(rc));
  std::vector<std::pair<std::string, std::uint64_t>> list(c.causes.begin(), c.causes.end());
  std::stable_sort(list.begin(), list.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  const std::size_t shown =
      meta.top > 0 ? std::min<std::size_t>(meta.top, list.size()) : list.size();
  Table ct{"Principal cause of each change", {"cause", "changes", "share"}, "lrr", {}, {}, ""};
  for (std::size_t i = 0; i < shown; ++i) {
    ct.rows.push_back(
        {list[i].first, count_text(list[i].second), share(list[i].second, c.changed)});
    ct.flagged.push_back(false);
  }
  ct.note =
      "cause: the rule whose points moved most in the direction of the change; else a flag "
      "set or cleared; else the reason given";
  causes.blocks.emplace_back(std::move(ct));
  doc.sections.push_back(std::move(causes));

  Section who{decisions ? "Who changed decision" : "Who changed", {}};
  Table wt;
  wt.headers = {"person"};
  if (decisions) wt.headers.push_back("service");
  wt.headers.insert(wt.headers.end(), {"score A", "score B", "shift"});
  if (decisions || meta.settings.cutoff) wt.headers.insert(wt.headers.end(), {"A", "B"});
  wt.headers.push_back("cause");
  wt.align = decisions ? "llrrrlll" : meta.settings.cutoff ? "lrrrlll" : "lrrrl";
  for (const Change& ch : c.examples) {
    std::vector<std::string> row{ch.person};
    if (decisions) row.push_back(ch.service);
    row.push_back(score_text(ch.score_a));
    row.push_back(score_text(ch.score_b));
    row.push_back(ch.score_a && ch.score_b ? (*ch.score_b > *ch.score_a ? "+" : "") +
                                                 real_text(*ch.score_b - *ch.score_a)
                                           : "–");
    if (decisions || meta.settings.cutoff) {
      row.push_back(ch.outcome_a);
      row.push_back(ch.outcome_b);
    }
    row.push_back(ch.cause_points ? ch.cause + " (" + signed_points_text(ch.cause_points) + ")"
                                  : ch.cause);
    wt.rows.push_back(std::move(row));
    wt.flagged.push_back(false);
  }
  wt.note = c.examples.size() < c.changed
                ? fmt::format("the {} largest of {} changes by score shift; --top N shows more",
                              c.examples.size(), c.changed)
                : "";
  who.blocks.emplace_back(std::move(wt));
  doc.sections.push_back(std::move(who));

  if (meta.by) {
    Section by{"By " + by_text(meta), {}};
    Table gt{
        "",      {by_text(meta), std::string("in both"), "changed", "share changed", "mean shift"},
        "lrrrr", {},
        {},      ""};
    Chart gc{"group_changed",
             "Share changed by " + by_text(meta),
             "share changed",
             {},
             std::nullopt,
             "",
             0};
    for (const auto& [label, g] : c.groups) {
      gt.rows.push_back({label, count_text(g.total), count_text(g.changed),
                         share(g.changed, g.total),
                         g.shift.count() ? real_text(g.shift.mean(), 2) : "–"});
      gt.flagged.push_back(false);
      gc.bars.push_back(
          {label, g.total ? static_cast<double>(g.changed) / static_cast<double>(g.total) : 0,
           share(g.changed, g.total), false});
    }
    by.blocks.emplace_back(std::move(gt));
    by.blocks.emplace_back(cap_group_bars(std::move(gc)));
    doc.sections.push_back(std::move(by));
  }
  return doc;
}

}  // namespace socred::report
