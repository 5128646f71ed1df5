// Score lines: the distribution of scores, points per rule and per source,
// flags, and the share selected at a cutoff.
#include <fmt/format.h>

#include <cmath>

#include "report/tally.hpp"

namespace socred::report {

namespace {

using simdjson::dom::element;
using simdjson::dom::object;

// A points object: absent (a Problem under --strict), or an object whose
// every value reads as thousandths, into `out`.
std::optional<Problem> check_points(const std::optional<element>& value, std::string_view key,
                                    bool strict, std::string_view text,
                                    std::vector<std::pair<std::string_view, std::int64_t>>& out,
                                    std::vector<io::RawMember>& raw) {
  out.clear();
  if (!value) {
    if (strict) return Problem{std::string(key), fmt::format("missing field \"{}\"", key)};
    return std::nullopt;
  }
  object points;
  if (value->get(points) != simdjson::SUCCESS)
    return Problem{std::string(key),
                   fmt::format("field \"{}\": expected an object of points", key)};
  return read_points(points, text, key, out, raw);
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

void post(Ledger& ledger, const std::vector<std::pair<std::string_view, std::int64_t>>& points) {
  for (const auto& [name, milli] : points) ledger.add(name, milli);
}

}  // namespace

std::optional<Problem> ScoreTally::add(const io::Record& line, const Settings& settings) {
  const object record = line.root;
  static constexpr std::string_view kKeys[] = {"person",        "score",     "events",  "matched",
                                               "contributions", "by_source", "spilled", "flags"};
  std::optional<element> fields[8];
  pick(record, kKeys, fields);
  const auto& [person, score_value, events_value, matched_value, contributions_value,
               by_source_value, spilled_value, flags_value] = fields;
  if (!person) return Problem{"", "missing field \"person\""};
  if (!person->is_string()) return Problem{"person", "field \"person\": expected a string"};
  if (!score_value) return Problem{"", "missing field \"score\""};
  const std::optional<Real> value = real_of(*score_value);  // all 64 bits of an integer
  if (!value) return Problem{"score", "field \"score\": expected a number"};

  std::uint64_t n_events = 0, n_matched = 0;
  if (auto p = check_count(events_value, "events", settings.strict, n_events)) return p;
  if (auto p = check_count(matched_value, "matched", settings.strict, n_matched)) return p;
  if (auto p = check_points(contributions_value, "contributions", settings.strict, line.text,
                            points_[0], raw_))
    return p;
  if (auto p =
          check_points(by_source_value, "by_source", settings.strict, line.text, points_[1], raw_))
    return p;
  if (auto p = check_points(spilled_value, "spilled", false, line.text, points_[2], raw_)) return p;
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
  score.add(*value);
  events += n_events;
  matched += n_matched;
  if (settings.cutoff && *value >= *settings.cutoff) ++selected;
  post(rules, points_[0]);
  post(sources, points_[1]);
  post(spilled, points_[2]);
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
