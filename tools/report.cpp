// report: what the pipeline did to people, as tables in the terminal, the
// numbers as JSON, or a self-contained HTML page with charts.
#include "report/report.hpp"

#include "cli/number.hpp"
#include "cli/runner.hpp"

int main(int argc, char** argv) {
  socred::report::Options opt;
  CLI::App app{"summarise score lines, decisions, linkage pairs or events", "report"};
  socred::cli::Runner runner(app);
  runner.add_io_options();
  app.add_option("--format", opt.format, "text (default), markdown, json or html")
      ->type_name("FORMAT");
  app.add_option("--kind", opt.kind,
                 "what the lines are: auto (default), score, decision, link, event")
      ->type_name("KIND");
  app.add_option("--by", opt.by, "group every figure by this field (a dotted path, e.g. who.city)")
      ->type_name("PATH");
  app.add_option("--compare", opt.compare, "compare two runs, A then B (sorted by person)")
      ->expected(2)
      ->type_name("FILE");
  app.add_option_function<double>(
         "--cutoff", [&](const double& v) { opt.cutoff = v; },
         "score lines: a person is selected at or above this score (four-fifths rule)")
      ->check(socred::cli::number<double>())
      ->type_name("SCORE");
  socred::cli::add_number(app, "--threshold", opt.threshold,
                          "linkage: match probability that counts as a link (0.5)")
      ->type_name("P");
  app.add_option("--truth", opt.truth, "linkage: the field holding the ground truth")
      ->type_name("PATH");
  app.add_option("--public", opt.public_sources, "sources that are public records (police,court)")
      ->type_name("LIST");
  socred::cli::add_number(app, "--top", opt.top, "rows in ranked tables and charts (10; 0: all)")
      ->type_name("N");
  socred::cli::add_number<std::uint64_t>(
      app, "--min-group", opt.min_group,
      "disparities: groups of fewer persons are shown as too few, never tested (30)", 1)
      ->type_name("N");
  socred::cli::add_number(app, "--bins", opt.bins, "about this many histogram bins (12)")
      ->type_name("N");
  app.add_option("--color", opt.color, "auto (a terminal and NO_COLOR unset), always or never")
      ->type_name("WHEN");
  app.add_option("--title", opt.title, "the report's title")->type_name("TEXT");
  return runner.run(argc, argv,
                    [&](socred::io::Context& ctx) { return socred::report::run(opt, ctx); });
}
