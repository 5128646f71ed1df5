// Runs a join over strings, for the join unit tests.
#pragma once

#include <memory>
#include <string>

#include "io/error.hpp"
#include "io/jsonl_writer.hpp"
#include "io/record_reader.hpp"
#include "join/assemble.hpp"
#include "join/hash_join.hpp"
#include "join/merge_join.hpp"
#include "join/options.hpp"
#include "join/side.hpp"

namespace join_test {

inline socred::join::Spec spec_of(socred::join::Options o) {
  if (o.right.empty()) o.right = "right.jsonl";
  socred::io::InputOptions io;
  return socred::join::resolve(o, io);
}

struct Result {
  std::string out;
  socred::join::JoinStats stats;
  socred::io::LineStats lines;
};

inline Result run_join(const socred::join::Spec& spec, std::string_view left,
                       std::string_view right, const std::string& on_error = "stop") {
  using namespace socred;
  Result result;
  io::Rejects rejects(on_error);
  auto reader = [&](const char* name, std::string_view text) {
    return std::make_unique<io::RecordReader>(io::LineReader::from_string(name, text), rejects,
                                              result.lines);
  };
  join::Side r(reader("right.jsonl", right), spec, true, spec.sorted, true);
  join::Side l(reader("left.jsonl", left), spec, false, spec.sorted);
  join::Assembler assembler(spec);
  io::JsonlWriter out(&result.out);
  if (spec.sorted) {
    join::merge_join(spec, l, r, assembler, out);
  } else {
    join::hash_join(spec, l, r, assembler, out, result.stats);
  }
  out.flush();
  return result;
}

}  // namespace join_test
