// The parts every report shares: the reconciliation of what came in,
// distribution tables, histograms and the four-fifths comparison.
#include <fmt/format.h>

#include <algorithm>

#include "report/figures.hpp"
#include "report/layout.hpp"
#include "report/numbers.hpp"

namespace socred::report {

std::string by_text(const Meta& meta) { return meta.by ? io::path_text(*meta.by) : ""; }

Section input_section(const Meta& meta, const std::vector<std::string>& checks) {
  Section s{"Input", {}};
  std::string files;
  for (const auto& f : meta.files)
    files += (files.empty() ? "" : ", ") + (f == "-" ? "<stdin>" : f);
  if (files.empty()) files = "<stdin>";
  Table t{"", {"", ""}, "ll", {}, {}, ""};
  t.rows.push_back({"files", files});
  t.rows.push_back({"kind", std::string(kind_lines(meta.kind)) + (meta.kind == Kind::kAuto ? ""
                                                                  : meta.detected ? " (detected)"
                                                                                  : " (--kind)")});
  t.rows.push_back({"lines read", count_text(meta.stats.read)});
  t.rows.push_back({"used", count_text(meta.stats.used())});
  t.rows.push_back({"rejected", count_text(meta.stats.rejected)});
  t.rows.push_back({"blank", count_text(meta.stats.blank)});
  t.flagged.assign(t.rows.size(), false);
  t.flagged[4] = meta.stats.rejected > 0;
  s.blocks.emplace_back(std::move(t));
  s.blocks.emplace_back(
      Paragraph{fmt::format("read {} lines = {} used + {} rejected + {} blank",
                            count_text(meta.stats.read), count_text(meta.stats.used()),
                            count_text(meta.stats.rejected), count_text(meta.stats.blank))});
  for (const auto& c : checks) s.blocks.emplace_back(Paragraph{c});
  return s;
}

Document layout_empty(const Meta& meta) {
  Document doc{"socred report", "no records", {}};
  doc.sections.push_back(input_section(meta, {"no records to summarise"}));
  return doc;
}

Table distribution_table(const std::string& title, const std::string& first_column,
                         const std::vector<std::pair<std::string, const Distribution*>>& rows) {
  Table t;
  t.title = title;
  t.headers = {first_column, "n", "mean", "min"};
  for (double q : kQuantiles) t.headers.push_back(quantile_name(q));
  t.headers.push_back("max");
  t.align = "l" + std::string(t.headers.size() - 1, 'r');
  bool sketched = false;
  for (const auto& [name, d] : rows) {
    std::vector<std::string> row{name, count_text(d->count())};
    if (d->count() == 0) {
      row.resize(t.headers.size(), "–");
    } else {
      row.push_back(real_text(d->mean(), 1));
      row.push_back(real_text(d->min()));
      for (double q : kQuantiles) row.push_back(real_text(d->quantile(q)));
      row.push_back(real_text(d->max()));
    }
    sketched = sketched || !d->exact();
    t.rows.push_back(std::move(row));
    t.flagged.push_back(false);
  }
  if (sketched)
    t.note = fmt::format(
        "quantiles past {} distinct values come from a sketch, within {} of "
        "the exact value",
        count_text(Distribution::kExactDistinct), percent_text(Distribution::kRelativeError));
  return t;
}

Chart histogram_chart(const std::string& id, const std::string& title, const std::string& axis,
                      const std::vector<Bin>& bins, bool integers) {
  Chart c;
  c.id = id;
  c.title = title;
  c.axis = axis;
  for (const Bin& b : bins)
    c.bars.push_back(
        {bin_text(b.lo, b.hi, integers), static_cast<double>(b.count), count_text(b.count), false});
  return c;
}

namespace {

std::string interval_text(const Interval& i, bool percent) {
  return percent ? decimal_text(i.low * 100, 1) + "–" + percent_text(i.high)
                 : ratio_text(i.low) + "–" + ratio_text(i.high);
}

std::string status_text(const Disparity& d, const DisparityRow& r) {
  if (r.too_few) return "too few";
  if (!d.reference) return "–";
  if (r.reference) return "reference";
  if (r.flagged) return "BELOW";
  if (r.below) return "below, not significant";
  return "ok";
}

}  // namespace

Table disparity_table(const Disparity& d, const std::string& group_title,
                      const std::string& selected_word) {
  Table t;
  t.title = "Four-fifths rule: " + d.subject;
  t.headers = {group_title, "n",      selected_word, "rate",   "95% CI",
               "ratio",     "95% CI", "p",           "Holm p", "four fifths"};
  t.align = "lrrrrrrrrl";
  for (const auto& r : d.rows) {
    t.rows.push_back({r.group, count_text(r.total), count_text(r.selected), percent_text(r.rate),
                      interval_text(r.rate_interval, true), r.ratio ? ratio_text(*r.ratio) : "–",
                      r.ratio_interval ? interval_text(*r.ratio_interval, false) : "–",
                      r.p ? p_text(*r.p) : "–", r.p_adjusted ? p_text(*r.p_adjusted) : "–",
                      status_text(d, r)});
    t.flagged.push_back(r.flagged);
  }
  if (!d.reference) {
    t.note =
        d.too_few == d.rows.size()
            ? fmt::format("every group has fewer than {} persons: no reference, nothing tested",
                          count_text(d.min_group))
            : "no group of enough persons is selected at all: no ratio to compare";
    return t;
  }
  t.note = fmt::format(
      "reference: {} ({}), the best rate among groups of at least {} persons; {} of {} tested "
      "groups flagged (ratio below four fifths and Holm-adjusted p < {}), {} more below four "
      "fifths but within chance",
      d.rows[*d.reference].group, percent_text(d.reference_rate), count_text(d.min_group),
      d.flagged, d.tested, decimal_text(kAlpha), d.below - d.flagged);
  if (d.too_few > 0)
    t.note += fmt::format("; {} groups of fewer than {} persons are too few to test", d.too_few,
                          count_text(d.min_group));
  return t;
}

Paragraph disparity_meaning(std::uint64_t min_group) {
  return Paragraph{fmt::format(
      "What a flag means: the group's rate is below four fifths of the reference group's (the "
      "highest rate among groups of at least {} persons) and a difference that large is unlikely "
      "by chance alone (two-sided Fisher exact test, p adjusted by Holm across the groups of one "
      "service, below {}). What it does not mean: it does not say why the rates differ or that "
      "anyone intended it; an unflagged group is not shown to be treated fairly; a group marked "
      "\"too few\" may differ as much without the data being able to tell. Intervals are 95 %: "
      "Wilson for a rate, Katz log for a ratio.",
      count_text(min_group), decimal_text(kAlpha))};
}

Chart cap_group_bars(Chart chart) {
  if (chart.bars.size() > kMaxGroupBars) {
    chart.title += fmt::format(" (the first {} of {} groups)", kMaxGroupBars, chart.bars.size());
    chart.bars.resize(kMaxGroupBars);
  }
  return chart;
}

Chart disparity_chart(const std::string& id, const Disparity& d) {
  Chart c;
  c.id = id;
  c.title = "Ratio to the reference group: " + d.subject;
  c.axis = "selection-rate ratio, 95% interval";
  for (const auto& r : d.rows) {
    if (!r.ratio) continue;
    Bar b{r.group, *r.ratio, ratio_text(*r.ratio), r.flagged};
    if (r.ratio_interval) b.range = std::make_pair(r.ratio_interval->low, r.ratio_interval->high);
    if (r.too_few) b.text += " (too few)";
    if (r.reference) b.text += " (reference)";
    c.bars.push_back(std::move(b));
  }
  c.reference = kFourFifths;
  c.reference_label = "four fifths";
  // A small group may do better than the reference, and intervals reach
  // past 1; past twice the reference's rate, bars and whiskers are cut.
  c.scale = 1;
  for (const Bar& b : c.bars)
    c.scale = std::max({c.scale, b.value, b.range ? b.range->second : 0.0});
  c.scale = std::min(c.scale, 2.0);
  return cap_group_bars(std::move(c));
}

}  // namespace socred::report
