// A hand-built RuleSet for score's unit tests: rules as C++ lambdas over the
// event, so that the engine is tested apart from the rules language.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "io/json_path.hpp"
#include "rules/time.hpp"
#include "score/rule_set.hpp"

namespace score_test {

using socred::score::FieldText;
using socred::score::Hit;
using socred::score::MatchError;
using socred::score::RuleSet;

/// Points (in points, not thousandths) when the rule matches the event.
using Predicate = std::function<std::optional<double>(simdjson::dom::object)>;

inline std::optional<std::string> text_of(simdjson::dom::object o, const char* name) {
  auto v = socred::io::last_field(o, name);
  std::string_view s;
  if (v && v->get(s) == simdjson::SUCCESS) return std::string(s);
  return std::nullopt;
}

inline std::optional<double> number_of(simdjson::dom::object o, const char* name) {
  auto v = socred::io::last_field(o, name);
  double d;
  if (v && v->get(d) == simdjson::SUCCESS) return d;
  return std::nullopt;
}

/// Matches events whose `type` is `type`, for constant points.
inline Predicate when_type(std::string type, double points) {
  return [type, points](simdjson::dom::object o) -> std::optional<double> {
    if (text_of(o, "type") == type) return points;
    return std::nullopt;
  };
}

class StandInMatcher : public socred::score::Matcher {
 public:
  StandInMatcher(const std::vector<Predicate>* predicates, std::vector<socred::io::Path> extra)
      : predicates_(predicates), extra_(std::move(extra)) {}
  void bind(simdjson::dom::object event) override { event_ = event; }
  FieldText extra(std::size_t i) override {
    FieldText f;
    auto v = socred::io::lookup(event_, extra_[i]);
    f.present = v.has_value();
    f.is_string = v && v->get(f.text) == simdjson::SUCCESS;
    return f;
  }
  bool ts(std::int64_t& micros) override {
    auto text = text_of(event_, "ts");
    if (!text) return false;
    auto t = socred::rules::parse_time(*text);
    if (t) micros = *t;
    return t.has_value();
  }
  bool match(std::vector<Hit>& hits, MatchError&) override {
    for (std::uint32_t r = 0; r < predicates_->size(); ++r)
      if (auto p = (*predicates_)[r](event_)) hits.push_back(Hit{r, *p * 1000});
    return true;
  }
  std::uint64_t soft_failures() const override { return 0; }

 private:
  const std::vector<Predicate>* predicates_;
  std::vector<socred::io::Path> extra_;
  simdjson::dom::object event_;
};

/// A rule set of `specs` (name, cap, fade...) matched by `predicates`.
struct StandIn {
  std::vector<Predicate> predicates;
  RuleSet set;

  StandIn(std::vector<socred::rules::Rule> specs, std::vector<Predicate> preds, double base = 0)
      : predicates(std::move(preds)) {
    set.rules = std::move(specs);
    set.base = static_cast<socred::score::Milli>(base * 1000);
    set.fingerprint = "stand-in";
    const auto* p = &predicates;
    set.make_matcher = [p](const std::vector<socred::io::Path>& extra) {
      return std::unique_ptr<socred::score::Matcher>(new StandInMatcher(p, extra));
    };
  }
};

inline socred::rules::Rule rule(std::string name) {
  socred::rules::Rule r;
  r.name = std::move(name);
  return r;
}

}  // namespace score_test
