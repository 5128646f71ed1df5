// A single question (--person P --service S) for shell `if`: the decision
// line on stdout and the answer as the exit status. Every input line is
// still read and validated; the person's last score line is the one used,
// as the last of repeated keys wins everywhere in socred.
#include <fmt/format.h>

#include <string>

#include "gate/decide.hpp"
#include "gate/decision_writer.hpp"
#include "gate/modes.hpp"
#include "io/error.hpp"

namespace socred::gate {

int decide_question(const Options& options, Policy& policy, int service, io::Context& ctx) {
  io::RecordReader reader(ctx.io.inputs, ctx.rejects, ctx.stats);
  io::Record record;
  ScoreLine line;
  std::string found, file;
  std::uint64_t line_number = 0;
  while (next_score_line(reader, record, line)) {
    if (line.person != options.person) continue;
    found.assign(record.text);
    file = *record.file;
    line_number = record.line;
  }
  const bool seen = line_number != 0;
  if (!seen) {
    ctx.diag.note(fmt::format("no score line for person \"{}\"", options.person));
    return kExitNoScore;
  }
  simdjson::dom::parser parser;
  read_score_line(parser.parse(found).get_object(), found, line);
  Decider decider(policy, options.reasons, &ctx.diag);
  if (!decider.start(line, found, {service}))
    throw Error(kExitData, policy.problem(), file, line_number);
  const Decision& decision = decider.decide(service);
  DecisionWriter writer(ctx.out, policy.hash());
  writer.start(found);
  writer.write(decision);
  return decision.outcome == Outcome::kAllow ? kExitOk : kExitNo;
}

}  // namespace socred::gate
