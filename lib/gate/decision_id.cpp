// Canonical text here is minified JSON (simdjson::minify, whitespace outside
// strings removed): key order and number spelling are the input's own.
#include "gate/decision_id.hpp"

#include <simdjson.h>

namespace socred::gate {

std::string policy_hash(std::string_view policy_text) {
  return io::hex64(io::fnv1a64(policy_text));
}

std::string_view DecisionIds::minified(std::string_view json) {
  buffer_.resize(json.size());
  std::size_t length = 0;
  if (simdjson::minify(json.data(), json.size(), buffer_.data(), length) != simdjson::SUCCESS)
    return json;  // only valid JSON reaches here; keep the text if not
  return std::string_view(buffer_.data(), length);
}

void DecisionIds::start(std::string_view person, std::string_view score_line) {
  prefix_ = io::Fnv1a();
  prefix_.add(policy_hash_).add("\n").add(person).add("\n").add(minified(score_line)).add("\n");
}

std::uint64_t DecisionIds::id(std::string_view service, std::string_view request) {
  io::Fnv1a h = prefix_;
  h.add(service).add("\n");
  if (!request.empty()) h.add(minified(request));
  return h.value();
}

}  // namespace socred::gate
