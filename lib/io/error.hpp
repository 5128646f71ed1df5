// The one error type every tool throws and the runner prints: an exit status
// plus, for data errors, the place (file, line, column) in GNU form.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace socred {

/// Exit statuses of every tool (DESIGN.md "Common conventions"; sysexits.h).
enum ExitStatus : int {
  kExitOk = 0,
  kExitNo = 1,  // a "no" answer (gate's single question)
  kExitUsage = 2,
  kExitNoScore = 3,   // gate's single question, no score line: neither yes (0) nor no (1)
  kExitData = 65,     // EX_DATAERR
  kExitNoInput = 66,  // EX_NOINPUT
  kExitIo = 74,       // EX_IOERR
};

/// A failure that ends the run. `file` empty means no place is printed;
/// `line`/`column` 0 mean unknown. what() is the message alone.
class Error : public std::runtime_error {
 public:
  Error(int status, std::string message, std::string file = {}, std::uint64_t line = 0,
        std::uint64_t column = 0)
      : std::runtime_error(std::move(message)),
        status_(status),
        file_(std::move(file)),
        line_(line),
        column_(column) {}

  int status() const { return status_; }
  const std::string& file() const { return file_; }
  std::uint64_t line() const { return line_; }
  std::uint64_t column() const { return column_; }

  /// "file:line:column: message", with the parts that are known.
  std::string located() const;

 private:
  int status_;
  std::string file_;
  std::uint64_t line_;
  std::uint64_t column_;
};

/// Thrown by the writer when the reader of stdout has gone (EPIPE): the run
/// stops quietly with status 0, as `yes | head` does.
struct BrokenPipe {};

}  // namespace socred
