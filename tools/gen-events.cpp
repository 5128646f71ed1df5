// gen-events: a synthetic population and its digital traces, reproducible to
// the byte. Options are wired here; the work is socred::world::run.
#include "cli/runner.hpp"
#include "world/gen_events.hpp"

namespace {

// A CLI11 check from one of the library's validators (empty: fine); its
// description stays empty so --help shows only the option's TYPE.
CLI::Validator check(std::string (*fn)(const std::string&)) {
  return CLI::Validator([fn](std::string& s) { return fn(s); }, "");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"generate a synthetic population and its digital traces as JSON lines",
               "gen-events"};
  socred::cli::Runner runner(app);
  runner.add_diagnostic_options();
  socred::world::Options o;
  app.add_option("kind", o.kind, "what to generate: people, accounts, events, friends, manifest")
      ->required()
      ->check(check(socred::world::check_kind))
      ->type_name("KIND");
  app.add_option("--seed", o.seed, "random seed; same arguments, same bytes")
      ->capture_default_str();
  app.add_option("--population", o.population, "number of persons")
      ->check(CLI::Range(1u, 50000000u))
      ->capture_default_str();
  app.add_option("--start", o.start, "first day of events (YYYY-MM-DD, UTC)")
      ->check(check(socred::world::check_start))
      ->type_name("DATE")
      ->capture_default_str();
  app.add_option("--days", o.days, "number of days of events")
      ->check(CLI::Range(1u, 36600u))
      ->capture_default_str();
  app.add_option("--shard", o.shard,
                 "emit the i-th of N slices (1/N .. N/N); they concatenate to the whole")
      ->check(check(socred::world::check_shard))
      ->type_name("i/N");
  app.add_option("--threads", o.threads, "threads for events (the output does not depend on it)")
      ->check(CLI::Range(1u, 256u))
      ->capture_default_str();
  app.add_flag("--truth", o.truth,
               "add hidden truth: persona (people), person and noise (accounts)");
  app.add_flag("--linked", o.linked, "add the true person to every event");
  app.add_option("--noise", o.noise, "probability that an account field is noisy")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  app.add_option("--noise-field", o.noise_field,
                 "rate for one field: name|phone|birth_year|city=RATE")
      ->check(check(socred::world::check_noise_field))
      ->type_name("FIELD=RATE");
  app.add_option("--noise-for", o.noise_for, "rate for a group: city|sex|persona=VALUE:RATE")
      ->check(check(socred::world::check_noise_group))
      ->type_name("GROUP=VALUE:RATE");
  app.add_option("--court-name-share", o.court_name_share,
                 "share of court records keyed by name and birthdate")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  app.add_option("--degree", o.friends.degree, "mean number of friends of a social account")
      ->check(CLI::Range(0.0, 1000.0))
      ->capture_default_str();
  app.add_option("--rewire", o.friends.rewire,
                 "share of friendships rewired at random (small world)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  app.add_option("--homophily", o.friends.homophily,
                 "how closely critics cluster among friends (0..1)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  return runner.run(argc, argv,
                    [&](socred::io::Context& ctx) { return socred::world::run(o, ctx); });
}
