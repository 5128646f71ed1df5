// Test and benchmark driver for the JSON-lines reader and writer: validates
// every line and writes it back, as read (default) or re-serialised from the
// parsed value (--reemit). Not installed: it exists to exercise lib/io.
#include "cli/runner.hpp"
#include "io/record_reader.hpp"

int main(int argc, char** argv) {
  CLI::App app{"validate JSON lines and write them back", "jsonl-echo"};
  socred::cli::Runner runner(app);
  auto& io = runner.add_io_options(false);
  bool reemit = false;
  app.add_flag("--reemit", reemit, "re-serialise each parsed value instead of copying the line");
  return runner.run(argc, argv, [&](socred::io::Context& ctx) {
    socred::io::RecordReader reader(io.inputs, ctx.rejects, ctx.stats);
    socred::io::Record record;
    while (reader.next(record)) {
      if (reemit) {
        ctx.out.element(record.root);
        ctx.out.end_line();
      } else {
        ctx.out.write_raw_line(record.text);
      }
    }
    return 0;
  });
}
