// gate's options, bound by tools/gate.cpp and read by the modes in lib/gate.
#pragma once

#include <string>
#include <vector>

namespace socred::gate {

struct Options {
  std::string policy;                 // --policy FILE
  std::string rules;                  // --rules FILE: reason texts, flags, range
  std::string requests;               // --requests FILE
  std::string person;                 // --person ID: a single question
  std::vector<std::string> services;  // --service NAME...: only these
  std::string test;                   // --test CASES: run a policy's tests
  bool dump_plan = false;             // --dump-plan: print the compiled policy, stop
};

}  // namespace socred::gate
