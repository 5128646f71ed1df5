// The command line of record linkage (join-records --fuzzy / --dedupe, and
// the link-records test driver): lib/link's options bound to CLI11.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "link/options.hpp"

namespace socred::cli {

/// Adds the linkage options to `app`, in a group of their own in --help.
/// --right is not among them: the tool that hosts linkage owns it. The
/// host's options named in `exact_only` become errors next to --fuzzy or
/// --dedupe, rather than being silently ignored.
void add_link_options(CLI::App& app, link::Options& options,
                      const std::vector<std::string>& exact_only = {});

}  // namespace socred::cli
