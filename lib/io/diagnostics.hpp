// The notes and warnings the library has for the user, kept apart from the
// output: counted, and handed to a sink (the runner prints them on stderr;
// a unit test keeps them to look at).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace socred::io {

enum class Severity { kNote, kWarning };

struct Diagnostic {
  Severity severity;
  std::string text;  // without the tool's name or "warning:"
};

class Diagnostics {
 public:
  using Sink = std::function<void(const Diagnostic&)>;

  /// Without a sink every message is kept, for kept().
  explicit Diagnostics(Sink sink = nullptr) : sink_(std::move(sink)) {}

  /// Something the user should know that is not wrong ("TOOL: text").
  void note(std::string text) { emit({Severity::kNote, std::move(text)}); }
  /// Configuration or data that is probably not what was meant ("TOOL:
  /// warning: text"). Warnings never change the output; the runner's
  /// --warnings decides whether they are shown and whether they fail the run.
  void warning(std::string text) {
    ++warnings_;
    emit({Severity::kWarning, std::move(text)});
  }

  std::uint64_t warnings() const { return warnings_; }
  const std::vector<Diagnostic>& kept() const { return kept_; }

 private:
  void emit(Diagnostic d) {
    if (sink_)
      sink_(d);
    else
      kept_.push_back(std::move(d));
  }

  Sink sink_;
  std::uint64_t warnings_ = 0;
  std::vector<Diagnostic> kept_;
};

}  // namespace socred::io
