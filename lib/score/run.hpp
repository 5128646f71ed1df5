// score's entry point: options as the command line gives them, and the run
// that reads events (or partial state), scores them and writes score lines.
#pragma once

#include <cstddef>
#include <string>

#include "io/context.hpp"

namespace socred::score {

struct Options {
  std::string rules;             // the rule set file
  std::string by = "person";     // the field naming the person
  std::string as_of;             // empty: the latest event's ts
  std::size_t explain = 0;       // events to cite per person
  bool annotate = false;         // pass events through with their points instead
  bool partial = false;          // write mergeable state instead of scores
  bool merge = false;            // read partial state instead of events
  bool dump_plan = false;        // print the compiled rules' plan and stop
  unsigned threads = 0;          // 0: one per hardware thread
  std::string friends;           // friendship edges between accounts (spill)
  std::string links;             // account -> person map for them (else: the events')
  std::string people;            // the register: every person in it gets a line
  std::string input_name;        // cite the one input as this name
  std::uint64_t first_line = 0;  // ... and its first line as this number
};

/// Largest --explain.
inline constexpr std::size_t kMaxExplain = 100;

int run(const Options& options, io::Context& ctx);

}  // namespace socred::score
