// The default mode: a decision for every score line and service, in input
// order and then policy order. Each line is decided alone, so any split of
// the input gives the same lines.
#include "gate/decide.hpp"
#include "gate/decision_writer.hpp"
#include "gate/modes.hpp"
#include "io/error.hpp"

namespace socred::gate {

int decide_stream(const Options& options, Policy& policy, const std::vector<int>& services,
                  io::Context& ctx) {
  io::RecordReader reader(ctx.io.inputs, ctx.rejects, ctx.stats);
  io::Record record;
  ScoreLine line;
  Decider decider(policy, options.reasons, &ctx.diag);
  DecisionWriter writer(ctx.out, policy.hash());
  while (next_score_line(reader, record, line)) {
    if (!decider.start(line, record.text, services)) {
      reader.reject(record, 0, policy.problem());
      continue;
    }
    writer.start(record.text);
    for (int service : services) writer.write(decider.decide(service));
  }
  decider.warn_dead_policy();
  return kExitOk;
}

}  // namespace socred::gate
