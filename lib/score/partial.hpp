// --partial and --merge: per-person state as JSON lines, so that score runs
// as the map and reduce of another engine (GNU parallel, Hadoop Streaming).
// A line holds raw sums (thousandths, integers) per rule, source and cap
// period, before caps; merging adds them, so any split gives the same bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "io/jsonl_writer.hpp"
#include "io/record_reader.hpp"
#include "score/state.hpp"
#include "score/totals.hpp"

namespace socred::score {

/// One line per person of `state`, in key order:
/// {"person":..,"partial":1,"rules":FP,"as_of":T|null,"events":N,"matched":M,
///  "cells":[[rule,source,period|null,milli],..],"explain":[..]}
void write_partials(const State& state, const TotalsBuilder& totals,
                    const std::optional<std::int64_t>& as_of, io::JsonlWriter& out);

class PartialReader {
 public:
  PartialReader(State& state, const std::optional<std::int64_t>& as_of);
  /// Adds one partial line to the state; false with `why` set when the line
  /// is not partial state of these rules and this --as-of.
  bool add(const io::Record& record, std::string& why);
  /// The --as-of the partial lines were made with (when any said).
  const std::optional<std::int64_t>& as_of() const { return as_of_; }

 private:
  State& state_;
  std::optional<std::int64_t> as_of_;
  bool as_of_seen_ = false;
};

}  // namespace socred::score
