// What score needs from a compiled rule set: each rule's bookkeeping (cap,
// fade, flags, spill: rules::Rule) and a per-thread matcher that says which
// rules an event matches and for how many points. rules_adapter.cpp builds
// it from the rules language; unit tests build small ones by hand.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/json_path.hpp"
#include "rules/milli.hpp"
#include "rules/program.hpp"

namespace socred::score {

/// Points in thousandths (DESIGN.md "Arithmetic"), as lib/rules keeps them.
using Milli = rules::Milli;

/// The period of an uncapped rule's points (they keep one sum per source).
inline constexpr std::int64_t kNoPeriod = INT64_MIN;

/// The length in days of the periods a rule's points are summed in: its
/// cap's, or for an uncapped rule its spill cap's (spilled points are
/// dated by them); nullopt for a rule summed over all time in one slot.
inline std::optional<std::int64_t> period_days(const rules::Rule& rule) {
  if (rule.cap) return rule.cap->days;
  if (rule.spill && rule.spill->cap) return rule.spill->cap->days;
  return std::nullopt;
}

struct Hit {
  std::uint32_t rule;
  double raw;  // thousandths, per-unit points applied, not yet faded or rounded
};

/// A run-time problem with one event that --strict makes a bad line.
struct MatchError {
  std::uint64_t column = 0;  // 1-based in the line; 0 unknown
  std::string message;
};

/// A field the scanner reads beside the rules' own (key, id, source).
struct FieldText {
  bool present = false;
  bool is_string = false;
  std::string_view text;  // when is_string
};

/// One per thread: evaluation keeps scratch space and counters.
class Matcher {
 public:
  virtual ~Matcher() = default;
  /// Reads the event once: the rules' fields and the extra ones.
  virtual void bind(simdjson::dom::object event) = 0;
  /// Extra field `i` of the bound event (the paths given to make_matcher).
  virtual FieldText extra(std::size_t i) = 0;
  /// The bound event's `ts` in microseconds; false when missing or not a time.
  virtual bool ts(std::int64_t& micros) = 0;
  /// Appends the rules the bound event matches, in rule-file order. Under
  /// --strict a missing field or a type mismatch returns false with `why`
  /// set; without it such a condition is false and counted.
  virtual bool match(std::vector<Hit>& hits, MatchError& why) = 0;
  /// Conditions made false by a missing field or a type mismatch so far.
  virtual std::uint64_t soft_failures() const = 0;
  /// Sets seen[i] for each field RuleSet::fields[i] the bound event has.
  virtual void mark_present(std::vector<std::uint8_t>& /*seen*/) {}
};

struct RuleSet {
  Milli base = 0;
  std::optional<Milli> low, high;  // the range the final score is clamped to
  /// Each rule's name, reason, cap, fade, flags and spill, as the rules
  /// file says (the conditions live in the matcher).
  std::vector<rules::Rule> rules;
  /// Names the rules' meaning, so that --merge refuses partial state made
  /// with other rules.
  std::string fingerprint;
  /// The compiled plan as text (--dump-plan): fields read, dispatch table.
  std::string plan;
  /// The fields the rules read (as written) and, per rule, the indices of
  /// those its condition and per-unit expression read: for the end-of-run
  /// warning about a field no event had. Empty for a hand-made set.
  std::vector<std::string> fields;
  std::vector<std::vector<std::uint32_t>> rule_fields;
  std::function<std::unique_ptr<Matcher>(const std::vector<io::Path>& extra)> make_matcher;

  bool any_fade() const {
    for (const auto& r : rules)
      if (r.fade.kind != rules::Fade::none) return true;
    return false;
  }
  bool any_spill() const {
    for (const auto& r : rules)
      if (r.spill) return true;
    return false;
  }
};

}  // namespace socred::score
