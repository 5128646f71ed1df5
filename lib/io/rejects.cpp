// --on-error: stop (throw), skip (count) or copy bad lines verbatim to a file.
#include "io/rejects.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

#include "io/error.hpp"

namespace socred::io {

Rejects::Rejects(const std::string& spec) : path_(spec) {
  if (spec == "stop") {
    mode_ = kStop;
  } else if (spec == "skip") {
    mode_ = kSkip;
  } else {
    mode_ = kFile;
    file_ = std::fopen(spec.c_str(), "wb");
    if (file_ == nullptr) throw Error(kExitIo, std::strerror(errno), spec);
  }
}

Rejects::~Rejects() {
  if (file_ != nullptr) std::fclose(file_);
}

bool Rejects::reject(const std::string& file, const Line& line, std::uint64_t column,
                     const std::string& message, LineStats& stats) {
  ++stats.rejected;  // under "stop" too: the line that stops the run is not used
  if (mode_ == kStop) throw Error(kExitData, message, file, line.number, column);
  if (mode_ == kFile) {
    std::fwrite(line.text.data(), 1, line.text.size(), file_);
    std::fputc('\n', file_);
  }
  return true;
}

void Rejects::copy(std::string_view lines) {
  if (mode_ == kFile) std::fwrite(lines.data(), 1, lines.size(), file_);
}

void Rejects::close() {
  if (file_ == nullptr) return;
  bool bad = std::fflush(file_) != 0 || std::ferror(file_);
  int err = errno;
  std::fclose(file_);
  file_ = nullptr;
  if (bad) throw Error(kExitIo, std::string("write error: ") + std::strerror(err), path_);
}

std::string reconciliation(std::string_view tool, const LineStats& s) {
  return fmt::format("{}: read {} lines: {} used, {} rejected, {} blank", tool, s.read, s.used(),
                     s.rejected, s.blank);
}

}  // namespace socred::io
