// Writing and reading partial state lines.
#include "score/partial.hpp"

#include <algorithm>

#include "io/json_path.hpp"
#include "rules/time.hpp"

namespace socred::score {

void write_partials(const State& state, const TotalsBuilder& totals,
                    const std::optional<std::int64_t>& as_of, io::JsonlWriter& out) {
  const RuleSet& set = state.rules();
  std::vector<Cell> cells;
  // Each person's friends-file accounts (for --merge --friends).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> accounts;  // person, account
  if (const PersonTable* table = state.friend_accounts())
    for (std::uint32_t a = 0; a < table->size(); ++a)
      if (state.account_person(a) != UINT32_MAX) accounts.emplace_back(state.account_person(a), a);
  std::sort(accounts.begin(), accounts.end(), [&](const auto& x, const auto& y) {
    if (x.first != y.first) return x.first < y.first;
    return state.friend_accounts()->key(x.second) < state.friend_accounts()->key(y.second);
  });
  auto explain_item = [&](const ExplainEntry& e) {
    out.begin_array();
    if (e.has_id)
      out.string(e.id);
    else
      out.null();
    out.string(state.inputs()[e.input]);
    out.number(e.line);
    out.string(set.rules[e.rule].name);
    out.number(e.points);
    out.end_array();
  };
  for (std::uint32_t p : totals.order()) {
    out.begin_object();
    out.key("person").string(state.persons().key(p));
    out.key("partial").number(1);
    out.key("rules").string(set.fingerprint);
    out.key("as_of");
    if (as_of)
      out.string(rules::format_time(*as_of));
    else
      out.null();
    out.key("events").number(state.events(p));
    out.key("matched").number(state.matched(p));
    out.key("cells").begin_array();
    totals.cells(p, cells);
    for (const Cell& c : cells) {
      out.begin_array();
      out.string(set.rules[c.rule].name);
      out.string(state.sources()[c.source]);
      if (c.period == kNoPeriod)
        out.null();
      else
        out.number(c.period);
      out.number(c.sum);
      out.end_array();
    }
    out.end_array();
    if (state.explain_n() > 0) {
      std::size_t count;
      const ExplainEntry* top = state.explained(p, count);
      out.key("explain").begin_array();
      for (std::size_t i = 0; i < count; ++i) explain_item(top[i]);
      out.end_array();
      if (set.any_spill()) {
        out.key("spill_tops").begin_array();
        for (std::uint32_t r = 0; r < set.rules.size(); ++r)
          if (const ExplainEntry* e = state.spill_top(p, r)) explain_item(*e);
        out.end_array();
      }
    }
    if (state.friend_accounts() != nullptr) {
      out.key("accounts").begin_array();
      auto it = std::lower_bound(accounts.begin(), accounts.end(), std::make_pair(p, 0u),
                                 [](const auto& x, const auto& y) { return x.first < y.first; });
      for (; it != accounts.end() && it->first == p; ++it)
        out.string(state.friend_accounts()->key(it->second));
      out.end_array();
    }
    out.end_object();
    out.end_line();
  }
}

PartialReader::PartialReader(State& state, const std::optional<std::int64_t>& as_of)
    : state_(state), as_of_(as_of), as_of_seen_(as_of.has_value()) {}

namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

bool get_field(object o, const char* name, element& out) {
  auto v = io::last_field(o, name);
  if (!v) return false;
  out = *v;
  return true;
}

bool rule_index(const RuleSet& set, std::string_view name, std::uint32_t& out) {
  for (std::uint32_t r = 0; r < set.rules.size(); ++r)
    if (set.rules[r].name == name) {
      out = r;
      return true;
    }
  return false;
}

// One partial state line, read and checked; views point into the record.
// Everything is checked before the state changes: a bad line adds nothing.
struct PartialLine {
  struct Cell {
    std::uint32_t rule;
    std::string_view source;
    std::int64_t period;
    Milli sum;
  };
  std::string_view person;
  std::optional<std::int64_t> as_of;
  std::uint64_t events = 0, matched = 0;
  std::vector<Cell> cells;
  std::vector<ExplainEntry> entries, tops;  // --explain, and the spill rules' tops
  std::vector<std::string_view> entry_inputs, top_inputs;
  std::vector<std::string_view> accounts;
};

// The marker, the person, the rules' fingerprint and the as-of.
bool parse_head(object root, const RuleSet& set, PartialLine& line, std::string& why) {
  element v;
  std::string_view fp;
  std::int64_t marker;
  if (!get_field(root, "partial", v) || v.get(marker) != simdjson::SUCCESS || marker != 1) {
    why = "not a partial state line (score --partial writes them)";
    return false;
  }
  if (!get_field(root, "person", v) || v.get(line.person) != simdjson::SUCCESS) {
    why = "partial state: \"person\" missing or not a string";
    return false;
  }
  if (!get_field(root, "rules", v) || v.get(fp) != simdjson::SUCCESS || fp != set.fingerprint) {
    why = "partial state was made with other rules (" + std::string(fp) + ", not " +
          set.fingerprint + ")";
    return false;
  }
  if (!get_field(root, "as_of", v)) {
    why = "partial state: \"as_of\" missing";
    return false;
  }
  if (!v.is_null()) {
    std::string_view text;
    if (v.get(text) != simdjson::SUCCESS || !(line.as_of = rules::parse_time(text))) {
      why = "partial state: \"as_of\" is not a time";
      return false;
    }
  }
  return true;
}

// "cells": [rule, source, period, thousandths] each, of known rules, with a
// period exactly when the rule has one.
bool parse_cells(array cells, const RuleSet& set, PartialLine& line, std::string& why) {
  for (element cell : cells) {
    array a;
    std::string_view rule_name;
    PartialLine::Cell c;
    if (cell.get(a) != simdjson::SUCCESS || a.size() != 4 ||
        a.at(0).get(rule_name) != simdjson::SUCCESS || a.at(1).get(c.source) != simdjson::SUCCESS ||
        a.at(3).get(c.sum) != simdjson::SUCCESS) {
      why = "partial state: a cell is not [rule, source, period, thousandths]";
      return false;
    }
    if (!rule_index(set, rule_name, c.rule)) {
      why = "partial state: unknown rule \"" + std::string(rule_name) + "\"";
      return false;
    }
    element period = a.at(2);
    if (period.is_null()) {
      c.period = kNoPeriod;
    } else if (period.get(c.period) != simdjson::SUCCESS || c.period == kNoPeriod ||
               !State::valid_period(c.period)) {
      why = "partial state: a cell's period is not an integer";
      return false;
    }
    if ((c.period == kNoPeriod) != !period_days(set.rules[c.rule])) {
      why = "partial state: cell periods do not match rule \"" + std::string(rule_name) + "\"";
      return false;
    }
    line.cells.push_back(c);
  }
  return true;
}

// "explain" or "spill_tops": [id, input, line, rule, thousandths] each.
bool parse_entries(array list, const RuleSet& set, std::vector<ExplainEntry>& out,
                   std::vector<std::string_view>& inputs, std::string& why) {
  for (element item : list) {
    array a;
    ExplainEntry e;
    std::string_view input, rule_name, id;
    if (item.get(a) != simdjson::SUCCESS || a.size() != 5 ||
        a.at(1).get(input) != simdjson::SUCCESS || a.at(2).get(e.line) != simdjson::SUCCESS ||
        a.at(3).get(rule_name) != simdjson::SUCCESS || a.at(4).get(e.points) != simdjson::SUCCESS ||
        !rule_index(set, rule_name, e.rule)) {
      why = "partial state: an explain entry is not [id, input, line, rule, thousandths]";
      return false;
    }
    if (a.at(0).get(id) == simdjson::SUCCESS) {
      e.id = std::string(id);
      e.has_id = true;
    } else if (!a.at(0).is_null()) {
      why = "partial state: an explain id is neither a string nor null";
      return false;
    }
    out.push_back(std::move(e));
    inputs.push_back(input);
  }
  return true;
}

// The counts, the cells, and the optional explain entries, spill tops and
// friends-file accounts.
bool parse_body(object root, const RuleSet& set, PartialLine& line, std::string& why) {
  element v;
  array cells, explain;
  if (!get_field(root, "events", v) || v.get(line.events) != simdjson::SUCCESS ||
      !get_field(root, "matched", v) || v.get(line.matched) != simdjson::SUCCESS ||
      !get_field(root, "cells", v) || v.get(cells) != simdjson::SUCCESS) {
    why = "partial state: \"events\", \"matched\" or \"cells\" missing or of the wrong type";
    return false;
  }
  bool has_explain = get_field(root, "explain", v);
  if (has_explain && v.get(explain) != simdjson::SUCCESS) {
    why = "partial state: \"explain\" is not an array";
    return false;
  }
  array spill_tops, accounts;
  bool has_spill_tops = get_field(root, "spill_tops", v);
  if (has_spill_tops && v.get(spill_tops) != simdjson::SUCCESS) {
    why = "partial state: \"spill_tops\" is not an array";
    return false;
  }
  bool has_accounts = get_field(root, "accounts", v);
  if (has_accounts && v.get(accounts) != simdjson::SUCCESS) {
    why = "partial state: \"accounts\" is not an array";
    return false;
  }
  if (!parse_cells(cells, set, line, why)) return false;
  if (has_explain && !parse_entries(explain, set, line.entries, line.entry_inputs, why))
    return false;
  if (has_spill_tops && !parse_entries(spill_tops, set, line.tops, line.top_inputs, why))
    return false;
  if (has_accounts)
    for (element item : accounts) {
      std::string_view name;
      if (item.get(name) != simdjson::SUCCESS) {
        why = "partial state: an account is not a string";
        return false;
      }
      line.accounts.push_back(name);
    }
  return true;
}

// Adds a checked line to the state: the person's counts and sums, the
// events that explain them, and the accounts that name them.
void apply(PartialLine& line, State& state) {
  std::uint32_t p = state.person(line.person);
  state.count_events(p, line.events);
  state.count_matched(p, line.matched);
  for (const PartialLine::Cell& c : line.cells)
    state.add(p, c.rule, state.source(c.source), c.period, c.sum);
  if (state.explain_n() > 0) {
    for (std::size_t i = 0; i < line.entries.size(); ++i) {
      line.entries[i].input = state.input(line.entry_inputs[i]);
      state.offer(p, std::move(line.entries[i]));
    }
    for (std::size_t i = 0; i < line.tops.size(); ++i) {
      line.tops[i].input = state.input(line.top_inputs[i]);
      state.offer_spill_top(p, line.tops[i].rule, line.tops[i]);
    }
  }
  if (const PersonTable* table = state.friend_accounts())
    for (std::string_view name : line.accounts) {
      std::uint32_t a = table->find(name);
      if (a != UINT32_MAX) state.link_account(a, p);
    }
}

}  // namespace

bool PartialReader::add(const io::Record& record, std::string& why) {
  const RuleSet& set = state_.rules();
  PartialLine line;
  if (!parse_head(record.root, set, line, why)) return false;
  if (as_of_seen_ && line.as_of != as_of_) {
    auto show = [](const std::optional<std::int64_t>& t) {
      return t ? rules::format_time(*t) : std::string("none");
    };
    why = "partial state made as of " + show(line.as_of) + ", not " + show(as_of_);
    return false;
  }
  // The first line read fixes the as-of, even when a later check rejects it.
  as_of_ = line.as_of;
  as_of_seen_ = true;
  if (!parse_body(record.root, set, line, why)) return false;
  apply(line, state_);
  return true;
}

}  // namespace socred::score
