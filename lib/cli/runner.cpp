// The shared main(): CLI11 parse errors become status 2 with coreutils'
// "Try ... --help" line, library errors become GNU-style messages.
#include "cli/runner.hpp"

#include <fmt/format.h>
#include <simdjson.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>

#include "io/error.hpp"
#include "io/progress.hpp"

#ifndef SOCRED_VERSION
#define SOCRED_VERSION "0.0.0"
#endif

namespace socred::cli {

std::string version_text(const std::string& tool) {
  // The DOM parser dispatches at run time inside libsimdjson, so the kernel
  // that runs is the library's active one, whatever -march we were built with.
  return fmt::format("{} {} (simdjson {}.{}.{}, kernel {})", tool, SOCRED_VERSION,
                     int(simdjson::SIMDJSON_VERSION_MAJOR), int(simdjson::SIMDJSON_VERSION_MINOR),
                     int(simdjson::SIMDJSON_VERSION_REVISION),
                     simdjson::get_active_implementation()->name());
}

Runner::Runner(CLI::App& app) : app_(app) {
  app_.set_version_flag("--version", version_text(app_.get_name()));
  app_.failure_message([](const CLI::App* failed, const CLI::Error& e) {
    return fmt::format("{}: {}\nTry '{} --help' for more information.\n", failed->get_name(),
                       e.what(), failed->get_name());
  });
}

io::InputOptions& Runner::add_io_options(bool strict) {
  app_.add_option("files", io_.inputs, "input files ('-' or none: standard input)")
      ->type_name("FILE");
  app_.add_option("--on-error", io_.on_error,
                  "what to do with a bad line: stop (exit 65), skip (count it), "
                  "or a FILE to copy it to")
      ->type_name("stop|skip|FILE");
  app_.add_flag("--stats", io_.stats, "print the line counts on stderr at the end");
  if (strict)
    app_.add_flag("--strict", io_.strict, "a missing field or a type mismatch is a bad line");
  add_progress_option();
  return io_;
}

void Runner::add_progress_option() {
  app_.add_flag("--progress", io_.progress, "show progress on stderr even when not a terminal");
}

int Runner::run(int argc, char** argv, const std::function<int(io::Context&)>& body) {
  const std::string tool = app_.get_name();
  try {
    app_.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11's own codes (106, 109...) are not Unix ones: help and version
    // are success, every other parse failure is a usage error.
    int code = app_.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  // A closed pipe must surface as EPIPE from write(2), which the writer turns
  // into a quiet stop, not as a SIGPIPE death (status 141 breaks pipefail).
  std::signal(SIGPIPE, SIG_IGN);
  if (io_.progress || ::isatty(STDERR_FILENO)) io::Progress::get().enable(tool);
  io::JsonlWriter out(STDOUT_FILENO);
  io::LineStats stats;
  int status = kExitOk;
  try {
    io::Rejects rejects(io_.on_error);
    io::Diagnostics diag([&tool](const io::Diagnostic& d) {
      io::Progress::get().finish();  // a message never shares a line with the meter
      std::fprintf(stderr, "%s: %s%s\n", tool.c_str(),
                   d.severity == io::Severity::kWarning ? "warning: " : "", d.text.c_str());
    });
    io::Context ctx{io_, out, rejects, stats, diag};
    status = body(ctx);
    io::Progress::get().finish();
    out.flush();
    rejects.close();
    if (stats.rejected > 0 || io_.stats)
      std::fprintf(stderr, "%s\n", io::reconciliation(tool, stats).c_str());
  } catch (const BrokenPipe&) {
    return kExitOk;
  } catch (const Error& e) {
    io::Progress::get().finish();
    try {
      out.flush();  // what was produced before the error still goes out
    } catch (...) {
    }
    std::fprintf(stderr, "%s: %s\n", tool.c_str(), e.located().c_str());
    if (e.status() == kExitData && stats.read > 0 && (stats.rejected > 0 || io_.stats))
      std::fprintf(stderr, "%s\n", io::reconciliation(tool, stats).c_str());
    return e.status();
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "%s: out of memory\n", tool.c_str());
    return kExitIo;
  }
  return status;
}

}  // namespace socred::cli
