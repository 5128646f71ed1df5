// Writes a decision as one JSON line, keys in the order DESIGN.md fixes,
// then the input's own extra fields (a join's `who`, a request's `ts`),
// copied from the input's text so that they pass byte for byte.
#pragma once

#include <string>
#include <string_view>

#include "gate/decision.hpp"
#include "io/jsonl_writer.hpp"

namespace socred::gate {

class DecisionWriter {
 public:
  DecisionWriter(io::JsonlWriter& out, std::string_view policy_hash);

  /// Starts the decisions of a score line (its text as read): its fields
  /// outside the score shape are passed through, found once per line.
  void start(std::string_view score_line);
  /// `request` (empty without --requests) is the request line's text: its
  /// fields other than person and service are passed through first, and a
  /// score line's field of the same name is then left out.
  void write(const Decision& decision, std::string_view request = {});

 private:
  void pass_through(std::string_view object, std::string_view request, bool is_request,
                    std::string& out);

  io::JsonlWriter& out_;
  std::string policy_hash_;
  std::string line_;
  std::string minified_;
  std::string score_line_;   // the line started (kept for requests)
  std::string score_extra_;  // its pass-through fields, as text
};

}  // namespace socred::gate
