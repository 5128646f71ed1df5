// Detection looks for the fields that only one stage writes, so a score line
// with group fields joined on (`who.city`) is still a score line.
#include "report/kind.hpp"

#include "io/error.hpp"
#include "io/json_path.hpp"
#include "report/tally.hpp"

namespace socred::report {

Kind detect(simdjson::dom::object record) {
  static constexpr std::string_view kKeys[] = {
      "decision",       "service", "person", "score",        "contributions",
      "by_source",      "left",    "right",  "match_weight", "true_links",
      "true_positives", "id",      "ts",     "source",       "type"};
  enum {
    kDecisionKey,
    kService,
    kPerson,
    kScoreKey,
    kContributions,
    kBySource,
    kLeft,
    kRight,
    kMatchWeight,
    kTrueLinks,
    kTruePositives,
    kId,
    kTs,
    kSource,
    kType
  };
  std::optional<simdjson::dom::element> found[std::size(kKeys)];
  pick(record, kKeys, found);
  auto has = [&](int i) { return found[i].has_value(); };
  // Decision lines carry a score too, so they are tested first.
  if (has(kDecisionKey) && has(kService) && has(kPerson)) return Kind::kDecision;
  if (has(kScoreKey) && has(kPerson) && (has(kContributions) || has(kBySource)))
    return Kind::kScore;
  if (has(kLeft) && has(kRight) && has(kMatchWeight)) return Kind::kLink;
  // join-records' evaluation starts with a summary line before its pairs.
  if (has(kTrueLinks) && has(kTruePositives)) return Kind::kLink;
  if (has(kId) && has(kTs) && has(kSource) && has(kType)) return Kind::kEvent;
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
    case Kind::kScore:
      return "score";
    case Kind::kDecision:
      return "decision";
    case Kind::kLink:
      return "link";
    case Kind::kEvent:
      return "event";
    case Kind::kAuto:
      break;
  }
  return "none";
}

std::string_view kind_lines(Kind kind) {
  switch (kind) {
    case Kind::kScore:
      return "score lines";
    case Kind::kDecision:
      return "decision lines";
    case Kind::kLink:
      return "linkage pairs";
    case Kind::kEvent:
      return "events";
    case Kind::kAuto:
      break;
  }
  return "no records";
}

std::string_view kind_one(Kind kind) {
  switch (kind) {
    case Kind::kScore:
      return "a score line";
    case Kind::kDecision:
      return "a decision line";
    case Kind::kLink:
      return "a linkage pair";
    case Kind::kEvent:
      return "an event";
    case Kind::kAuto:
      break;
  }
  return "a record";
}

}  // namespace socred::report
