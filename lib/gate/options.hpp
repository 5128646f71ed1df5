// gate's options, bound by tools/gate.cpp and read by the modes in lib/gate.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace socred::gate {

/// At most this many penalties and friends' amounts by default, as a US
/// adverse-action notice gives up to four principal reasons.
inline constexpr std::size_t kDefaultReasons = 4;
/// The largest --reasons.
inline constexpr std::size_t kMaxReasons = 100;

struct Options {
  std::string policy;                     // --policy FILE
  std::string rules;                      // --rules FILE: reason texts, flags, range
  std::string requests;                   // --requests FILE
  std::string person;                     // --person ID: a single question
  std::vector<std::string> services;      // --service NAME...: only these
  std::string test;                       // --test CASES: run a policy's tests
  std::size_t reasons = kDefaultReasons;  // --reasons N: penalties and friends cited at most
  bool dump_plan = false;                 // --dump-plan: print the compiled policy, stop
};

}  // namespace socred::gate
