// The shared main(): CLI11 parse errors become status 2 with coreutils'
// "Try ... --help" line, library errors become GNU-style messages, notes and
// warnings reach stderr through one sink.
#include "cli/runner.hpp"

#include <fmt/format.h>
#include <simdjson.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <sstream>

#include "io/error.hpp"
#include "io/json_text.hpp"
#include "io/progress.hpp"
#include "io/standard_streams.hpp"
#include "io/suggest.hpp"

#ifndef SOCRED_VERSION
#define SOCRED_VERSION "0.0.0"
#endif

namespace socred::cli {
namespace {

// `app`'s options and those of its option groups (nameless subcommands).
std::vector<const CLI::Option*> options_of(const CLI::App& app) {
  std::vector<const CLI::Option*> all = app.get_options();
  for (const CLI::App* group : const_cast<CLI::App&>(app).get_subcommands(
           [](CLI::App* s) { return s->get_name().empty(); }))
    for (const CLI::Option* o : options_of(*group)) all.push_back(o);
  return all;
}

std::vector<CLI::App*> named_subcommands(CLI::App& app) {
  return app.get_subcommands([](CLI::App* s) { return !s->get_name().empty(); });
}

bool takes_value(CLI::App& app, const std::string& arg) {
  std::vector<CLI::App*> apps = named_subcommands(app);
  apps.push_back(&app);
  for (CLI::App* a : apps)
    for (const CLI::Option* o : options_of(*a))
      if (o->check_name(arg)) return o->get_items_expected_min() > 0;
  return false;
}

// CLI11 reads a subcommand's options only after its name; moving the name
// to the front lets the options shared by several kinds come first too.
void hoist_subcommand(CLI::App& app, std::vector<std::string>& args) {
  if (named_subcommands(app).empty()) return;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") return;
    if (a.size() > 1 && a[0] == '-') {
      if (a.find('=') == std::string::npos && takes_value(app, a)) ++i;
      continue;
    }
    for (CLI::App* sub : named_subcommands(app))
      if (sub->check_name(a)) std::rotate(args.begin(), args.begin() + i, args.begin() + i + 1);
    return;
  }
}

std::vector<std::string> long_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* o : options_of(app))
    for (const std::string& n : o->get_lnames()) names.push_back(n);
  return names;
}

std::vector<std::string> names_of(const std::vector<CLI::App*>& subs) {
  std::vector<std::string> names;
  for (const CLI::App* sub : subs) names.push_back(sub->get_name());
  return names;
}

// "unknown option --rule (did you mean --rules?)" for the first unknown
// option, found before CLI11's other complaints ("--rules is required")
// hide it; CLI11's own words when no option is near; empty: none unknown.
// With subcommands, a word that names none, or none at all, is said so.
std::string unknown_word(CLI::App& app, const std::string& noun) {
  const std::vector<CLI::App*> subs = named_subcommands(app);
  const bool chosen = !app.get_subcommands().empty();
  CLI::App* selected = chosen ? app.get_subcommands().front() : &app;
  const std::vector<std::string> rest = app.remaining(true);
  std::vector<std::string> unknown, words;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const std::string& a = rest[i];
    if (a.size() > 1 && a[0] == '-' && a != "--") {
      unknown.push_back(a);
      // A kind's option before any kind: its value is not a kind either.
      if (!chosen && a.find('=') == std::string::npos && takes_value(app, a)) ++i;
    } else {
      words.push_back(a);
    }
  }
  if (!subs.empty() && !chosen) {
    const std::string list = fmt::format("{}", fmt::join(names_of(subs), ", "));
    if (words.empty()) return fmt::format("missing {} ({})", noun, list);
    std::string near = io::did_you_mean(words.front(), names_of(subs));
    if (!near.empty())
      return fmt::format("unknown {} '{}' (did you mean {}?)", noun, words.front(), near);
    return fmt::format("unknown {} '{}' ({})", noun, words.front(), list);
  }
  if (unknown.empty()) return {};
  std::vector<std::string> names = long_names(*selected);
  if (selected != &app)
    for (const std::string& n : long_names(app)) names.push_back(n);
  for (const std::string& arg : unknown) {
    if (arg.rfind("--", 0) != 0) continue;
    const std::string name = arg.substr(2, arg.find('=') - 2);
    std::string near = io::did_you_mean(name, names);
    if (!near.empty()) return fmt::format("unknown option --{} (did you mean --{}?)", name, near);
    if (selected == &app) continue;
    // Another kind's option: say which kinds take it (or its near name).
    std::vector<std::string> theirs;
    for (CLI::App* sub : subs)
      for (const std::string& n : long_names(*sub))
        if (std::find(theirs.begin(), theirs.end(), n) == theirs.end()) theirs.push_back(n);
    near = io::did_you_mean(name, theirs);
    if (near.empty()) continue;
    std::vector<std::string> owners;
    for (CLI::App* sub : subs) {
      std::vector<std::string> its = long_names(*sub);
      if (std::find(its.begin(), its.end(), near) != its.end()) owners.push_back(sub->get_name());
    }
    return fmt::format("unknown option --{} for {} (--{} is an option of {})", name,
                       selected->get_name(), near, fmt::join(owners, ", "));
  }
  return CLI::ExtrasError(unknown).what();
}

// Help and version go to stdout, whose failure is an I/O error like any
// other output's (`--help > /dev/full`).
int write_stdout(const std::string& tool, const std::string& text) {
  io::JsonlWriter out(STDOUT_FILENO);
  try {
    out.write_text(text);
    out.flush();
  } catch (const BrokenPipe&) {
  } catch (const Error& e) {
    std::fprintf(stderr, "%s: %s\n", tool.c_str(), io::visible(e.located()).c_str());
    return e.status();
  }
  return kExitOk;
}

}  // namespace

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
  add_diagnostic_options();
  return io_;
}

void Runner::add_diagnostic_options() {
  app_.add_flag("--progress", io_.progress, "show progress on stderr even when not a terminal");
  app_.add_option("--warnings", warnings_,
                  "on (default), off, or error: exit 65 after the output if anything warned")
      ->check(CLI::IsMember({"on", "off", "error"}).description(""))
      ->type_name("on|off|error");
}

int Runner::parse_failure(const CLI::ParseError& e) {
  const std::string tool = app_.get_name();
  std::string unknown = e.get_exit_code() == 0 ? "" : unknown_word(app_, noun_);  // --help wins
  if (!unknown.empty()) {
    std::fprintf(stderr, "%s: %s\nTry '%s --help' for more information.\n", tool.c_str(),
                 io::visible(unknown).c_str(), tool.c_str());
    return kExitUsage;
  }
  std::ostringstream out, err;
  // CLI11's own codes (106, 109...) are not Unix ones: help and version
  // are success, every other parse failure is a usage error.
  const int code = app_.exit(e, out, err);
  std::fputs(io::visible(err.str()).c_str(), stderr);
  if (code != 0) return kExitUsage;
  return write_stdout(tool, out.str());
}

int Runner::run(int argc, char** argv, const std::function<int(io::Context&)>& body) {
  const std::string tool = app_.get_name();
  // A closed pipe must surface as EPIPE from write(2), which the writer turns
  // into a quiet stop, not as a SIGPIPE death (status 141 breaks pipefail),
  // for --help as for the output.
  std::signal(SIGPIPE, SIG_IGN);
  // Before anything is opened, so that no file lands on 0, 1 or 2.
  const io::ClosedStreams closed = io::guard_standard_streams();
  if (closed.out) {
    std::fprintf(stderr, "%s: write error: %s\n", tool.c_str(), std::strerror(EBADF));
    return kExitIo;
  }
  std::vector<std::string> args(argv + std::min(argc, 1), argv + argc);
  hoist_subcommand(app_, args);
  std::reverse(args.begin(), args.end());  // CLI11 takes them last first
  try {
    app_.parse(args);
  } catch (const CLI::ParseError& e) {
    return parse_failure(e);
  }
  if (io_.progress || ::isatty(STDERR_FILENO)) io::Progress::get().enable(tool);
  io::JsonlWriter out(STDOUT_FILENO);
  io::LineStats stats;
  const bool show_warnings = warnings_ != "off";
  io::Diagnostics diag([&tool, show_warnings](const io::Diagnostic& d) {
    const bool warning = d.severity == io::Severity::kWarning;
    if (warning && !show_warnings) return;
    io::Progress::get().finish();  // a message never shares a line with the meter
    // Messages quote data (file names, field values): escaped, so that
    // none can move the cursor, set the clipboard or reverse the text.
    std::fprintf(stderr, "%s: %s%s\n", tool.c_str(), warning ? "warning: " : "",
                 io::visible(d.text).c_str());
  });
  int status = kExitOk;
  try {
    io::Rejects rejects(io_.on_error);
    io::Context ctx{io_, out, rejects, stats, diag};
    status = body(ctx);
    io::Progress::get().finish();
    out.flush();
    rejects.close();
    if (stats.rejected > 0 || io_.stats)
      std::fprintf(stderr, "%s\n", io::visible(io::reconciliation(tool, stats)).c_str());
  } catch (const BrokenPipe&) {
    return kExitOk;
  } catch (const Error& e) {
    io::Progress::get().finish();
    try {
      out.flush();  // what was produced before the error still goes out
    } catch (...) {
    }
    std::fprintf(stderr, "%s: %s\n", tool.c_str(), io::visible(e.located()).c_str());
    // Under "stop" the one rejected line is the error just printed.
    const bool skipped = stats.rejected > 0 && io_.on_error != "stop";
    if (e.status() == kExitData && stats.read > 0 && (skipped || io_.stats))
      std::fprintf(stderr, "%s\n", io::visible(io::reconciliation(tool, stats)).c_str());
    return e.status();
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "%s: out of memory\n", tool.c_str());
    return kExitIo;
  }
  // --warnings error: the output is whole, and the status says it warned
  // (an answer, 1 or 3, too: a CI step must see the warning).
  const bool answer = status == kExitOk || status == kExitNo || status == kExitNoScore;
  if (warnings_ == "error" && diag.warnings() > 0 && answer) return kExitData;
  return status;
}

}  // namespace socred::cli
