// Mode selection and the checks that are usage errors (status 2): an
// unknown service, a question without exactly one service.
#include "gate/run.hpp"

#include <fmt/format.h>

#include <string>

#include "gate/modes.hpp"
#include "io/error.hpp"

namespace socred::gate {

int run(const Options& options, io::Context& ctx) {
  if (options.reasons > kMaxReasons)
    throw Error(kExitUsage, "--reasons: at most " + std::to_string(kMaxReasons));
  Policy policy(options.policy, options.rules);
  policy.set_strict(ctx.io.strict);
  if (options.dump_plan) {
    ctx.out.write_text(policy.plan());
    return kExitOk;
  }

  std::vector<int> services;
  for (const std::string& name : options.services) {
    auto index = policy.service(name);
    if (!index)
      throw Error(kExitUsage, "service \"" + name + "\" is not in the policy", policy.file());
    services.push_back(*index);
  }

  int status;
  if (!options.test.empty()) {
    if (!ctx.io.inputs.empty())
      throw Error(kExitUsage, "--test reads no score lines: each case carries its input");
    status = run_tests(options, policy, ctx);
  } else if (!options.person.empty()) {
    if (services.size() != 1) throw Error(kExitUsage, "--person needs exactly one --service");
    status = decide_question(options, policy, services[0], ctx);
  } else if (!options.requests.empty()) {
    status = decide_requests(options, policy, ctx);
  } else {
    if (services.empty())
      for (std::size_t i = 0; i < policy.services().size(); ++i)
        services.push_back(static_cast<int>(i));
    status = decide_stream(options, policy, services, ctx);
  }
  // Unknown conditions are false, as DESIGN.md says of missing fields; the
  // count says how often that decided something.
  const Unknowns& unknown = policy.unknowns();
  if (ctx.io.stats && (unknown.missing > 0 || unknown.mismatch > 0))
    ctx.diag.note(
        fmt::format("{} conditions unknown: {} read a missing field, {} compared mismatched types",
                    unknown.missing + unknown.mismatch, unknown.missing, unknown.mismatch));
  return status;
}

}  // namespace socred::gate
