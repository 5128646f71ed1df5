// Writing and reading partial state lines.
#include "score/partial.hpp"

#include "io/json_path.hpp"
#include "rules/time.hpp"

namespace socred::score {

void write_partials(const State& state, const TotalsBuilder& totals,
                    const std::optional<std::int64_t>& as_of, io::JsonlWriter& out) {
  const RuleSet& set = state.rules();
  std::vector<Cell> cells;
  for (std::uint32_t p : totals.order()) {
    out.begin_object();
    out.key("person").string(state.persons().key(p));
    out.key("partial").number(1);
    out.key("rules").string(set.fingerprint);
    out.key("as_of");
    if (as_of) out.string(rules::format_time(*as_of)); else out.null();
    out.key("events").number(state.events(p));
    out.key("matched").number(state.matched(p));
    out.key("cells").begin_array();
    totals.cells(p, cells);
    for (const Cell& c : cells) {
      out.begin_array();
      out.string(set.rules[c.rule].name);
      out.string(state.sources()[c.source]);
      if (c.period == kNoPeriod) out.null(); else out.number(c.period);
      out.number(c.sum);
      out.end_array();
    }
    out.end_array();
    if (state.explain_n() > 0) {
      std::size_t count;
      const ExplainEntry* top = state.explained(p, count);
      out.key("explain").begin_array();
      for (std::size_t i = 0; i < count; ++i) {
        const ExplainEntry& e = top[i];
        out.begin_array();
        if (e.has_id) out.string(e.id); else out.null();
        out.string(state.inputs()[e.input]);
        out.number(e.line);
        out.string(set.rules[e.rule].name);
        out.number(e.points);
        out.end_array();
      }
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

}  // namespace

bool PartialReader::add(const io::Record& record, std::string& why) {
  const RuleSet& set = state_.rules();
  object root = record.root;
  element v;
  std::string_view person, fp;
  std::int64_t marker;
  if (!get_field(root, "partial", v) || v.get(marker) != simdjson::SUCCESS || marker != 1) {
    why = "not a partial state line (score --partial writes them)";
    return false;
  }
  if (!get_field(root, "person", v) || v.get(person) != simdjson::SUCCESS) {
    why = "partial state: \"person\" missing or not a string";
    return false;
  }
  if (!get_field(root, "rules", v) || v.get(fp) != simdjson::SUCCESS || fp != set.fingerprint) {
    why = "partial state was made with other rules (" + std::string(fp) + ", not " +
          set.fingerprint + ")";
    return false;
  }
  std::optional<std::int64_t> as_of;
  if (!get_field(root, "as_of", v)) {
    why = "partial state: \"as_of\" missing";
    return false;
  }
  if (!v.is_null()) {
    std::string_view text;
    if (v.get(text) != simdjson::SUCCESS || !(as_of = rules::parse_time(text))) {
      why = "partial state: \"as_of\" is not a time";
      return false;
    }
  }
  if (as_of_seen_ && as_of != as_of_) {
    auto show = [](const std::optional<std::int64_t>& t) {
      return t ? rules::format_time(*t) : std::string("none");
    };
    why = "partial state made as of " + show(as_of) + ", not " + show(as_of_);
    return false;
  }
  as_of_ = as_of;
  as_of_seen_ = true;

  std::uint64_t events, matched;
  array cells, explain;
  if (!get_field(root, "events", v) || v.get(events) != simdjson::SUCCESS ||
      !get_field(root, "matched", v) || v.get(matched) != simdjson::SUCCESS ||
      !get_field(root, "cells", v) || v.get(cells) != simdjson::SUCCESS) {
    why = "partial state: \"events\", \"matched\" or \"cells\" missing or of the wrong type";
    return false;
  }
  bool has_explain = get_field(root, "explain", v);
  if (has_explain && v.get(explain) != simdjson::SUCCESS) {
    why = "partial state: \"explain\" is not an array";
    return false;
  }
  auto rule_index = [&](std::string_view name, std::uint32_t& out) {
    for (std::uint32_t r = 0; r < set.rules.size(); ++r)
      if (set.rules[r].name == name) {
        out = r;
        return true;
      }
    return false;
  };
  // Check everything before changing the state: a bad line adds nothing.
  struct Parsed {
    std::uint32_t rule;
    std::string_view source;
    std::int64_t period;
    Milli sum;
  };
  std::vector<Parsed> parsed;
  for (element cell : cells) {
    array a;
    std::string_view rule_name;
    Parsed c;
    if (cell.get(a) != simdjson::SUCCESS || a.size() != 4 ||
        a.at(0).get(rule_name) != simdjson::SUCCESS || a.at(1).get(c.source) != simdjson::SUCCESS ||
        a.at(3).get(c.sum) != simdjson::SUCCESS) {
      why = "partial state: a cell is not [rule, source, period, thousandths]";
      return false;
    }
    if (!rule_index(rule_name, c.rule)) {
      why = "partial state: unknown rule \"" + std::string(rule_name) + "\"";
      return false;
    }
    element period = a.at(2);
    if (period.is_null()) {
      c.period = kNoPeriod;
    } else if (period.get(c.period) != simdjson::SUCCESS || c.period == kNoPeriod) {
      why = "partial state: a cell's period is not an integer";
      return false;
    }
    if ((c.period == kNoPeriod) != !set.rules[c.rule].cap) {
      why = "partial state: cell periods do not match rule \"" + std::string(rule_name) + "\"";
      return false;
    }
    parsed.push_back(c);
  }
  std::vector<ExplainEntry> entries;
  std::vector<std::string_view> entry_inputs;
  if (has_explain) {
    for (element item : explain) {
      array a;
      ExplainEntry e;
      std::string_view input, rule_name, id;
      if (item.get(a) != simdjson::SUCCESS || a.size() != 5 ||
          a.at(1).get(input) != simdjson::SUCCESS || a.at(2).get(e.line) != simdjson::SUCCESS ||
          a.at(3).get(rule_name) != simdjson::SUCCESS ||
          a.at(4).get(e.points) != simdjson::SUCCESS || !rule_index(rule_name, e.rule)) {
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
      entries.push_back(std::move(e));
      entry_inputs.push_back(input);
    }
  }

  std::uint32_t p = state_.person(person);
  state_.count_events(p, events);
  state_.count_matched(p, matched);
  for (const Parsed& c : parsed) state_.add(p, c.rule, state_.source(c.source), c.period, c.sum);
  if (state_.explain_n() > 0)
    for (std::size_t i = 0; i < entries.size(); ++i) {
      entries[i].input = state_.input(entry_inputs[i]);
      state_.offer(p, std::move(entries[i]));
    }
  return true;
}

}  // namespace socred::score
