// Linkage pairs laid out: precision, recall and F1 against the ground truth
// on the lines, and the match weights of true and false pairs on one axis.
#include <fmt/format.h>

#include <algorithm>

#include "report/figures.hpp"
#include "report/layout.hpp"
#include "report/numbers.hpp"

namespace socred::report {

namespace {

std::vector<std::string> quality_row(const std::string& label, const LinkTally& t,
                                     bool rates = true) {
  const LinkQuality q = link_quality(t);
  auto f = [&](double v) { return q.defined && rates ? decimal_text(v, 4) : std::string("–"); };
  return {label,
          count_text(t.pairs),
          count_text(t.pairs - t.unlabelled),
          count_text(t.tp),
          count_text(t.fp),
          count_text(t.fn),
          count_text(t.tn),
          f(q.precision),
          f(q.recall),
          f(q.f1)};
}

}  // namespace

Document layout_link(const Meta& meta, const Grouped<LinkTally>& grouped) {
  const LinkTally total = grouped.total();
  const auto groups = grouped.list();
  const LinkQuality q = link_quality(total);
  Document doc{"socred report: linkage", "", {}};
  doc.subtitle = fmt::format("{} pairs", count_text(total.pairs));
  const LinkQuality shown = total.evaluation ? evaluation_quality(*total.evaluation) : q;
  if (shown.defined)
    doc.subtitle +=
        fmt::format(", precision {}, recall {}, F1 {}", decimal_text(shown.precision, 4),
                    decimal_text(shown.recall, 4), decimal_text(shown.f1, 4));
  doc.sections.push_back(input_section(
      meta, {fmt::format("{} linkage lines used = {} pairs with ground truth + {} without + {} "
                         "evaluation summary",
                         count_text(meta.stats.used()), count_text(total.pairs - total.unlabelled),
                         count_text(total.unlabelled), count_text(total.summaries)),
             fmt::format("{} left records with no partner (right is null)",
                         count_text(total.no_partner))}));

  Section quality{"Quality at match probability >= " + decimal_text(meta.settings.threshold), {}};
  Table t{"",
          {"", "pairs", "with truth", "true pos", "false pos", "missed", "true neg", "precision",
           "recall", "F1"},
          "lrrrrrrrrr",
          {},
          {},
          ""};
  // After an evaluation summary the lines are only its errors: their rates
  // would read as the linkage's, so only the summary row gives rates.
  t.rows.push_back(quality_row(total.evaluation ? "error lines" : "all", total, !total.evaluation));
  t.flagged.push_back(false);
  t.note =
      "recall counts the true partners named on the lines: a true pair never compared "
      "(outside every block) is not in the input and cannot be counted";
  if (const auto& e = total.evaluation) {
    // The summary counts every pair; the lines after it are only the errors.
    LinkTally from_summary;
    from_summary.pairs = e->pairs_compared;
    from_summary.tp = e->tp;
    from_summary.fp = e->fp;
    from_summary.fn = e->fn;
    t.rows.push_back(quality_row("join-records evaluation", from_summary));
    t.rows.back()[2] = count_text(e->true_links) + " true";
    t.rows.back()[6] = "–";
    t.flagged.push_back(false);
  }
  quality.blocks.emplace_back(std::move(t));
  if (total.evaluation && total.tp == 0)
    quality.blocks.emplace_back(Paragraph{
        "the pairs after an evaluation summary are its errors (false matches and misses); "
        "the summary row holds the true positives"});
  if (!q.defined && !total.evaluation)
    quality.blocks.emplace_back(Paragraph{
        "no ground truth on the lines: add it (gen-events --truth, joined on) and name it with "
        "--truth PATH",
        true});
  doc.sections.push_back(std::move(quality));

  Section weights{"Match weights", {}};
  weights.blocks.emplace_back(distribution_table("", "pairs",
                                                 {{"true", &total.weight_true},
                                                  {"false", &total.weight_false},
                                                  {"no truth", &total.weight_unlabelled}}));
  // One axis for both classes, so the overlap between them is visible.
  Distribution all = total.weight_true;
  all.merge(total.weight_false);
  all.merge(total.weight_unlabelled);
  if (all.count() > 0) {
    const auto axis = bins_of(all, meta.bins);
    const auto start = static_cast<double>(axis.front().lo);
    const auto width = static_cast<double>(axis.front().hi - axis.front().lo);
    const bool integers = all.integers();
    if (total.weight_true.count() > 0)
      weights.blocks.emplace_back(
          histogram_chart("weights_true", "Match weights of true pairs", "pairs",
                          total.weight_true.histogram(start, width, axis.size()), integers));
    if (total.weight_false.count() > 0)
      weights.blocks.emplace_back(
          histogram_chart("weights_false", "Match weights of false pairs", "pairs",
                          total.weight_false.histogram(start, width, axis.size()), integers));
    if (total.weight_unlabelled.count() > 0)
      weights.blocks.emplace_back(
          histogram_chart("weights_unlabelled", "Match weights of pairs without truth", "pairs",
                          total.weight_unlabelled.histogram(start, width, axis.size()), integers));
  }
  doc.sections.push_back(std::move(weights));

  if (!total.field_levels.empty()) {
    Section fields{"Agreement per field", {}};
    Table ft{"", {"field", "level", "pairs"}, "llr", {}, {}, ""};
    for (const auto& [field, levels] : total.field_levels) {
      for (const auto& [level, n] : levels) {
        ft.rows.push_back({field, level, count_text(n)});
        ft.flagged.push_back(false);
      }
    }
    fields.blocks.emplace_back(std::move(ft));
    doc.sections.push_back(std::move(fields));
  }

  if (grouped.grouped()) {
    Section by{"By " + by_text(meta), {}};
    Table gt{"",
             {by_text(meta), "pairs", "with truth", "true pos", "false pos", "missed", "true neg",
              "precision", "recall", "F1"},
             "lrrrrrrrrr",
             {},
             {},
             ""};
    Chart gc{"group_f1", "F1 by " + by_text(meta), "F1", {}, std::nullopt, "", 1};
    for (const auto& g : groups) {
      gt.rows.push_back(quality_row(g.label, *g.tally));
      gt.flagged.push_back(false);
      const LinkQuality gq = link_quality(*g.tally);
      gc.bars.push_back({g.label, gq.f1, gq.defined ? decimal_text(gq.f1, 4) : "–", false});
    }
    by.blocks.emplace_back(std::move(gt));
    by.blocks.emplace_back(cap_group_bars(std::move(gc)));
    doc.sections.push_back(std::move(by));
  }
  return doc;
}

}  // namespace socred::report
