// The final score line of each person.
#include "score/score_writer.hpp"

#include <algorithm>
#include <set>

#include "rules/milli.hpp"

namespace socred::score {

std::string explain_input(const State& state, const ExplainEntry& e) {
  return state.inputs()[e.input] + ":" + std::to_string(e.line);
}

std::string spilled_text(const State& state, const SpilledItem& item) {
  const FriendShare& share = item.share;
  std::string text = (item.points > 0 ? "+" : "") + rules::format_milli(item.points) + ": " +
                     state.rules().rules[item.rule].name + " by ";
  if (share.friends > 1) text += std::to_string(share.friends) + " friends, most by ";
  std::string who(state.persons().key(share.top));
  if (share.top_hops == 1)
    text += "friend " + who;
  else if (share.top_hops == 2)
    text += who + ", a friend of a friend";
  else
    text += who + ", " + std::to_string(share.top_hops) + " hops away";
  text +=
      " (" +
      (item.event != nullptr ? explain_input(state, *item.event) : std::string("no event cited")) +
      ")";
  return text;
}

namespace {

// One line of --explain: a person's own event or a rule's spilled points.
struct Cited {
  const ExplainEntry* own = nullptr;
  const SpilledItem* spilled = nullptr;
  Milli points() const { return own != nullptr ? own->points : spilled->points; }
  std::uint32_t rule() const { return own != nullptr ? own->rule : spilled->rule; }
  const ExplainEntry* event() const { return own != nullptr ? own : spilled->event; }
  bool has_id() const { return event() != nullptr && event()->has_id; }
};

bool cited_before(const Cited& a, const Cited& b) {
  Milli ma = a.points() < 0 ? -a.points() : a.points();
  Milli mb = b.points() < 0 ? -b.points() : b.points();
  if (ma != mb) return ma > mb;
  if (a.has_id() != b.has_id()) return !a.has_id();
  if (a.has_id() && a.event()->id != b.event()->id) return a.event()->id < b.event()->id;
  if (a.rule() != b.rule()) return a.rule() < b.rule();
  if ((a.own != nullptr) != (b.own != nullptr)) return a.own != nullptr;  // own first
  if (a.own != nullptr) return explains_before(*a.own, *b.own);
  return spilled_before(*a.spilled, *b.spilled);
}

}  // namespace

void write_scores(const State& state, const TotalsBuilder& totals, bool explain,
                  const SpillResult* spill, io::JsonlWriter& out) {
  const RuleSet& set = state.rules();
  const auto& sources = state.sources();
  Totals t;
  std::vector<Cited> top;
  std::vector<SpilledItem> items;
  for (std::uint32_t p : totals.order()) {
    totals.compute(p, t);
    Milli sum = set.base + t.own + (spill != nullptr ? spill->total(p) : 0);
    if (set.low && sum < *set.low) sum = *set.low;
    if (set.high && sum > *set.high) sum = *set.high;
    std::set<std::string> flags;
    for (std::size_t r = 0; r < set.rules.size(); ++r)
      if (t.hit[r]) flags.insert(set.rules[r].flags.begin(), set.rules[r].flags.end());

    out.begin_object();
    out.key("person").string(state.persons().key(p));
    out.key("score").number(rules::round_whole(sum));
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
    if (spill != nullptr) {
      out.key("spilled").begin_object();
      for (std::uint32_t r = 0; r < set.rules.size(); ++r)
        if (spill->hit(p, r))
          out.key(set.rules[r].name).raw(rules::format_milli(spill->by_rule(p, r)));
      out.end_object();
      out.key("spilled_by").begin_object();
      for (std::uint32_t r = 0; r < set.rules.size(); ++r) {
        if (!spill->hit(p, r)) continue;
        const FriendShare& share = spill->share(p, r);
        out.key(set.rules[r].name).begin_object();
        out.key("friends").number(std::uint64_t{share.friends});
        out.key("friend").string(state.persons().key(share.top));
        out.end_object();
      }
      out.end_object();
    }
    if (explain) {
      top.clear();
      std::size_t count;
      const ExplainEntry* own = state.explained(p, count);
      for (std::size_t i = 0; i < count; ++i) top.push_back(Cited{&own[i], nullptr});
      items.clear();
      if (spill != nullptr)
        for (std::uint32_t r = 0; r < set.rules.size(); ++r)
          if (spill->hit(p, r)) {
            const FriendShare& share = spill->share(p, r);
            items.push_back(
                SpilledItem{r, spill->by_rule(p, r), share, state.spill_top(share.top, r)});
          }
      for (const SpilledItem& item : items) top.push_back(Cited{nullptr, &item});
      std::sort(top.begin(), top.end(), cited_before);
      if (top.size() > state.explain_n()) top.resize(state.explain_n());
      out.key("explain").begin_array();
      for (const Cited& c : top) {
        const ExplainEntry* e = c.event();
        out.begin_object();
        out.key("id");
        if (c.has_id())
          out.string(e->id);
        else
          out.null();
        out.key("input");
        if (e != nullptr)
          out.string(explain_input(state, *e));
        else
          out.null();
        out.key("rule").string(set.rules[c.rule()].name);
        out.key("points").raw(rules::format_milli(c.points()));
        if (c.spilled != nullptr) {
          const FriendShare& share = c.spilled->share;
          out.key("friends").number(std::uint64_t{share.friends});
          out.key("friend").string(state.persons().key(share.top));
          out.key("hops").number(share.top_hops);
          out.key("text").string(spilled_text(state, *c.spilled));
        }
        out.end_object();
      }
      out.end_array();
    }
    out.end_object();
    out.end_line();
  }
}

}  // namespace socred::score
