// Writes a decision as one JSON line, keys in the order DESIGN.md fixes,
// then the input's own extra fields (a join's `who`, a request's `ts`).
#pragma once

#include <simdjson.h>

#include <string_view>

#include "gate/decision.hpp"
#include "io/jsonl_writer.hpp"

namespace socred::gate {

class DecisionWriter {
 public:
  DecisionWriter(io::JsonlWriter& out, std::string_view policy_hash)
      : out_(out), policy_hash_(policy_hash) {}

  /// `request` (null when deciding score lines alone) and `score_line`
  /// supply the pass-through fields: a request's own fields other than
  /// person and service, then the score line's fields outside the score
  /// shape, each key once.
  void write(const Decision& decision, simdjson::dom::object score_line,
             const simdjson::dom::object* request = nullptr);

 private:
  io::JsonlWriter& out_;
  std::string_view policy_hash_;
};

}  // namespace socred::gate
