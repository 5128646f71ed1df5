// join-records: joins JSON-lines streams on keys (see man/join-records.1).
#include "cli/link_options.hpp"
#include "cli/number.hpp"
#include "cli/runner.hpp"
#include "join/run.hpp"
#include "link/run.hpp"

int main(int argc, char** argv) {
  socred::join::Options opt;  // defaults live in lib/join/options.hpp
  CLI::App app{"join JSON lines (the left side: files or standard input) with --right FILE",
               "join-records"};
  socred::cli::Runner runner(app);
  runner.add_io_options();
  app.add_option("--right", opt.right, "the right side")->type_name("FILE");
  app.add_option("--on", opt.on, "key fields: KEY, LEFT=RIGHT, several comma-separated")
      ->allow_extra_args(false)
      ->type_name("KEYS");
  app.add_option("--how", opt.how, "which records come out (default inner)")
      ->check(CLI::IsMember(socred::join::how_names()))
      ->type_name("JOIN");
  auto as = app.add_option("--as", opt.as, "nest the right record under NAME")->type_name("NAME");
  app.add_option("--prefix", opt.prefix, "merge, naming right fields PREFIX+name")
      ->type_name("PREFIX")
      ->excludes(as);
  app.add_option("--left-fields", opt.left_fields, "keep only these left fields (and the keys)")
      ->allow_extra_args(false)
      ->delimiter(',')
      ->type_name("LIST");
  app.add_option("--right-fields", opt.right_fields, "keep only these right fields")
      ->allow_extra_args(false)
      ->delimiter(',')
      ->type_name("LIST");
  app.add_flag("--sorted", opt.sorted, "both sides are sorted by key: merge join, checked");
  app.add_option("--memory", opt.memory, "right-side table limit, then a grace join (512M, 2G)")
      ->type_name("SIZE");
  app.add_option("--tmpdir", opt.tmpdir, "where the grace join spills (default $TMPDIR, /tmp)")
      ->type_name("DIR");
  app.add_option("--partition", opt.partition, "keep only keys whose hash is in part i of N")
      ->type_name("i/N");
  app.add_flag("--string-keys", opt.string_keys, "numbers in keys match strings of their text");
  socred::cli::add_number(app, "--threads", opt.threads,
                          "threads probing the left side or comparing pairs (default: every core)")
      ->type_name("N");
  socred::link::Options link;  // --fuzzy, --dedupe: record linkage (lib/link)
  socred::cli::add_link_options(app, link,
                                {"--on", "--how", "--as", "--prefix", "--left-fields",
                                 "--right-fields", "--sorted", "--memory", "--partition"});
  return runner.run(argc, argv, [&](socred::io::Context& ctx) {
    if (link.wanted()) {
      link.right = opt.right;
      link.threads = opt.threads;
      return socred::link::run(link, ctx);
    }
    return socred::join::run(opt, ctx);
  });
}
