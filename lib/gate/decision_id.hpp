// decision_id and policy_hash: FNV-1a 64 over canonical text, so the same
// question about the same input under the same policy has the same id on
// every machine, whatever the thread count or input split.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "io/hash.hpp"

namespace socred::gate {

/// The policy's hash: FNV-1a 64 of its file's bytes, 16 hex digits.
std::string policy_hash(std::string_view policy_text);

/// The canonical text of a decision is, line by line:
///   policy_hash, person, the score line without insignificant whitespace,
///   service, the request line (the same way; empty without --requests).
/// Ids are computed from a per-line prefix, then extended per service.
class DecisionIds {
 public:
  explicit DecisionIds(std::string_view policy_hash) : policy_hash_(policy_hash) {}

  /// Starts a score line (valid JSON, as read).
  void start(std::string_view person, std::string_view score_line);
  /// The id of deciding `service` (and `request`, valid JSON or empty).
  std::uint64_t id(std::string_view service, std::string_view request = {});

 private:
  std::string_view minified(std::string_view json);

  std::string policy_hash_;
  io::Fnv1a prefix_;
  std::string buffer_;
};

}  // namespace socred::gate
