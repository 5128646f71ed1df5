// Score lines: the distribution of scores, points per rule and per source,
// flags, and the share selected at a cutoff.
#include <fmt/format.h>

#include <cmath>

#include "report/tally.hpp"

namespace socred::report {

namespace {

using simdjson::dom::element;
using simdjson::dom::object;

// Beyond this, thousandths would not fit 64 bits exactly; no rule gives it.
constexpr double kMaxPoints = 9e12;

std::optional<Problem> check_points(const std::optional<element>& value, std::string_view key,
                                    bool strict, std::optional<object>& out) {
  if (!value) {
    if (strict) return Problem{std::string(key), fmt::format("missing field \"{}\"", key)};
    return std::nullopt;
  }
  object points;
  if (value->get(points) != simdjson::SUCCESS)
    return Problem{std::string(key),
                   fmt::format("field \"{}\": expected an object of points", key)};
  for (auto field : points) {
    double v;
    if (field.value.get_double().get(v) != simdjson::SUCCESS || !(std::fabs(v) < kMaxPoints))
      return Problem{
          std::string(key),
          fmt::format("field \"{}\": points of \"{}\" must be a number", key, field.key)};
  }
  out = points;
  return std::nullopt;
}

std::optional<Problem> check_count(const std::optional<element>& value, std::string_view key,
                                   bool strict, std::uint64_t& out) {
  if (!value) {
    if (strict) return Problem{std::string(key), fmt::format("missing field \"{}\"", key)};
    return std::nullopt;
  }
  if (value->get_uint64().get(out) != simdjson::SUCCESS)
    return Problem{std::string(key),
                   fmt::format("field \"{}\": expected a non-negative integer", key)};
  return std::nullopt;
}

void post(Ledger& ledger, const std::optional<object>& points) {
  if (!points) return;
  for (auto field : *points) ledger.add(field.key, to_thousandths(double(field.value)));
}

}  // namespace

std::optional<Problem> ScoreTally::add(object record, const Settings& settings) {
  static constexpr std::string_view kKeys[] = {"person",        "score",     "events",  "matched",
                                               "contributions", "by_source", "spilled", "flags"};
  std::optional<element> fields[8];
  pick(record, kKeys, fields);
  const auto& [person, score_value, events_value, matched_value, contributions_value,
               by_source_value, spilled_value, flags_value] = fields;
  if (!person) return Problem{"", "missing field \"person\""};
  if (!person->is_string()) return Problem{"person", "field \"person\": expected a string"};
  if (!score_value) return Problem{"", "missing field \"score\""};
  double value;
  if (score_value->get_double().get(value) != simdjson::SUCCESS)
    return Problem{"score", "field \"score\": expected a number"};

  std::uint64_t n_events = 0, n_matched = 0;
  if (auto p = check_count(events_value, "events", settings.strict, n_events)) return p;
  if (auto p = check_count(matched_value, "matched", settings.strict, n_matched)) return p;
  std::optional<object> contributions, by_source, spill;
  if (auto p = check_points(contributions_value, "contributions", settings.strict, contributions))
    return p;
  if (auto p = check_points(by_source_value, "by_source", settings.strict, by_source)) return p;
  if (auto p = check_points(spilled_value, "spilled", false, spill)) return p;
  simdjson::dom::array flag_list;
  bool has_flags = false;
  if (flags_value) {
    if (flags_value->get(flag_list) != simdjson::SUCCESS)
      return Problem{"flags", "field \"flags\": expected an array of strings"};
    for (element e : flag_list)
      if (!e.is_string()) return Problem{"flags", "field \"flags\": expected an array of strings"};
    has_flags = true;
  } else if (settings.strict) {
    return Problem{"", "missing field \"flags\""};
  }

  ++persons;
  score.add(value);
  events += n_events;
  matched += n_matched;
  if (settings.cutoff && value >= *settings.cutoff) ++selected;
  post(rules, contributions);
  post(sources, by_source);
  post(spilled, spill);
  if (has_flags) {
    // A flag listed twice on one line still marks one person.
    std::string_view previous;
    bool first = true;
    for (element f : flag_list) {
      std::string_view name = f.get_string().value_unsafe();
      if (!first && name == previous) continue;
      add_count(flags, name);
      previous = name;
      first = false;
    }
  }
  return std::nullopt;
}

void ScoreTally::merge(const ScoreTally& other) {
  merge_members(*this, other, &ScoreTally::persons, &ScoreTally::score, &ScoreTally::events,
                &ScoreTally::matched, &ScoreTally::selected, &ScoreTally::rules,
                &ScoreTally::sources, &ScoreTally::spilled, &ScoreTally::flags);
}

}  // namespace socred::report
