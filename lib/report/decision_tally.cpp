// Decision lines: allow / forbidden / not_permitted per service, the
// reasons denials cite by what they are (kind and rule, not their words,
// which carry the person's numbers), and how faithful they are.
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

namespace {

std::string string_field(simdjson::dom::object o, std::string_view key) {
  std::string_view s;
  if (auto v = io::last_field(o, key); v && v->get_string().get(s) == simdjson::SUCCESS)
    return std::string(s);
  return {};
}

}  // namespace

ReasonKey reason_key(simdjson::dom::element r, std::string* text) {
  simdjson::dom::object o;
  if (r.get(o) != simdjson::SUCCESS) {
    std::string_view s;
    return {"text", "", "",
            r.get_string().get(s) == simdjson::SUCCESS ? std::string(s) : value_text(r)};
  }
  const std::string kind = string_field(o, "kind");
  if (kind == "penalty" && text) *text = string_field(o, "text");
  if (kind == "penalty" || kind == "friends") return {kind, string_field(o, "rule"), "", ""};
  if (kind == "not_earned") return {kind, "", "", ""};
  // The threshold's gap has the person's numbers in its words; an allow
  // clause that failed on more than the score has the clause's own.
  if (kind == "gap")
    return {kind, "", "", io::last_field(o, "required") ? "" : string_field(o, "text")};
  if (kind == "forbid") return {kind, "", "", string_field(o, "text")};
  if (kind == "flag")
    return {kind, string_field(o, "rule"), string_field(o, "flag"), string_field(o, "text")};
  // Another shape: the first of these keys that holds a string.
  for (const char* key : {"reason", "text", "rule", "flag"})
    if (std::string s = string_field(o, key); !s.empty())
      return {kind.empty() ? "text" : kind, "", "", s};
  return {kind.empty() ? "text" : kind, "", "", value_text(r)};
}

std::string reason_label(const ReasonKey& k) {
  if (k.kind == "penalty" || k.kind == "friends") return k.kind + ": " + k.rule;
  if (k.kind == "not_earned") return "points not earned";
  if (k.kind == "gap") return k.clause.empty() ? "score below the threshold" : k.clause;
  if (k.kind == "forbid") return "forbid: " + k.clause;
  if (k.kind == "flag")
    return "flag " + k.flag + (k.rule.empty() ? "" : " (" + k.rule + ")") + ": " + k.clause;
  if (k.kind == "text" || k.kind.empty()) return k.clause;
  return k.kind + ": " + k.clause;
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
  std::string_view without_cited;
  auto without_value = io::last_field(record, "without_cited");
  if (without_value && !without_value->is_null() &&
      (without_value->get_string().get(without_cited) != simdjson::SUCCESS ||
       (without_cited != "allow" && without_cited != "forbidden" &&
        without_cited != "not_permitted")))
    return Problem{"without_cited",
                   "field \"without_cited\": expected \"allow\", \"forbidden\" or "
                   "\"not_permitted\""};

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
  keys_.clear();
  std::string penalty_text;
  std::vector<std::string> texts;
  if (has_reasons) {
    for (auto r : reasons_list) {
      penalty_text.clear();
      keys_.push_back(reason_key(r, &penalty_text));
      texts.push_back(penalty_text);
    }
  }
  if (keys_.empty()) {
    keys_.push_back({"", "", "", "(no reason given)"});
    texts.emplace_back();
  }
  // Reasons are ranked: the first past the gap is the principal one.
  std::size_t principal = 0;
  while (principal < keys_.size() && keys_[principal].kind == "gap") ++principal;
  if (principal == keys_.size()) principal = 0;
  bool not_earned = false, friends = false;
  for (std::size_t i = 0; i < keys_.size(); ++i) {
    not_earned = not_earned || keys_[i].kind == "not_earned";
    friends = friends || keys_[i].kind == "friends";
    // A denial that cites one cause twice counts once.
    bool again = false;
    for (std::size_t j = 0; j < i && !again; ++j) again = keys_[j] == keys_[i];
    if (again) continue;
    ReasonCount& c = reasons[keys_[i]];
    ++c.denials;
    if (c.text.empty()) c.text = texts[i];
  }
  ++reasons[keys_[principal]].principal;
  if (!without_cited.empty()) {
    ++counts.checked;
    if (without_cited == "allow") ++counts.suffice;
  }
  if (not_earned) ++counts.not_earned;
  if (friends) ++counts.friends;
  return std::nullopt;
}

void DecisionTally::merge(const DecisionTally& other) {
  lines += other.lines;
  for (const ServiceCounts& o : other.services)
    merge_members(service(o.service), o, &ServiceCounts::allow, &ServiceCounts::forbidden,
                  &ServiceCounts::not_permitted, &ServiceCounts::checked, &ServiceCounts::suffice,
                  &ServiceCounts::not_earned, &ServiceCounts::friends);
  for (const auto& [key, c] : other.reasons) {
    ReasonCount& into = reasons[key];
    into.denials += c.denials;
    into.principal += c.principal;
    if (into.text.empty()) into.text = c.text;
  }
}

}  // namespace socred::report
