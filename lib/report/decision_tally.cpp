// Decision lines: allow / forbidden / not_permitted per service, and the
// principal reason given for each denial.
#include "report/tally.hpp"

namespace socred::report {

std::string principal_reason(simdjson::dom::array list) {
  std::string first;
  for (auto r : list) {
    simdjson::dom::object o;
    if (r.get(o) != simdjson::SUCCESS) return first.empty() ? value_text(r) : first;
    std::string_view kind, rule;
    if (auto k = io::last_field(o, "kind"); k && k->get_string().get(kind) != simdjson::SUCCESS)
      kind = {};
    if (kind == "friends")
      if (auto v = io::last_field(o, "rule"); v && v->get_string().get(rule) == simdjson::SUCCESS)
        return "friends: " + std::string(rule);
    // A reason is an object naming it: the first of these keys that holds
    // a string is the text a person would be told.
    std::string text = value_text(r);
    for (const char* key : {"reason", "text", "rule", "flag"}) {
      auto v = io::last_field(o, key);
      std::string_view s;
      if (v && v->get_string().get(s) == simdjson::SUCCESS) {
        text = std::string(s);
        break;
      }
    }
    if (kind != "gap") return text;
    if (first.empty()) first = text;
  }
  return first;
}

ServiceCounts& DecisionTally::service(std::string_view name) {
  if (hint_ < services.size() && services[hint_].service == name) return services[hint_++];
  for (std::size_t i = 0; i < services.size(); ++i) {
    if (services[i].service == name) {
      hint_ = i + 1;
      return services[i];
    }
  }
  services.push_back(ServiceCounts{std::string(name)});
  hint_ = services.size();
  return services.back();
}

std::optional<Problem> DecisionTally::add(const io::Record& line, const Settings& settings) {
  const simdjson::dom::object record = line.root;
  std::string_view person, name, decision;
  auto person_value = io::last_field(record, "person");
  if (!person_value) return Problem{"", "missing field \"person\""};
  if (person_value->get_string().get(person) != simdjson::SUCCESS)
    return Problem{"person", "field \"person\": expected a string"};
  auto service_value = io::last_field(record, "service");
  if (!service_value) return Problem{"", "missing field \"service\""};
  if (service_value->get_string().get(name) != simdjson::SUCCESS)
    return Problem{"service", "field \"service\": expected a string"};
  auto decision_value = io::last_field(record, "decision");
  if (!decision_value) return Problem{"", "missing field \"decision\""};
  if (decision_value->get_string().get(decision) != simdjson::SUCCESS ||
      (decision != "allow" && decision != "forbidden" && decision != "not_permitted"))
    return Problem{"decision",
                   "field \"decision\": expected \"allow\", \"forbidden\" or \"not_permitted\""};
  simdjson::dom::array reasons_list;
  bool has_reasons = false;
  if (auto reasons_value = io::last_field(record, "reasons")) {
    if (reasons_value->get(reasons_list) != simdjson::SUCCESS)
      return Problem{"reasons", "field \"reasons\": expected an array"};
    has_reasons = true;
  } else if (settings.strict) {
    return Problem{"", "missing field \"reasons\""};
  }

  ++lines;
  ServiceCounts& counts = service(name);
  if (decision == "allow") {
    ++counts.allow;
    return std::nullopt;
  }
  if (decision == "forbidden")
    ++counts.forbidden;
  else
    ++counts.not_permitted;
  // Reasons are ranked: the first past the gap is the principal one.
  if (has_reasons && reasons_list.size() > 0)
    add_count(reasons, principal_reason(reasons_list));
  else
    add_count(reasons, "(no reason given)");
  return std::nullopt;
}

void DecisionTally::merge(const DecisionTally& other) {
  lines += other.lines;
  for (const ServiceCounts& o : other.services)
    merge_members(service(o.service), o, &ServiceCounts::allow, &ServiceCounts::forbidden,
                  &ServiceCounts::not_permitted);
  merge_into(reasons, other.reasons);
}

}  // namespace socred::report
