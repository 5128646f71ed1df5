// Events: how many per source and type, public records against private
// platforms, which identifying key they carry, and the time they span.
#include <algorithm>

#include "report/tally.hpp"

namespace socred::report {

namespace {
constexpr std::string_view kNone = "(none)";
}  // namespace

std::optional<Problem> EventTally::add(const io::Record& line, const Settings& settings) {
  const simdjson::dom::object record = line.root;
  // Only what an event needs to be counted is required: a real log (Zeek's
  // weird and notice lines) has no id or type, and a null source, which
  // count as "(none)" as score counts them.
  std::string_view source = kNone, type = kNone, ts;
  auto source_value = io::last_field(record, "source");
  if (!source_value && settings.strict) return Problem{"", "missing field \"source\""};
  if (source_value && !source_value->is_null() &&
      source_value->get_string().get(source) != simdjson::SUCCESS)
    return Problem{"source", "field \"source\": expected a string or null"};
  auto type_value = io::last_field(record, "type");
  if (!type_value && settings.strict) return Problem{"", "missing field \"type\""};
  if (type_value && !type_value->is_null() &&
      type_value->get_string().get(type) != simdjson::SUCCESS)
    return Problem{"type", "field \"type\": expected a string or null"};
  auto ts_value = io::last_field(record, "ts");
  if (ts_value) {
    if (ts_value->get_string().get(ts) != simdjson::SUCCESS)
      return Problem{"ts", "field \"ts\": expected a string"};
  } else if (settings.strict) {
    return Problem{"", "missing field \"ts\""};
  }

  ++events;
  add_count(sources, source);
  std::string source_type;
  source_type.reserve(source.size() + 1 + type.size());
  source_type.append(source).append("/").append(type);
  add_count(types, source_type);
  const auto& pub = settings.public_sources;
  if (std::find(pub.begin(), pub.end(), source) != pub.end()) ++public_events;
  bool keyed = false;
  for (const char* key : {"person", "account", "national_id"}) {
    if (io::last_field(record, key)) {
      add_count(keys, key);
      keyed = true;
    }
  }
  if (io::last_field(record, "name") && io::last_field(record, "birthdate")) {
    add_count(keys, "name+birthdate");
    keyed = true;
  }
  if (!keyed) add_count(keys, "(none)");
  if (!ts.empty()) {
    if (first_ts.empty() || ts < first_ts) first_ts = ts;
    if (last_ts.empty() || ts > last_ts) last_ts = ts;
  }
  return std::nullopt;
}

void EventTally::merge(const EventTally& other) {
  merge_members(*this, other, &EventTally::events, &EventTally::public_events, &EventTally::sources,
                &EventTally::types, &EventTally::keys);
  if (!other.first_ts.empty() && (first_ts.empty() || other.first_ts < first_ts))
    first_ts = other.first_ts;
  if (!other.last_ts.empty() && (last_ts.empty() || other.last_ts > last_ts))
    last_ts = other.last_ts;
}

}  // namespace socred::report
