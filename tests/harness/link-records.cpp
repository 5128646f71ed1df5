// Test driver for record linkage until and besides join-records: the same
// options (lib/link) with a --right of its own. Not installed.
#include "cli/link_options.hpp"
#include "cli/runner.hpp"
#include "link/run.hpp"

int main(int argc, char** argv) {
  CLI::App app{"link records that may differ (test driver for lib/link)", "link-records"};
  socred::cli::Runner runner(app);
  runner.add_io_options();
  socred::link::Options options;
  app.add_option("--right", options.right, "the right-hand source")->type_name("FILE");
  socred::cli::add_link_options(app, options);
  return runner.run(argc, argv, [&](socred::io::Context& ctx) {
    options.fuzzy = true;
    return socred::link::run(options, ctx);
  });
}
