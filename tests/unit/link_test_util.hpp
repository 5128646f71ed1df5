// Helpers for the linkage tests: sides built from JSON lines in memory.
#pragma once

#include <string>
#include <vector>

#include "io/record_reader.hpp"
#include "link/side.hpp"

namespace socred::link::test {

inline Side load(const std::string& lines, const std::vector<Comparison>& comparisons,
                 const std::vector<BlockingRule>& rules, bool right = false,
                 const std::string& id = "id") {
  io::Rejects rejects("stop");
  io::LineStats stats;
  io::RecordReader reader(io::LineReader::from_string("<test>", lines), rejects, stats);
  LoadSpec spec;
  spec.comparisons = &comparisons;
  spec.rules = &rules;
  spec.right = right;
  if (!id.empty()) spec.id = io::parse_path(id);
  Side side;
  load_side(reader, spec, side);
  return side;
}

}  // namespace socred::link::test
