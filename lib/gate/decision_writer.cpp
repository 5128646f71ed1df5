// The decision line. Points are printed from thousandths, never through a
// double, so that they read back exactly as score wrote them.
#include "gate/decision_writer.hpp"

#include "gate/hash.hpp"
#include "gate/points.hpp"
#include "gate/score_line.hpp"

namespace socred::gate {

namespace {

bool is_decision_field(std::string_view key) {
  static constexpr std::string_view kFields[] = {
      "person", "service", "decision", "reasons", "conditions",
      "would_flip", "score", "decision_id", "policy_hash"};
  for (auto f : kFields)
    if (f == key) return true;
  return false;
}

// Was `key` already written by the request (a request and a score line may
// both carry, say, `who`; the request's copy is the one kept).
bool in_request(const simdjson::dom::object* request, std::string_view key) {
  if (!request) return false;
  for (auto field : *request)
    if (field.key == key) return true;
  return false;
}

}  // namespace

void DecisionWriter::write(const Decision& d, simdjson::dom::object score_line,
                           const simdjson::dom::object* request) {
  out_.begin_object();
  out_.key("person").string(d.person);
  out_.key("service").string(d.service);
  out_.key("decision").string(outcome_name(d.outcome));
  out_.key("reasons").begin_array();
  for (const Reason& r : d.reasons) {
    out_.begin_object().key("text").string(r.text);
    if (!r.rule.empty()) out_.key("rule").string(r.rule);
    if (r.points) out_.key("points").raw(points_text(*r.points));
    if (!r.flag.empty()) out_.key("flag").string(r.flag);
    out_.end_object();
  }
  out_.end_array();
  out_.key("conditions").begin_array();
  for (const std::string& c : d.conditions) out_.string(c);
  out_.end_array();
  out_.key("would_flip");
  if (!d.would_flip) {
    out_.null();
  } else {
    const WouldFlip& w = *d.would_flip;
    out_.begin_object();
    if (w.none()) out_.key("none").boolean(true);
    if (w.points_short) out_.key("points_short").number(*w.points_short);
    if (!w.clear_flag.empty()) out_.key("clear_flag").string(w.clear_flag);
    if (!w.remove_rule.empty()) out_.key("remove_rule").string(w.remove_rule);
    out_.end_object();
  }
  out_.key("score");
  if (d.score) out_.number(*d.score);
  else out_.null();
  out_.key("decision_id").string(hex64(d.decision_id));
  out_.key("policy_hash").string(policy_hash_);
  if (request) {
    for (auto field : *request) {
      if (is_decision_field(field.key)) continue;
      out_.key(field.key).element(field.value);
    }
  }
  for (auto field : score_line) {
    if (is_score_field(field.key) || is_decision_field(field.key) ||
        in_request(request, field.key))
      continue;
    out_.key(field.key).element(field.value);
  }
  out_.end_object();
  out_.end_line();
}

}  // namespace socred::gate
