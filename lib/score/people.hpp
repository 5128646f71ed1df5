// score --people: the population register, so that every registered person
// gets a score line, those with no event too (events 0, the base score),
// and nobody drops silently out of the decisions made from the scores.
#pragma once

#include <cstdint>
#include <string>

#include "io/context.hpp"
#include "io/json_path.hpp"
#include "score/state.hpp"

namespace socred::score {

struct RegisterStats {
  std::string name;                 // the file as messages cite it
  std::uint64_t persons = 0;        // distinct persons in the register
  std::uint64_t without_event = 0;  // of them, with no event scored
  std::uint64_t outside = 0;        // persons scored who are not in it
};

/// Adds every person of the register (lines holding `by`, a string, as
/// gen-events people writes them) to `state`; bad lines go to ctx.rejects.
RegisterStats load_people(const std::string& path, const io::Path& by, State& state,
                          io::Context& ctx);

/// "people.jsonl: 5000 persons, 115 with no event; 0 persons scored are not in it"
std::string register_summary(const RegisterStats& stats);

}  // namespace socred::score
