// Detection looks for the fields that only one stage writes, so a score line
// with group fields joined on (`who.city`) is still a score line.
#include "report/kind.hpp"

#include "io/error.hpp"
#include "io/json_path.hpp"

namespace socred::report {

namespace {
bool has(simdjson::dom::object record, std::string_view key) {
  return io::last_field(record, key).has_value();
}
}  // namespace

Kind detect(simdjson::dom::object record) {
  // Decision lines carry a score too, so they are tested first.
  if (has(record, "decision") && has(record, "service") && has(record, "person"))
    return Kind::kDecision;
  if (has(record, "score") && has(record, "person") &&
      (has(record, "contributions") || has(record, "by_source")))
    return Kind::kScore;
  if (has(record, "left") && has(record, "right") && has(record, "match_weight"))
    return Kind::kLink;
  // join-records' evaluation starts with a summary line before its pairs.
  if (has(record, "true_links") && has(record, "true_positives")) return Kind::kLink;
  if (has(record, "id") && has(record, "ts") && has(record, "source") && has(record, "type"))
    return Kind::kEvent;
  return Kind::kAuto;
}

Kind parse_kind(std::string_view text) {
  if (text == "auto") return Kind::kAuto;
  if (text == "score") return Kind::kScore;
  if (text == "decision") return Kind::kDecision;
  if (text == "link") return Kind::kLink;
  if (text == "event") return Kind::kEvent;
  throw Error(kExitUsage, "--kind must be auto, score, decision, link or event, not '" +
                              std::string(text) + "'");
}

std::string_view kind_name(Kind kind) {
  switch (kind) {
    case Kind::kScore: return "score";
    case Kind::kDecision: return "decision";
    case Kind::kLink: return "link";
    case Kind::kEvent: return "event";
    case Kind::kAuto: break;
  }
  return "none";
}

std::string_view kind_lines(Kind kind) {
  switch (kind) {
    case Kind::kScore: return "score lines";
    case Kind::kDecision: return "decision lines";
    case Kind::kLink: return "linkage pairs";
    case Kind::kEvent: return "events";
    case Kind::kAuto: break;
  }
  return "no records";
}

std::string_view kind_one(Kind kind) {
  switch (kind) {
    case Kind::kScore: return "a score line";
    case Kind::kDecision: return "a decision line";
    case Kind::kLink: return "a linkage pair";
    case Kind::kEvent: return "an event";
    case Kind::kAuto: break;
  }
  return "a record";
}

}  // namespace socred::report
