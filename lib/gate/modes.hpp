// The four ways gate reads its input, one file each (stream.cpp,
// requests.cpp, question.cpp, test_runner.cpp); run.cpp picks one.
#pragma once

#include <vector>

#include "gate/options.hpp"
#include "gate/policy.hpp"
#include "io/context.hpp"

namespace socred::gate {

/// Every score line, every service in `services` (indexes into the policy).
int decide_stream(const Options& options, Policy& policy, const std::vector<int>& services,
                  io::Context& ctx);
/// Requests (person, service, ...) from `options.requests` against the
/// score lines of the inputs.
int decide_requests(const Options& options, Policy& policy, io::Context& ctx);
/// One person, one service: 0 allow, 1 deny, kExitNoScore without a score.
int decide_question(const Options& options, Policy& policy, int service, io::Context& ctx);
/// The policy's test cases: failures and clauses never exercised; 1 on any
/// failure.
int run_tests(const Options& options, Policy& policy, io::Context& ctx);

}  // namespace socred::gate
