// JSON output: raw numbers (points as decimals, rates as fractions), keys in
// a fixed order, one line.
#include "report/json.hpp"

#include <cmath>
#include <functional>
#include <optional>
#include <utility>

#include "io/json_path.hpp"
#include "report/figures.hpp"
#include "rules/milli.hpp"

namespace socred::report {

namespace {

using io::JsonlWriter;

double rate(std::uint64_t part, std::uint64_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

// Points as score writes them: thousandths as exact decimal text, never
// through a double (which holds only 53 bits).
JsonlWriter& points(JsonlWriter& out, std::int64_t thousandths) {
  return out.raw(rules::format_milli(thousandths));
}

// A column's value: a whole number with all its digits, as JSON integers
// read back exactly; any other as the shortest double.
JsonlWriter& real(JsonlWriter& out, Real v) {
  if (v == 0) return out.number(static_cast<double>(v));  // -0 stays as it was
  if (v == std::floor(v) && v >= -9223372036854775808.0L && v < 9223372036854775808.0L)
    return out.number(static_cast<std::int64_t>(v));
  if (v == std::floor(v) && v >= 0 && v < 18446744073709551616.0L)
    return out.number(static_cast<std::uint64_t>(v));
  return out.number(static_cast<double>(v));
}

template <class T>
void number_or_null(JsonlWriter& out, const std::optional<T>& value) {
  if (value)
    real(out, *value);
  else
    out.null();
}

// An empty text is written as null.
void text_or_null(JsonlWriter& out, const std::string& text) {
  if (text.empty())
    out.null();
  else
    out.string(text);
}

void write_line_counts(JsonlWriter& out, const io::LineStats& stats) {
  out.key("read").number(stats.read).key("used").number(stats.used());
  out.key("rejected").number(stats.rejected).key("blank").number(stats.blank);
}

void write_input(JsonlWriter& out, const Meta& meta) {
  out.key("kind").string(kind_name(meta.kind));
  out.key("input").begin_object();
  out.key("files").begin_array();
  for (const auto& f : meta.files) out.string(f);
  out.end_array();
  out.key("detected").boolean(meta.detected);
  write_line_counts(out, meta.stats);
  out.end_object();
  out.key("settings").begin_object();
  out.key("by");
  if (meta.by)
    out.string(io::path_text(*meta.by));
  else
    out.null();
  out.key("cutoff");
  number_or_null(out, meta.settings.cutoff);
  out.key("threshold").number(meta.settings.threshold);
  out.key("min_group").number(meta.min_group);
  out.key("public_sources").begin_array();
  for (const auto& s : meta.settings.public_sources) out.string(s);
  out.end_array();
  out.end_object();
}

void write_distribution(JsonlWriter& out, const Distribution& d, int bins) {
  out.begin_object();
  out.key("count").number(d.count());
  if (d.count() > 0) {
    real(out.key("mean"), d.mean());
    real(out.key("min"), d.min());
    real(out.key("max"), d.max());
    out.key("quantiles").begin_object();
    for (double q : kQuantiles) real(out.key(quantile_name(q)), d.quantile(q));
    out.end_object();
  }
  out.key("exact").boolean(d.exact());
  out.key("histogram").begin_array();
  for (const Bin& b : bins_of(d, bins)) {
    out.begin_object();
    real(out.key("lo"), b.lo);
    real(out.key("hi"), b.hi).key("count").number(b.count);
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

void write_ledger(JsonlWriter& out, const char* name, const Ledger& ledger,
                  const Settings* classify) {
  out.begin_array();
  for (const auto& e : ledger.entries()) {
    out.begin_object();
    out.key(name).string(e.name);
    if (classify) out.key("public").boolean(is_public(e.name, *classify));
    points(out.key("points"), e.total);
    points(out.key("gains"), e.positive);
    points(out.key("losses"), e.negative);
    out.key("persons").number(e.persons);
    out.end_object();
  }
  out.end_array();
}

void write_counts(JsonlWriter& out, const Counts& counts) {
  out.begin_object();
  for (const auto& [k, n] : counts) out.key(k).number(n);
  out.end_object();
}

void write_interval(JsonlWriter& out, const Interval& i) {
  out.begin_array().number(i.low).number(i.high).end_array();
}

template <class T, class Write>
void optional_or_null(JsonlWriter& out, const std::optional<T>& v, Write write) {
  if (v)
    write(*v);
  else
    out.null();
}

void write_disparity(JsonlWriter& out, const Disparity& d) {
  out.begin_object();
  out.key("subject").string(d.subject);
  out.key("min_group").number(d.min_group);
  out.key("reference");
  if (d.reference)
    out.string(d.rows[*d.reference].group);
  else
    out.null();
  out.key("reference_rate").number(d.reference_rate);
  out.key("tested").number(d.tested);
  out.key("too_few").number(d.too_few);
  out.key("below_four_fifths").number(d.below);
  out.key("flagged").number(d.flagged);
  out.key("groups").begin_array();
  for (const auto& r : d.rows) {
    out.begin_object();
    out.key("group").string(r.group);
    out.key("missing").boolean(r.missing);
    out.key("n").number(r.total);
    out.key("selected").number(r.selected);
    out.key("rate").number(r.rate);
    out.key("rate_interval");
    write_interval(out, r.rate_interval);
    out.key("too_few").boolean(r.too_few);
    out.key("reference").boolean(r.reference);
    out.key("ratio");
    optional_or_null(out, r.ratio, [&](double v) { out.number(v); });
    out.key("ratio_interval");
    optional_or_null(out, r.ratio_interval, [&](const Interval& i) { write_interval(out, i); });
    out.key("p");
    optional_or_null(out, r.p, [&](double v) { out.number(v); });
    out.key("p_adjusted");
    optional_or_null(out, r.p_adjusted, [&](double v) { out.number(v); });
    out.key("below_four_fifths").boolean(r.below);
    out.key("flagged").boolean(r.flagged);
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

void write_charts(JsonlWriter& out, const Document& doc) {
  out.key("charts").begin_array();
  for (const Chart* c : charts(doc)) {
    out.begin_object();
    out.key("id").string(c->id);
    out.key("title").string(c->title);
    out.key("bars").begin_array();
    for (const Bar& b : c->bars) {
      out.begin_object();
      out.key("label").string(b.label);
      out.key("value").number(b.value);
      if (b.range) {
        out.key("interval").begin_array().number(b.range->first).number(b.range->second);
        out.end_array();
      }
      out.key("flagged").boolean(b.flagged);
      out.end_object();
    }
    out.end_array();
    out.end_object();
  }
  out.end_array();
}

void write_score(JsonlWriter& out, const ScoreTally& t, const Meta& meta) {
  out.begin_object();
  out.key("persons").number(t.persons);
  out.key("events").number(t.events);
  out.key("matched").number(t.matched);
  out.key("score");
  write_distribution(out, t.score, meta.bins);
  if (meta.settings.cutoff) {
    out.key("selected").number(t.selected);
    out.key("selected_rate").number(rate(t.selected, t.persons));
  }
  out.key("rules");
  write_ledger(out, "rule", t.rules, nullptr);
  out.key("sources");
  write_ledger(out, "source", t.sources, &meta.settings);
  const SourceShares s = source_shares(t.sources, meta.settings);
  out.key("public_private").begin_object();
  points(out.key("public_weight"), s.public_weight);
  points(out.key("private_weight"), s.private_weight);
  points(out.key("public_net"), s.public_net);
  points(out.key("private_net"), s.private_net);
  out.key("public_share").number(s.public_share());
  out.end_object();
  out.key("flags");
  write_counts(out, t.flags);
  out.key("spilled");
  write_ledger(out, "rule", t.spilled, nullptr);
  out.end_object();
}

void write_decision(JsonlWriter& out, const DecisionTally& t) {
  out.begin_object();
  out.key("decisions").number(t.lines);
  out.key("services").begin_array();
  for (const auto& s : t.services) {
    out.begin_object();
    out.key("service").string(s.service);
    out.key("decisions").number(s.total());
    out.key("allow").number(s.allow);
    out.key("forbidden").number(s.forbidden);
    out.key("not_permitted").number(s.not_permitted);
    out.key("allow_rate").number(rate(s.allow, s.total()));
    out.key("forbidden_rate").number(rate(s.forbidden, s.total()));
    out.key("not_permitted_rate").number(rate(s.not_permitted, s.total()));
    out.key("faithfulness").begin_object();
    out.key("denials").number(s.denied());
    out.key("without_cited").number(s.checked);
    out.key("reasons_suffice").number(s.suffice);
    out.key("cite_not_earned").number(s.not_earned);
    out.key("name_friends").number(s.friends);
    out.end_object();
    out.end_object();
  }
  out.end_array();
  out.key("reasons").begin_array();
  for (const auto& [key, c] : t.reasons) {
    out.begin_object();
    out.key("kind").string(key.kind);
    out.key("rule");
    text_or_null(out, key.rule);
    out.key("flag");
    text_or_null(out, key.flag);
    out.key("clause");
    text_or_null(out, key.clause);
    out.key("text");
    text_or_null(out, c.text);
    out.key("label").string(reason_label(key));
    out.key("denials").number(c.denials);
    out.key("principal").number(c.principal);
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

void write_link(JsonlWriter& out, const LinkTally& t, const Meta& meta) {
  const LinkQuality q = link_quality(t);
  out.begin_object();
  const std::pair<const char*, std::uint64_t> counts[] = {
      {"pairs", t.pairs},       {"no_partner", t.no_partner}, {"unlabelled", t.unlabelled},
      {"true_positives", t.tp}, {"false_positives", t.fp},    {"false_negatives", t.fn},
      {"true_negatives", t.tn},
  };
  for (const auto& [name, n] : counts) out.key(name).number(n);
  if (q.defined && !t.evaluation) {
    out.key("precision").number(q.precision);
    out.key("recall").number(q.recall);
    out.key("f1").number(q.f1);
  }
  if (const auto& e = t.evaluation) {
    const LinkQuality eq = evaluation_quality(*e);
    out.key("evaluation").begin_object();
    out.key("pairs_compared").number(e->pairs_compared).key("true_links").number(e->true_links);
    out.key("links").number(e->links).key("true_positives").number(e->tp);
    out.key("false_positives").number(e->fp).key("false_negatives").number(e->fn);
    out.key("precision")
        .number(eq.precision)
        .key("recall")
        .number(eq.recall)
        .key("f1")
        .number(eq.f1);
    out.end_object();
  }
  out.key("weights_true");
  write_distribution(out, t.weight_true, meta.bins);
  out.key("weights_false");
  write_distribution(out, t.weight_false, meta.bins);
  out.key("weights_unlabelled");
  write_distribution(out, t.weight_unlabelled, meta.bins);
  out.key("fields").begin_object();
  for (const auto& [field, levels] : t.field_levels) {
    out.key(field);
    write_counts(out, levels);
  }
  out.end_object();
  out.end_object();
}

void write_event(JsonlWriter& out, const EventTally& t) {
  out.begin_object();
  out.key("events").number(t.events);
  out.key("public").number(t.public_events);
  out.key("private").number(t.events - t.public_events);
  out.key("first_ts");
  text_or_null(out, t.first_ts);
  out.key("last_ts");
  text_or_null(out, t.last_ts);
  out.key("sources");
  write_counts(out, t.sources);
  out.key("types");
  write_counts(out, t.types);
  out.key("keys");
  write_counts(out, t.keys);
  out.end_object();
}

template <class Tally, class Write>
void write_grouped(JsonlWriter& out, const Grouped<Tally>& grouped, Write write) {
  out.key("total");
  write(grouped.total());
  out.key("groups").begin_array();
  if (grouped.grouped()) {
    for (const auto& g : grouped.list()) {
      out.begin_object();
      out.key("group").string(g.label);
      out.key("missing").boolean(g.missing);
      out.key("figures");
      write(*g.tally);
      out.end_object();
    }
  }
  out.end_array();
}

// The line every tally's report writes: input and settings, the total and
// the groups, the items of "disparity" (the kinds that have one), charts.
template <class Tally, class Write>
void write_tally_line(JsonlWriter& out, const Meta& meta, const Document& doc,
                      const Grouped<Tally>& grouped, Write write,
                      const std::function<void()>& disparity = nullptr) {
  out.begin_object();
  write_input(out, meta);
  write_grouped(out, grouped, write);
  if (disparity) {
    out.key("disparity").begin_array();
    disparity();
    out.end_array();
  }
  write_charts(out, doc);
  out.end_object();
  out.end_line();
}

void write_transitions(JsonlWriter& out, const Transitions& t) {
  static const char* const kOutcomes[] = {"allow", "forbidden", "not_permitted"};
  out.begin_object();
  out.key("service").string(t.service);
  out.key("both").number(t.total());
  out.key("changed").number(t.changed());
  out.key("transitions").begin_object();
  for (int i = 0; i < 3; ++i) {
    out.key(kOutcomes[i]).begin_object();
    for (int j = 0; j < 3; ++j) out.key(kOutcomes[j]).number(t.counts[i][j]);
    out.end_object();
  }
  out.end_object();
  out.end_object();
}

void write_change(JsonlWriter& out, const Change& ch) {
  out.begin_object();
  out.key("person").string(ch.person);
  if (!ch.service.empty()) out.key("service").string(ch.service);
  out.key("score_a");
  number_or_null(out, ch.score_a);
  out.key("score_b");
  number_or_null(out, ch.score_b);
  if (!ch.outcome_a.empty()) out.key("a").string(ch.outcome_a).key("b").string(ch.outcome_b);
  out.key("cause").string(ch.cause);
  if (ch.cause_points) points(out.key("cause_points"), ch.cause_points);
  out.end_object();
}

}  // namespace

void write_json(JsonlWriter& out, const Meta& meta, const Document& doc,
                const Grouped<ScoreTally>& grouped) {
  write_tally_line(
      out, meta, doc, grouped, [&](const ScoreTally& t) { write_score(out, t, meta); },
      [&] {
        if (grouped.grouped() && meta.settings.cutoff)
          write_disparity(out, score_disparity(grouped, *meta.settings.cutoff, meta.min_group));
      });
}

void write_json(JsonlWriter& out, const Meta& meta, const Document& doc,
                const Grouped<DecisionTally>& grouped) {
  write_tally_line(
      out, meta, doc, grouped, [&](const DecisionTally& t) { write_decision(out, t); },
      [&] {
        if (grouped.grouped())
          for (const auto& d : decision_disparities(grouped, meta.min_group))
            write_disparity(out, d);
      });
}

void write_json(JsonlWriter& out, const Meta& meta, const Document& doc,
                const Grouped<LinkTally>& grouped) {
  write_tally_line(out, meta, doc, grouped, [&](const LinkTally& t) { write_link(out, t, meta); });
}

void write_json(JsonlWriter& out, const Meta& meta, const Document& doc,
                const Grouped<EventTally>& grouped) {
  write_tally_line(out, meta, doc, grouped, [&](const EventTally& t) { write_event(out, t); });
}

void write_json(JsonlWriter& out, const Meta& meta, const Document& doc, const Comparison& c) {
  out.begin_object();
  write_input(out, meta);
  out.key("compare").begin_object();
  auto run = [&](const char* name, const std::string& file, const io::LineStats& s) {
    out.key(name).begin_object();
    out.key("file").string(file);
    write_line_counts(out, s);
    out.end_object();
  };
  run("a", c.file_a, c.stats_a);
  run("b", c.file_b, c.stats_b);
  out.key("both").number(c.both).key("only_a").number(c.only_a).key("only_b").number(c.only_b);
  out.key("changed").number(c.changed).key("gained").number(c.gained).key("lost").number(c.lost);
  out.key("up").number(c.up).key("down").number(c.down).key("same").number(c.same);
  out.key("shift");
  write_distribution(out, c.shift, meta.bins);
  out.key("services").begin_array();
  for (const Transitions& t : c.services) write_transitions(out, t);
  out.end_array();
  out.key("rules");
  write_ledger(out, "rule", c.rule_shift, nullptr);
  out.key("causes");
  write_counts(out, c.causes);
  out.key("examples").begin_array();
  for (const Change& ch : c.examples) write_change(out, ch);
  out.end_array();
  out.key("groups").begin_array();
  for (const auto& [label, g] : c.groups) {
    out.begin_object();
    out.key("group").string(label).key("both").number(g.total).key("changed").number(g.changed);
    out.key("shift");
    write_distribution(out, g.shift, meta.bins);
    out.end_object();
  }
  out.end_array();
  out.end_object();
  write_charts(out, doc);
  out.end_object();
  out.end_line();
}

void write_json_empty(JsonlWriter& out, const Meta& meta) {
  out.begin_object();
  write_input(out, meta);
  out.key("charts").begin_array().end_array();
  out.end_object();
  out.end_line();
}

}  // namespace socred::report
