// What every tool's main() hands to: argument parsing with Unix exit codes,
// the shared input options, one output writer, and the mapping of errors to
// messages and statuses (DESIGN.md "Common conventions").
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

#include "io/context.hpp"

namespace socred::cli {

class Runner {
 public:
  /// Adds --version to `app`; the tool's name is app.get_name().
  explicit Runner(CLI::App& app);

  /// Adds FILE..., --on-error, --stats, --strict, --progress and --warnings.
  io::InputOptions& add_io_options(bool strict = true);
  /// Adds only --progress and --warnings, for a tool that reads no input
  /// (gen-events).
  void add_diagnostic_options();

  /// What the tool calls its subcommands, for messages ("kind of output").
  void name_subcommands(std::string noun) { noun_ = std::move(noun); }

  /// Parses, runs `body`, prints errors, notes, warnings and the
  /// reconciliation line, flushes stdout; returns the process's exit status.
  /// Options may stand before a subcommand's name (`gen-events --seed 3
  /// events`): the name is taken to the front before CLI11 parses.
  int run(int argc, char** argv, const std::function<int(io::Context&)>& body);

 private:
  /// The exit status of a failed parse (or of --help and --version).
  int parse_failure(const CLI::ParseError& e);

  CLI::App& app_;
  io::InputOptions io_;
  std::string warnings_ = "on";  // on, off, error
  std::string noun_ = "subcommand";
};

/// "TOOL VERSION (simdjson X.Y.Z, kernel K)"
std::string version_text(const std::string& tool);

}  // namespace socred::cli
