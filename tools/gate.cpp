// gate: allow, forbidden or not_permitted per person and service, with the
// reasons a person can read and what would change the answer.
#include "cli/runner.hpp"
#include "gate/run.hpp"

int main(int argc, char** argv) {
  socred::gate::Options opt;
  CLI::App app{"decide access per person and service from score lines, with reasons", "gate"};
  socred::cli::Runner runner(app);
  runner.add_io_options();
  app.add_option("--policy", opt.policy, "policy file (services, allow and forbid clauses)")
      ->required()
      ->type_name("FILE");
  app.add_option("--rules", opt.rules, "the rule set that scored: reason texts, flags, range")
      ->type_name("FILE");
  auto* requests = app.add_option("--requests", opt.requests,
                                  "decide these requests (person, service, ts) instead")
                       ->type_name("FILE");
  auto* person = app.add_option("--person", opt.person, "a single question about this person")
                     ->type_name("ID");
  app.add_option("--service", opt.services, "only this service (repeatable)")
      ->type_name("NAME")
      ->allow_extra_args(false)
      ->excludes(requests);
  app.add_option("--test", opt.test, "run the policy's test cases, report failures and coverage")
      ->type_name("CASES")
      ->excludes(requests)
      ->excludes(person);
  app.add_option("--reasons", opt.reasons,
                 "cite at most N penalties and friends' amounts per denial (default 4)")
      ->type_name("N");
  app.add_flag("--dump-plan", opt.dump_plan,
               "print the fields the policy reads and its services, and stop");
  person->excludes(requests);
  return runner.run(argc, argv,
                    [&](socred::io::Context& ctx) { return socred::gate::run(opt, ctx); });
}
