// score: every person's score from events, with the lines that made it.
#include "cli/number.hpp"
#include "cli/runner.hpp"
#include "score/run.hpp"

int main(int argc, char** argv) {
  socred::score::Options opt;
  CLI::App app{"give every person a score from events, traceable to the lines that made it",
               "score"};
  socred::cli::Runner runner(app);
  runner.add_io_options();
  app.add_option("--rules", opt.rules, "rule set file (socred-rules(5))")
      ->required()
      ->type_name("FILE");
  app.add_option("--by", opt.by, "field naming the person (default: person)")->type_name("FIELD");
  app.add_option("--as-of", opt.as_of, "score as of this time (default: the latest event's ts)")
      ->type_name("TIME");
  socred::cli::add_number(app, "--explain", opt.explain,
                          "cite the N events that moved each score most")
      ->type_name("N");
  app.add_flag("--annotate", opt.annotate,
               "pass every event through with the rules it matched and its points");
  app.add_flag("--partial", opt.partial, "write mergeable per-person state instead of scores");
  app.add_flag("--merge", opt.merge, "read partial state (from --partial) instead of events");
  app.add_option("--friends", opt.friends,
                 "friendship edges between accounts: rules spill points along them")
      ->type_name("FILE");
  app.add_option("--links", opt.links,
                 "account-to-person map for --friends (else: the events' own accounts)")
      ->type_name("FILE");
  app.add_option("--people", opt.people,
                 "the register: every person in it gets a score line, with no events too")
      ->type_name("FILE");
  app.add_option("--input-name", opt.input_name,
                 "cite the input under this name (a part of a split file)")
      ->type_name("NAME");
  socred::cli::add_number(app, "--first-line", opt.first_line,
                          "number the input's first line N (a part of a split file)")
      ->type_name("N");
  app.add_flag("--dump-plan", opt.dump_plan,
               "print the fields the rules read and their dispatch table, and stop");
  socred::cli::add_number(app, "--threads", opt.threads,
                          "threads for file input (default: all cores)")
      ->type_name("N");
  return runner.run(argc, argv,
                    [&](socred::io::Context& ctx) { return socred::score::run(opt, ctx); });
}
