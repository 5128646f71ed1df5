// The outcome names of the decision shape.
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

std::optional<Outcome> parse_outcome(std::string_view name) {
  for (Outcome o : {Outcome::kAllow, Outcome::kForbidden, Outcome::kNotPermitted})
    if (outcome_name(o) == name) return o;
  return std::nullopt;
}

}  // namespace socred::gate
