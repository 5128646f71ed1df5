// The linkage options. Defaults live in link::Options; the help text states
// them, and man/join-records.1 explains them.
#include "cli/link_options.hpp"

#include <fmt/format.h>

#include "cli/number.hpp"

namespace socred::cli {

void add_link_options(CLI::App& app, link::Options& o, const std::vector<std::string>& exact_only) {
  CLI::App* g = app.add_option_group("Record linkage",
                                     "fuzzy matching of records (see LINKAGE in the manual)");
  CLI::Option* fuzzy = g->add_flag(
      "--fuzzy", o.fuzzy,
      "link records that may differ (names, dates...) instead of joining on equal keys");
  CLI::Option* dedupe = g->add_flag(
      "--dedupe", o.dedupe, "find records of one source that are one person, and cluster them");
  // Checked after parsing rather than with CLI11's excludes(), which would
  // print "Excludes: ..." on every one of the host's options in --help.
  app.parse_complete_callback([&app, fuzzy, dedupe, exact_only] {
    if (fuzzy->count() == 0 && dedupe->count() == 0) return;
    for (const auto& name : exact_only) {
      CLI::Option* exact = app.get_option_no_throw(name);
      if (exact && exact->count() > 0)
        throw CLI::ValidationError(name, fmt::format("not with {} (it is for exact joins)",
                                                     fuzzy->count() ? "--fuzzy" : "--dedupe"));
    }
  });
  g->add_option("--compare", o.compare,
                "compare FIELD[=RIGHT][:METHOD]; METHOD name, text, exact, date, year[(N)], "
                "number(T,...), jw(S,...), dl(D,...) (repeatable)")
      ->type_name("SPEC")
      ->allow_extra_args(false);  // one value each time, so "--compare x FILE" keeps FILE an input
  g->add_option(
       "--block", o.block,
       "compare only records that agree on FIELD[=RIGHT][:KEY],... with KEY exact, firstN, "
       "year, soundex, words (repeatable; rules are OR-ed)")
      ->type_name("RULE")
      ->allow_extra_args(false);
  g->add_option(
       "--id", o.id,
       "field naming each record in the output (FIELD or LEFT=RIGHT; default: record number)")
      ->type_name("FIELD");
  add_number(*g, "--threshold", o.threshold, "keep pairs with match probability at least P", 0.0,
             1.0)
      ->type_name("P")
      ->capture_default_str();
  add_number(*g, "--min-weight", o.min_weight,
             "keep pairs with match weight at least W (instead of --threshold)")
      ->type_name("W");
  add_number(*g, "--prior", o.prior,
             "the probability that two random records match, instead of estimating it", 0.0, 1.0)
      ->type_name("P");
  add_number(*g, "--expected-matches", o.expected_matches,
             "the number of true pairs, from which the prior follows (instead of --prior)", 0.0)
      ->type_name("N");
  g->add_flag("--one-to-one", o.one_to_one,
              "at most one partner per record on each side (heaviest first)");
  g->add_flag("--best", o.best, "only each left record's best partner");
  g->add_flag("--clusters", o.clusters, "with --dedupe: one line per record with its cluster");
  g->add_option("--train", o.train, "write the estimated model to FILE")->type_name("FILE");
  g->add_option("--model", o.model, "use the model in FILE instead of estimating one")
      ->type_name("FILE");
  g->add_flag("--preview", o.preview, "count the pairs each blocking rule creates, and stop");
  g->add_option(
       "--evaluate", o.evaluate,
       "measure against the true identity in FIELD (or LEFT=RIGHT): precision, recall, F1, errors")
      ->type_name("FIELD");
  g->add_option("--evaluate-pairs", o.evaluate_pairs,
                "measure against FILE of true pairs (each line: left id, right id)")
      ->type_name("FILE");
  g->add_flag("--values", o.values, "show the two compared values of each field");
  g->add_flag("--no-term-frequency", o.no_term_frequency,
              "weigh agreement the same for rare and common values");
  add_number(*g, "--max-pairs", o.max_pairs, "refuse to compare more pairs than N")
      ->type_name("N")
      ->capture_default_str();
  add_number(*g, "--random-pairs", o.random_pairs, "random pairs drawn to estimate u")
      ->type_name("N")
      ->capture_default_str();
  add_number(*g, "--seed", o.seed, "seed of the random pairs")
      ->type_name("N")
      ->capture_default_str();
  add_number(*g, "--em-iterations", o.em_iterations, "at most N rounds of EM", 1, 100000)
      ->type_name("N")
      ->capture_default_str();
}

}  // namespace socred::cli
