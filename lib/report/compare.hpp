// Two runs side by side (--compare A B): before and after a rule or policy
// change, or two regimes over one population. Who changed decision, how
// scores shifted, and which rules caused it. Both runs are read as score or
// gate wrote them, sorted by person, and merged in one pass, so memory does
// not grow with the number of persons.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "io/rejects.hpp"
#include "report/distribution.hpp"
#include "report/kind.hpp"
#include "report/tally.hpp"

namespace socred::report {

/// One person (score lines) or one person's service (decision lines) whose
/// outcome changed between the runs.
struct Change {
  std::string person;
  std::string service;  // decision lines only
  std::optional<Real> score_a, score_b;
  std::string outcome_a, outcome_b;  // decision, or "selected"/"not selected"
  std::string cause;                 // the rule, flag or reason that moved it
  std::int64_t cause_points = 0;     // the rule's change in thousandths
};

/// Decisions moving from one outcome to another for one service; index 0
/// allow, 1 forbidden, 2 not_permitted.
struct Transitions {
  std::string service;
  std::array<std::array<std::uint64_t, 3>, 3> counts{};
  std::uint64_t total() const;
  std::uint64_t changed() const;
};

struct GroupShift {
  std::uint64_t total = 0;  // persons (or decisions) in both runs
  std::uint64_t changed = 0;
  Distribution shift;
};

struct Comparison {
  Kind kind = Kind::kAuto;
  std::string file_a, file_b;
  io::LineStats stats_a, stats_b;
  std::uint64_t both = 0, only_a = 0, only_b = 0;  // persons or decisions
  Distribution shift;                              // score B - A per person in both
  std::uint64_t up = 0, down = 0, same = 0;
  std::uint64_t changed = 0;  // decisions changed, or persons crossing the cutoff
  std::uint64_t gained = 0;   // of which now allowed / selected
  std::uint64_t lost = 0;     // of which now denied / not selected
  std::vector<Transitions> services;
  Ledger rule_shift;             // per rule: sum of B - A; persons: how many it moved
  Counts causes;                 // the principal cause of each change -> changes
  std::vector<Change> examples;  // the largest changes, at most `top`
  std::map<std::string, GroupShift, std::less<>> groups;
};

struct CompareSettings {
  Kind kind = Kind::kAuto;
  std::optional<io::Path> by;
  Settings settings;
  int top = 10;
};

/// Reads both runs; bad lines go to `rejects` with their own file and line.
/// A run not sorted by person is an error (65) naming the line.
Comparison compare_runs(const std::string& a, const std::string& b, const CompareSettings& cs,
                        io::Rejects& rejects, io::LineStats& stats);

}  // namespace socred::report
