// What every tool's main() hands to: argument parsing with Unix exit codes,
// the shared input options, one output writer, and the mapping of errors to
// messages and statuses (DESIGN.md "Common conventions").
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "io/context.hpp"

namespace socred::cli {

class Runner {
 public:
  /// Adds --version to `app`; the tool's name is app.get_name().
  explicit Runner(CLI::App& app);

  /// Adds FILE..., --on-error, --stats, --strict and --progress.
  io::InputOptions& add_io_options(bool strict = true);
  /// Adds only --progress, for a tool that reads no input (gen-events).
  void add_progress_option();

  /// Parses, runs `body`, prints errors, notes, warnings and the
  /// reconciliation line, flushes stdout; returns the process's exit status.
  int run(int argc, char** argv, const std::function<int(io::Context&)>& body);

 private:
  CLI::App& app_;
  io::InputOptions io_;
};

/// "TOOL VERSION (simdjson X.Y.Z, kernel K)"
std::string version_text(const std::string& tool);

}  // namespace socred::cli
