// gen-events: a synthetic population and its digital traces, reproducible to
// the byte. One subcommand per kind of output (world::kinds_of_output()), each with
// the options that kind reads; the work is socred::world::run.
#include "cli/number.hpp"
#include "cli/runner.hpp"
#include "world/gen_events.hpp"

namespace {

using socred::cli::add_number;
using socred::world::Options;

// A CLI11 check from one of the library's validators (empty: fine); its
// description stays empty so --help shows only the option's TYPE.
CLI::Validator check(std::string (*fn)(const std::string&)) {
  return CLI::Validator([fn](std::string& s) { return fn(s); }, "");
}

// Each option once; a kind adds those its row in world::kinds_of_output() names.
void add_option(CLI::App& kind, Options& o, const std::string& name) {
  if (name == "--seed") {
    add_number(kind, name, o.seed, "random seed; same arguments, same bytes")
        ->type_name("N")
        ->capture_default_str();
  } else if (name == "--population") {
    add_number(kind, name, o.population, "number of persons", 1u, 50000000u)
        ->type_name("N")
        ->capture_default_str();
  } else if (name == "--start") {
    kind.add_option(name, o.start, "first day of events (YYYY-MM-DD, UTC)")
        ->check(check(socred::world::check_start))
        ->type_name("DATE")
        ->capture_default_str();
  } else if (name == "--days") {
    add_number(kind, name, o.days, "number of days of events", 1u, 36600u)
        ->type_name("N")
        ->capture_default_str();
  } else if (name == "--shard") {
    kind.add_option(name, o.shard,
                    "emit the i-th of N slices (1/N .. N/N); they concatenate to the whole")
        ->check(check(socred::world::check_shard))
        ->type_name("i/N");
  } else if (name == "--threads") {
    add_number(kind, name, o.threads, "threads (the output does not depend on it)", 1u, 256u)
        ->type_name("N")
        ->capture_default_str();
  } else if (name == "--truth") {
    kind.add_flag(name, o.truth, "add hidden truth: persona (people), person and noise (accounts)");
  } else if (name == "--linked") {
    kind.add_flag(name, o.linked, "add the true person to every event");
  } else if (name == "--noise") {
    add_number(kind, name, o.noise, "probability that an account field is noisy", 0.0, 1.0)
        ->type_name("RATE")
        ->capture_default_str();
  } else if (name == "--noise-field") {
    kind.add_option(name, o.noise_field, "rate for one field: name|phone|birth_year|city=RATE")
        ->check(check(socred::world::check_noise_field))
        ->type_name("FIELD=RATE");
  } else if (name == "--noise-for") {
    kind.add_option(name, o.noise_for, "rate for a group: city|sex|persona=VALUE:RATE")
        ->check(check(socred::world::check_noise_group))
        ->type_name("GROUP=VALUE:RATE");
  } else if (name == "--noise-profile") {
    kind.add_option(name, o.noise_profile,
                    "default, or messy: more noise on top, households sharing a phone")
        ->check(check(socred::world::check_noise_profile))
        ->type_name("PROFILE")
        ->capture_default_str();
  } else if (name == "--court-name-share") {
    add_number(kind, name, o.court_name_share, "share of court records keyed by name and birthdate",
               0.0, 1.0)
        ->type_name("SHARE")
        ->capture_default_str();
  } else if (name == "--degree") {
    add_number(kind, name, o.friends.degree, "mean number of friends of a social account", 0.0,
               1000.0)
        ->type_name("K")
        ->capture_default_str();
  } else if (name == "--rewire") {
    add_number(kind, name, o.friends.rewire, "share of friendships rewired at random (small world)",
               0.0, 1.0)
        ->type_name("P")
        ->capture_default_str();
  } else if (name == "--homophily") {
    add_number(kind, name, o.friends.homophily, "how closely critics cluster among friends (0..1)",
               0.0, 1.0)
        ->type_name("H")
        ->capture_default_str();
  } else {
    throw std::logic_error("gen-events: no option " + name);  // a row of kinds_of_output() misspelt
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"generate a synthetic population and its digital traces as JSON lines",
               "gen-events"};
  socred::cli::Runner runner(app);
  runner.add_diagnostic_options();
  runner.name_subcommands("kind");
  Options o;
  for (const auto& k : socred::world::kinds_of_output()) {
    CLI::App* kind = app.add_subcommand(k.name, k.help)->fallthrough();
    for (const auto& name : k.options) add_option(*kind, o, name);
    kind->parse_complete_callback([&o, name = k.name] { o.kind = name; });
  }
  app.require_subcommand(1);
  return runner.run(argc, argv,
                    [&](socred::io::Context& ctx) { return socred::world::run(o, ctx); });
}
