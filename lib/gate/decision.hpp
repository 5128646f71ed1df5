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

/// What a reason rests on (DESIGN.md "Formats": decisions).
enum class ReasonKind {
  kGap,        // an allow condition unmet: the score short of a threshold, or another
  kPenalty,    // one of the person's own rules that lowered the score
  kFriends,    // the points one rule spilled onto the person from friends
  kNotEarned,  // the rest of the gap: penalties left uncited, points never earned
  kFlag,       // a forbid that held on a flag, with the rule that set it
  kForbid,     // any other forbid that held
};

std::string_view reason_kind_name(ReasonKind kind);

/// A principal reason in plain words, with what it rests on. Only the
/// fields of its kind are set; views point into the policy, the rule set
/// or the score line, valid until the next line.
struct Reason {
  ReasonKind kind = ReasonKind::kGap;
  std::string text;
  std::string_view rule;                 // penalty, friends; flag: the rule that set it
  std::optional<std::int64_t> points;    // penalty, friends: the line's figure, thousandths
  std::optional<std::uint64_t> friends;  // friends: how many gave
  std::string_view friend_;              // friends: the one who gave most
  std::string_view flag;                 // flag
  std::optional<std::int64_t> observed, required, points_short;  // a score gap, whole points
  /// not_earned, thousandths: the rest of the gap, and how much of it is
  /// penalties left uncited and how much points not earned.
  std::optional<std::int64_t> rest, uncited, unearned;
  const std::vector<std::string_view>* earning_rules =
      nullptr;             // not_earned: rules that give points
  std::string conditions;  // gap (other than the score), flag, forbid: JSON array text
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
  /// On a denial: the outcome of the same line with every cited penalty
  /// and friends' amount removed.
  std::optional<Outcome> without_cited;
  std::optional<std::int64_t> score;
  std::uint64_t decision_id = 0;
};

}  // namespace socred::gate
