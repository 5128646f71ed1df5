// The parts every report shares: the reconciliation of what came in,
// distribution tables, histograms and the four-fifths comparison.
#include <fmt/format.h>

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

Table disparity_table(const Disparity& d, const std::string& group_title,
                      const std::string& selected_word) {
  Table t;
  t.title = "Four-fifths rule: " + d.subject;
  t.headers = {group_title, "n", selected_word, "rate", "ratio to best", "four fifths"};
  t.align = "lrrrrl";
  for (const auto& r : d.rows) {
    t.rows.push_back({r.group, count_text(r.total), count_text(r.selected), percent_text(r.rate),
                      d.best_rate == 0 ? "–" : ratio_text(r.ratio),
                      d.best_rate == 0 ? "–"
                      : r.best         ? "best"
                      : r.below        ? "BELOW"
                                       : "ok"});
    t.flagged.push_back(r.below);
  }
  t.note = d.best_rate == 0 ? "no group is selected at all: no ratio to compare"
                            : fmt::format(
                                  "{} of {} groups below four fifths of the best rate ({}); "
                                  "29 CFR 1607.4(D)",
                                  d.flagged, d.rows.size(), percent_text(d.best_rate));
  return t;
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
  c.title = "Ratio to the best group: " + d.subject;
  c.axis = "selection-rate ratio";
  for (const auto& r : d.rows) c.bars.push_back({r.group, r.ratio, ratio_text(r.ratio), r.below});
  c.reference = kFourFifths;
  c.reference_label = "four fifths";
  c.scale = 1;
  return cap_group_bars(std::move(c));
}

}  // namespace socred::report
