// What the library's run functions receive from the runner: the options
// every reading tool shares, the output, the --on-error sink, the line
// counts, and the diagnostics sink. Nothing in it needs the command line.
#pragma once

#include <string>
#include <vector>

#include "io/diagnostics.hpp"
#include "io/jsonl_writer.hpp"
#include "io/rejects.hpp"

namespace socred::io {

/// The options every reading tool shares (cli::Runner binds them).
struct InputOptions {
  std::vector<std::string> inputs;  // none or "-": standard input
  std::string on_error = "stop";
  bool stats = false;
  bool strict = false;
  bool progress = false;
};

struct Context {
  const InputOptions& io;
  JsonlWriter& out;
  Rejects& rejects;
  LineStats& stats;   // the tool adds what it reads; printed at the end
  Diagnostics& diag;  // notes and warnings, never stderr directly
};

}  // namespace socred::io
