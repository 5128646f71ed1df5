// One access decision (DESIGN.md "Formats": decisions), as gate computes it
// and writes it: plain data, no logic.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace socred::gate {

/// A forbid that matched wins over any allow; no allow matched is a
/// different answer, because a person asking why needs to know which.
enum class Outcome { kAllow, kForbidden, kNotPermitted };

std::string_view outcome_name(Outcome outcome);
std::optional<Outcome> parse_outcome(std::string_view name);

/// A principal reason in plain words, with what it was taken from: a rule
/// that lowered the score (and its points), a flag, or a policy clause.
/// Views: into the policy, the rule set, the score line or the decider,
/// valid until the next line (no allocation per reason).
struct Reason {
  std::string_view text;
  std::string_view rule;               // empty unless from a rule's contribution
  std::optional<std::int64_t> points;  // that rule's points, thousandths
  std::string_view flag;               // empty unless a flag forbids
};

/// The single changes that would each turn the denial into allow; all unset
/// means no single change does.
struct WouldFlip {
  std::optional<std::int64_t> points_short;  // whole points
  std::string_view clear_flag;
  std::string_view remove_rule;
  bool none() const { return !points_short && clear_flag.empty() && remove_rule.empty(); }
};

struct Decision {
  std::string_view person;
  std::string_view service;
  Outcome outcome = Outcome::kNotPermitted;
  std::vector<Reason> reasons;  // empty on allow
  /// The comparisons evaluated, as a JSON array's text:
  /// ["score 612 < 650",...].
  std::string conditions;
  std::optional<WouldFlip> would_flip;  // set on a denial only
  std::optional<std::int64_t> score;
  std::uint64_t decision_id = 0;
};

}  // namespace socred::gate
