// The --on-error contract: what happens to a bad line (stop, skip, or copy it
// to a file), and the counts that make every run's totals reconcile.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "io/line_reader.hpp"

namespace socred::io {

/// lines read = used + rejected + blank (DESIGN.md "Common conventions").
struct LineStats {
  std::uint64_t read = 0;
  std::uint64_t rejected = 0;
  std::uint64_t blank = 0;
  std::uint64_t used() const { return read - rejected - blank; }
  void add(const LineStats& o) {
    read += o.read;
    rejected += o.rejected;
    blank += o.blank;
  }
};

/// Where a reader sends its bad lines: the run's Rejects, or one chunk's
/// share of them when chunks are read on threads (io/chunked_read.hpp).
class RejectSink {
 public:
  /// Handles one bad line, counted in `stats`; false when reading must end
  /// here (a chunk's first bad line under "stop", thrown when it settles).
  virtual bool reject(const std::string& file, const Line& line, std::uint64_t column,
                      const std::string& message, LineStats& stats) = 0;
  /// True once what the reader reads no longer matters.
  virtual bool abandoned() const { return false; }

 protected:
  ~RejectSink() = default;
};

class Rejects final : public RejectSink {
 public:
  /// `spec` is "stop" (the default), "skip", or a file to copy bad lines to.
  explicit Rejects(const std::string& spec = "stop");
  ~Rejects();
  Rejects(const Rejects&) = delete;
  Rejects& operator=(const Rejects&) = delete;

  /// Handles one bad line: counts it in `stats`, then under "stop" throws
  /// Error (status 65) with `file:line:column: message`; otherwise copies
  /// it verbatim to the file (if one) and returns true.
  bool reject(const std::string& file, const Line& line, std::uint64_t column,
              const std::string& message, LineStats& stats) override;

  bool stops() const { return mode_ == kStop; }
  bool copies() const { return mode_ == kFile; }
  /// Appends bad lines already counted elsewhere, newline-terminated, to the
  /// file (a chunk's share, settled in input order).
  void copy(std::string_view lines);
  /// Flushes the copy file; a write error there is an Error (74).
  void close();

 private:
  enum Mode { kStop, kSkip, kFile } mode_;
  std::string path_;
  std::FILE* file_ = nullptr;
};

/// "TOOL: read N lines: U used, R rejected, B blank"
std::string reconciliation(std::string_view tool, const LineStats& stats);

}  // namespace socred::io
