// --requests: the score lines are the table (one per person, kept as
// minified text), the requests the stream, decided in their own order. A
// request for a person without a score line, or for a service the policy
// does not name, is a bad request line under --on-error.
#include <simdjson.h>

#include <string>
#include <unordered_map>

#include "gate/decide.hpp"
#include "gate/decision_writer.hpp"
#include "gate/modes.hpp"
#include "gate/score_line.hpp"
#include "io/error.hpp"
#include "io/json_path.hpp"

namespace socred::gate {

namespace {

// person -> the score line, minified (what must be kept, and no more).
using ScoreTable = std::unordered_map<std::string, std::string>;

ScoreTable load_scores(io::Context& ctx) {
  ScoreTable table;
  io::RecordReader reader(ctx.io.inputs, ctx.rejects, ctx.stats);
  io::Record record;
  ScoreLine line;
  std::string text;
  while (next_score_line(reader, record, line)) {
    text.resize(record.text.size());
    std::size_t length = 0;
    if (simdjson::minify(record.text.data(), record.text.size(), text.data(), length) !=
        simdjson::SUCCESS)
      length = record.text.copy(text.data(), text.size());
    auto [it, fresh] = table.try_emplace(std::string(line.person));
    if (!fresh) {
      reader.reject(record, field_column(record.text, "person"),
                    "person \"" + std::string(line.person) + "\" has more than one score line");
      continue;
    }
    it->second.assign(text.data(), length);
  }
  return table;
}

// A request's string field, or a rejection naming it.
bool string_field(io::RecordReader& reader, const io::Record& record, const char* key,
                  std::string_view& value) {
  auto field = io::last_field(record.root, key);
  if (!field) {
    reader.reject(record, 0, std::string("missing field \"") + key + "\"");
    return false;
  }
  if (field->get_string().get(value) != simdjson::SUCCESS) {
    reader.reject(record, field_column(record.text, key),
                  std::string("field \"") + key + "\": expected a string");
    return false;
  }
  return true;
}

}  // namespace

int decide_requests(const Options& options, Policy& policy, io::Context& ctx) {
  const ScoreTable scores = load_scores(ctx);

  io::RecordReader requests(std::vector<std::string>{options.requests}, ctx.rejects, ctx.stats);
  io::Record request;
  simdjson::dom::parser score_parser;
  ScoreLine line;
  Decider decider(policy, options.reasons, &ctx.diag);
  DecisionWriter writer(ctx.out, policy.hash());
  const std::string* bound = nullptr;  // the score line the decider holds
  while (requests.next(request)) {
    std::string_view person, service_name;
    if (!string_field(requests, request, "person", person) ||
        !string_field(requests, request, "service", service_name))
      continue;
    auto found = scores.find(std::string(person));
    if (found == scores.end()) {
      requests.reject(request, field_column(request.text, "person"),
                      "no score line for person \"" + std::string(person) + "\"");
      continue;
    }
    auto service = policy.service(service_name);
    if (!service) {
      requests.reject(request, field_column(request.text, "service"),
                      "service \"" + std::string(service_name) + "\" is not in the policy");
      continue;
    }
    if (bound != &found->second) {  // consecutive requests of one person parse once
      simdjson::dom::object root = score_parser.parse(found->second).get_object();
      read_score_line(root, found->second, line);  // shape checked when loaded
      bound = &found->second;
      writer.start(found->second);
    }
    if (!decider.start(line, found->second, {*service})) {
      requests.reject(request, 0, policy.problem());
      continue;
    }
    writer.write(decider.decide(*service, request.text), request.text);
  }
  decider.warn_dead_policy();
  return kExitOk;
}

}  // namespace socred::gate
