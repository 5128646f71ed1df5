// The final score line of each person.
#include "score/score_writer.hpp"

#include <algorithm>
#include <set>

namespace socred::score {
namespace {

// Whole points, half away from zero, in integers: exact for any sum.
std::int64_t round_whole(Milli v) {
  Milli mag = v < 0 ? -v : v;
  Milli whole = (mag + 500) / 1000;
  return v < 0 ? -whole : whole;
}

}  // namespace


std::string explain_input(const State& state, const ExplainEntry& e) {
  return state.inputs()[e.input] + ":" + std::to_string(e.line);
}

void write_scores(const State& state, const TotalsBuilder& totals, bool explain,
                  const std::vector<Spill>* spill, io::JsonlWriter& out) {
  const RuleSet& set = state.rules();
  const auto& sources = state.sources();
  Totals t;
  std::vector<ExplainEntry> top;
  for (std::uint32_t p : totals.order()) {
    totals.compute(p, t);
    const Spill* s = spill != nullptr ? &(*spill)[p] : nullptr;
    Milli sum = set.base + t.own + (s != nullptr ? s->total : 0);
    if (set.low && sum < *set.low) sum = *set.low;
    if (set.high && sum > *set.high) sum = *set.high;
    std::set<std::string> flags;
    for (std::size_t r = 0; r < set.rules.size(); ++r)
      if (t.hit[r]) flags.insert(set.rules[r].flags.begin(), set.rules[r].flags.end());

    out.begin_object();
    out.key("person").string(state.persons().key(p));
    out.key("score").number(round_whole(sum));
    out.key("base").raw(rules::format_milli(set.base));
    out.key("events").number(state.events(p));
    out.key("matched").number(state.matched(p));
    out.key("flags").begin_array();
    for (const auto& f : flags) out.string(f);
    out.end_array();
    out.key("contributions").begin_object();
    for (std::size_t r = 0; r < set.rules.size(); ++r)
      if (t.hit[r]) out.key(set.rules[r].name).raw(rules::format_milli(t.by_rule[r]));
    out.end_object();
    out.key("by_source").begin_object();
    for (std::uint32_t src : totals.source_order())
      if (t.source_hit[src]) out.key(sources[src]).raw(rules::format_milli(t.by_source[src]));
    out.end_object();
    if (s != nullptr) {
      out.key("spilled").begin_object();
      for (std::size_t r = 0; r < set.rules.size(); ++r)
        if (s->hit[r]) out.key(set.rules[r].name).raw(rules::format_milli(s->by_rule[r]));
      out.end_object();
    }
    if (explain) {
      std::size_t count;
      const ExplainEntry* own = state.explained(p, count);
      top.assign(own, own + count);
      if (s != nullptr) top.insert(top.end(), s->explain.begin(), s->explain.end());
      std::sort(top.begin(), top.end(), explains_before);
      if (top.size() > state.explain_n()) top.resize(state.explain_n());
      out.key("explain").begin_array();
      for (const ExplainEntry& e : top) {
        out.begin_object();
        out.key("id");
        if (e.has_id) out.string(e.id); else out.null();
        out.key("input").string(explain_input(state, e));
        out.key("rule").string(set.rules[e.rule].name);
        out.key("points").raw(rules::format_milli(e.points));
        out.end_object();
      }
      out.end_array();
    }
    out.end_object();
    out.end_line();
  }
}

}  // namespace socred::score
