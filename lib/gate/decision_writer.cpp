// The decision line, built as text in one reused buffer: constant keys are
// literals, values are escaped once, and points are printed from
// thousandths, never through a double, so they read back exactly.
#include "gate/decision_writer.hpp"

#include <simdjson.h>

#include "gate/score_line.hpp"
#include "io/hash.hpp"
#include "io/json_text.hpp"
#include "io/raw_json.hpp"
#include "rules/milli.hpp"

namespace socred::gate {

namespace {

bool is_decision_field(std::string_view key) {
  static constexpr std::string_view kFields[] = {
      "person",     "service",       "decision", "reasons",     "conditions",
      "would_flip", "without_cited", "score",    "decision_id", "policy_hash"};
  for (auto f : kFields)
    if (f == key) return true;
  return false;
}

bool has_key(std::string_view object, std::string_view key) {
  bool found = false;
  io::for_each_member(object,
                      [&](const io::RawMember& m) { found = found || m.inner_key() == key; });
  return found;
}

// A reason object: kind and text, then what it rests on, each key only
// where its kind has it, in one fixed order.
void append_reason(std::string& b, const Reason& r) {
  b += "{\"kind\":\"";
  b += reason_kind_name(r.kind);
  b += "\",\"text\":";
  io::append_json_string(b, r.text);
  auto text = [&](const char* key, std::string_view value) {
    if (value.empty()) return;
    b += ",\"";
    b += key;
    b += "\":";
    io::append_json_string(b, value);
  };
  auto whole = [&](const char* key, const std::optional<std::int64_t>& value) {
    if (!value) return;
    b += ",\"";
    b += key;
    b += "\":";
    io::append_json_integer(b, *value);
  };
  auto points = [&](const char* key, const std::optional<std::int64_t>& value) {
    if (!value) return;
    b += ",\"";
    b += key;
    b += "\":";
    rules::append_milli(b, *value);
  };
  text("rule", r.rule);
  points("points", r.points);
  if (r.friends) {
    b += ",\"friends\":";
    b += std::to_string(*r.friends);
  }
  text("friend", r.friend_);
  text("flag", r.flag);
  whole("observed", r.observed);
  whole("required", r.required);
  whole("points_short", r.points_short);
  points("rest", r.rest);
  points("uncited", r.uncited);
  points("unearned", r.unearned);
  if (r.kind == ReasonKind::kNotEarned) {
    b += ",\"rules\":[";
    if (r.earning_rules != nullptr)
      for (std::size_t i = 0; i < r.earning_rules->size(); ++i) {
        if (i > 0) b += ',';
        io::append_json_string(b, (*r.earning_rules)[i]);
      }
    b += ']';
  }
  if (!r.conditions.empty()) {
    b += ",\"conditions\":";
    b += r.conditions;
  }
  b += '}';
}

}  // namespace

DecisionWriter::DecisionWriter(io::JsonlWriter& out, std::string_view policy_hash)
    : out_(out), policy_hash_(policy_hash) {}

void DecisionWriter::pass_through(std::string_view object, std::string_view request,
                                  bool is_request, std::string& out) {
  io::for_each_member(object, [&](const io::RawMember& m) {
    const std::string_view key = m.inner_key(), value = m.value;
    if (is_decision_field(key)) return;
    if (!is_request && (is_score_field(key) || (!request.empty() && has_key(request, key)))) return;
    out += ',';
    out += m.key;  // as written, escapes and all
    out += ':';
    minified_.resize(value.size());
    std::size_t length = 0;
    if (simdjson::minify(value.data(), value.size(), minified_.data(), length) == simdjson::SUCCESS)
      out.append(minified_.data(), length);
    else
      out += value;
  });
}

void DecisionWriter::start(std::string_view score_line) {
  score_line_.assign(score_line);
  score_extra_.clear();
  pass_through(score_line_, {}, false, score_extra_);
}

void DecisionWriter::write(const Decision& d, std::string_view request) {
  std::string& b = line_;
  b.clear();
  b += "{\"person\":";
  io::append_json_string(b, d.person);
  b += ",\"service\":";
  io::append_json_string(b, d.service);
  b += ",\"decision\":\"";
  b += outcome_name(d.outcome);
  b += "\",\"reasons\":[";
  for (std::size_t i = 0; i < d.reasons.size(); ++i) {
    if (i > 0) b += ',';
    append_reason(b, d.reasons[i]);
  }
  b += "],\"conditions\":";
  b += d.conditions.empty() ? std::string_view("[]") : std::string_view(d.conditions);
  b += ",\"would_flip\":";
  if (!d.would_flip) {
    b += "null";
  } else {
    const WouldFlip& w = *d.would_flip;
    if (w.none()) {
      b += "{\"none\":true}";
    } else {
      char sep = '{';
      if (w.points_short) {
        b += sep;
        b += "\"points_short\":";
        io::append_json_integer(b, *w.points_short);
        sep = ',';
      }
      if (!w.clear_flag.empty()) {
        b += sep;
        b += "\"clear_flag\":";
        io::append_json_string(b, w.clear_flag);
        sep = ',';
      }
      if (!w.remove_rule.empty()) {
        b += sep;
        b += "\"remove_rule\":";
        io::append_json_string(b, w.remove_rule);
      }
      b += '}';
    }
  }
  if (d.without_cited) {
    b += ",\"without_cited\":\"";
    b += outcome_name(*d.without_cited);
    b += '"';
  }
  b += ",\"score\":";
  if (d.score)
    io::append_json_integer(b, *d.score);
  else
    b += "null";
  b += ",\"decision_id\":\"";
  io::append_hex64(b, d.decision_id);
  b += "\",\"policy_hash\":\"";
  b += policy_hash_;
  b += '"';
  if (request.empty()) {
    b += score_extra_;
  } else {
    pass_through(request, {}, true, b);
    pass_through(score_line_, request, false, b);
  }
  b += '}';
  out_.write_raw_line(b);
}

}  // namespace socred::gate
