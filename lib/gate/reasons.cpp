// Reasons are chosen by asking the policy, not by arithmetic on a
// threshold: a penalty is cited because the line without it (and without
// the larger ones before it) comes closer to allow, and without_cited is
// the policy's own answer on the line with every cited amount removed, so
// forbid clauses on contributions are honest too and a reader can check it.
#include "gate/reasons.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "gate/rule_texts.hpp"
#include "rules/milli.hpp"

namespace socred::gate {

namespace {

std::int64_t magnitude(std::int64_t v) { return v < 0 ? -v : v; }

// "44 points", "1 point", "0.5 points", appended.
void append_phrase(std::string& out, std::int64_t thousandths) {
  rules::append_milli(out, thousandths);
  out += thousandths == 1000 ? " point" : " points";
}

}  // namespace

ReasonBuilder::ReasonBuilder(Policy& policy, std::size_t max_cited)
    : policy_(policy), max_cited_(max_cited) {
  search_.range = policy.range();
  search_.flag_of = [this](std::string_view rule) { return policy_.flag_of(rule); };
  for (std::string_view rule : policy.earning_rules()) {
    earning_ += earning_.empty() ? ": " : ", ";
    earning_ += in_words(rule);
  }
}

std::int64_t ReasonBuilder::removed(const std::vector<const Item*>& items) const {
  std::int64_t sum = 0;
  for (const Item* item : items) sum += item->c->points;
  return sum;
}

Outcome ReasonBuilder::without(const std::vector<const Item*>& items) {
  if (items.empty()) return outcome_;  // nothing removed: the line itself
  what_.clear();
  for (const Item* item : items)
    (item->kind == ReasonKind::kPenalty ? what_.drop_rules : what_.drop_spilled)
        .push_back(item->c->rule);
  if (line_->score) what_.score = score_after(*line_, removed(items), policy_.range());
  return policy_.decide(service_, what_);
}

void ReasonBuilder::add_clause_reasons(const Trace& trace, Outcome outcome, bool score_gap,
                                       Decision& d) {
  for (const ClauseTrace& ct : trace.clauses) {
    const Clause& clause = policy_.clauses()[static_cast<std::size_t>(ct.index)];
    if (outcome == Outcome::kForbidden && clause.forbid && ct.held) {
      Reason r;
      r.kind = ct.flag.empty() ? ReasonKind::kForbid : ReasonKind::kFlag;
      r.text = clause.reason;
      r.flag = ct.flag;
      if (!ct.flag.empty()) r.rule = policy_.rule_setting(ct.flag, *line_);
      r.conditions = trace.clause_conditions(ct);
      d.reasons.push_back(std::move(r));
    } else if (outcome == Outcome::kNotPermitted && !clause.forbid && !ct.held &&
               (ct.beyond_score || !score_gap)) {
      // An allow that failed on more than the score: its own words say
      // what was missing. One that failed on the score alone is the gap.
      Reason r;
      r.kind = ReasonKind::kGap;
      r.text = "not met: " + clause.reason;
      r.conditions = trace.clause_conditions(ct);
      d.reasons.push_back(std::move(r));
    }
  }
}

void ReasonBuilder::add_item(const Item& item, Decision& d) {
  Reason r;
  r.kind = item.kind;
  r.rule = item.c->rule;
  r.points = item.c->points;
  if (item.kind == ReasonKind::kPenalty) {
    r.text = policy_.rule_texts().text(item.c->rule);
    named_rules_ = named_rules_ || !policy_.has_rules();
  } else {
    std::string how;
    append_phrase(how, magnitude(item.c->points));
    how += " through ";
    how += in_words(item.c->rule);
    if (const FriendSummary* f = friends_of(*line_, item.c->rule)) {
      r.friends = f->friends;
      r.friend_ = f->top;
      r.text = f->friends == 1 ? fmt::format("your friend {} cost you {}", f->top, how)
                               : fmt::format("your friends cost you {} ({} friends, most from {})",
                                             how, f->friends, f->top);
    } else {
      r.text = "your friends cost you " + how;
    }
  }
  d.reasons.push_back(std::move(r));
}

void ReasonBuilder::add_not_earned(std::int64_t required, Decision& d) {
  const ScoreLine& line = *line_;
  const std::optional<Range>& range = policy_.range();
  // In the score's own units: how far removing what is cited lifts it, and
  // how far removing every other penalty would lift it further.
  const std::int64_t now = exact_after(line, 0, range);
  const std::int64_t cited = exact_after(line, removed(cited_), range);
  const std::int64_t every = exact_after(line, removed(all_), range);
  const std::int64_t rest =
      std::max<std::int64_t>(0, (required - *line.score) * 1000 - (cited - now));
  const std::int64_t uncited = std::clamp<std::int64_t>(every - cited, 0, rest);

  Reason r;
  r.kind = ReasonKind::kNotEarned;
  r.rest = rest;
  r.uncited = uncited;
  r.unearned = rest - uncited;
  r.earning_rules = &policy_.earning_rules();
  const char* penalties =
      cited_.empty() ? " are penalties not cited here" : " are smaller penalties not cited here";
  std::string& t = r.text;
  if (uncited != 0 && *r.unearned != 0) t += "of ";
  t += cited_.empty() ? "the " : "the other ";
  append_phrase(t, rest);
  if (uncited == 0) {
    t += rest == 1000 ? " is a point you have not earned" : " are points you have not earned";
    t += earning_;
  } else if (*r.unearned == 0) {
    t += penalties;
  } else {
    t += ", ";
    rules::append_milli(t, uncited);
    t += penalties;
    t += " and ";
    rules::append_milli(t, *r.unearned);
    t +=
        *r.unearned == 1000 ? " is a point you have not earned" : " are points you have not earned";
    t += earning_;
  }
  d.reasons.push_back(std::move(r));
}

void ReasonBuilder::explain(int service, const ScoreLine& line, Trace& trace, Decision& d) {
  service_ = service;
  line_ = &line;
  d.reasons.clear();
  const Outcome outcome = outcome_ = d.outcome;

  // The candidates: every amount that lowered the score, largest first;
  // equal ones keep the line's order, own penalties before friends'.
  items_.clear();
  for (const Contribution& c : line.contributions)
    if (c.points < 0) items_.push_back(Item{ReasonKind::kPenalty, &c});
  for (const Contribution& c : line.spilled)
    if (c.points < 0) items_.push_back(Item{ReasonKind::kFriends, &c});
  std::stable_sort(items_.begin(), items_.end(), [](const Item& a, const Item& b) {
    return magnitude(a.c->points) > magnitude(b.c->points);
  });
  all_.clear();
  for (const Item& item : items_) all_.push_back(&item);
  cited_.clear();

  // A forbid that holds with every penalty removed (a flag, a field no
  // rule's points change) is the whole story: points are not its cause.
  const bool standing = outcome == Outcome::kForbidden && without(all_) == Outcome::kForbidden;

  // The gap: the first score at which the service would be allowed; under
  // a forbid that a higher score does not lift, the first at which an
  // allow clause would hold, if none holds now.
  std::optional<std::int64_t> required;
  search_.allowing_known = !standing;  // would_flip's points_short is this search, bounded
  if (!standing) {
    required = first_score(line, trace.score_thresholds, std::nullopt, [&](const WhatIf& w) {
      return policy_.decide(service, w) == Outcome::kAllow;
    });
    search_.allowing = required;
    const bool allowed_now = std::any_of(
        trace.matched.begin(), trace.matched.end(),
        [&](int index) { return !policy_.clauses()[static_cast<std::size_t>(index)].forbid; });
    if (!required && outcome == Outcome::kForbidden && !allowed_now)
      required = first_score(line, trace.score_thresholds, std::nullopt, [&](const WhatIf& w) {
        policy_.decide(service, w);
        return policy_.allow_held();
      });
  }
  if (outcome == Outcome::kForbidden) add_clause_reasons(trace, outcome, required.has_value(), d);
  if (required) {
    Reason r;
    r.kind = ReasonKind::kGap;
    r.observed = *line.score;
    r.required = *required;
    r.points_short = *required - *line.score;
    r.text = "your score ";
    r.text += std::to_string(*line.score);
    r.text += " is ";
    append_phrase(r.text, *r.points_short * 1000);
    r.text += " below the ";
    r.text += std::to_string(*required);
    r.text += " this service requires";
    d.reasons.push_back(std::move(r));
  }
  if (outcome == Outcome::kNotPermitted)
    add_clause_reasons(trace, outcome, required.has_value(), d);

  // Penalties and friends' points by size, until the line without them is
  // allowed, at most max_cited_ of them.
  std::optional<Outcome> last;  // of the last without(cited_)
  if (!standing &&
      (required || outcome == Outcome::kForbidden || without(all_) == Outcome::kAllow)) {
    for (const Item* item : all_) {
      if (cited_.size() >= max_cited_) break;
      cited_.push_back(item);
      last = without(cited_);
      if (*last == Outcome::kAllow) break;
    }
    // Friends' points that alone cost the person the service are always
    // named, whatever the person's own penalties.
    for (const Item* item : all_) {
      if (item->kind != ReasonKind::kFriends ||
          std::find(cited_.begin(), cited_.end(), item) != cited_.end())
        continue;
      one_.assign(1, item);
      if (without(one_) == Outcome::kAllow) {
        cited_.push_back(item);
        last.reset();
      }
    }
  }

  // would_flip, preferring what is cited; a rule whose removal alone flips
  // the decision is always cited.
  preferred_.clear();
  for (const Item* item : cited_)
    if (item->kind == ReasonKind::kPenalty) preferred_.push_back(item->c->rule);
  search_.score_thresholds.swap(trace.score_thresholds);  // both keep their capacity
  d.would_flip = find_would_flip(line, search_, preferred_, [&](const WhatIf& what) {
    return policy_.decide(service, what) == Outcome::kAllow;
  });
  search_.score_thresholds.swap(trace.score_thresholds);
  if (!d.would_flip->remove_rule.empty() &&
      std::find(preferred_.begin(), preferred_.end(), d.would_flip->remove_rule) ==
          preferred_.end())
    for (const Item* item : all_)
      if (item->kind == ReasonKind::kPenalty && item->c->rule == d.would_flip->remove_rule) {
        cited_.push_back(item);
        last.reset();
        break;
      }

  std::sort(cited_.begin(), cited_.end());  // items_ order: largest first
  for (const Item* item : cited_) add_item(*item, d);
  d.without_cited = last ? *last : without(cited_);
  if (*d.without_cited != Outcome::kAllow && required) add_not_earned(*required, d);
  if (d.reasons.empty()) {
    Reason r;
    r.kind = ReasonKind::kGap;
    r.text = "no allow clause of this service holds";
    d.reasons.push_back(std::move(r));
  }
}

}  // namespace socred::gate
