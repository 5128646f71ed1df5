// The outcome and reason-kind names of the decision shape.
#include "gate/decision.hpp"

namespace socred::gate {

std::string_view outcome_name(Outcome outcome) {
  switch (outcome) {
    case Outcome::kAllow:
      return "allow";
    case Outcome::kForbidden:
      return "forbidden";
    case Outcome::kNotPermitted:
      break;
  }
  return "not_permitted";
}

std::string_view reason_kind_name(ReasonKind kind) {
  switch (kind) {
    case ReasonKind::kGap:
      return "gap";
    case ReasonKind::kPenalty:
      return "penalty";
    case ReasonKind::kFriends:
      return "friends";
    case ReasonKind::kNotEarned:
      return "not_earned";
    case ReasonKind::kFlag:
      return "flag";
    case ReasonKind::kForbid:
      break;
  }
  return "forbid";
}

std::optional<Outcome> parse_outcome(std::string_view name) {
  for (Outcome o : {Outcome::kAllow, Outcome::kForbidden, Outcome::kNotPermitted})
    if (outcome_name(o) == name) return o;
  return std::nullopt;
}

}  // namespace socred::gate
