// Temporary files. mkstemp + unlink: the kernel frees the space when the
// descriptor closes, even after a crash or kill -9.
#include "join/spill.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "io/error.hpp"

namespace socred::join {

SpillFile::SpillFile(const std::string& dir, std::size_t buffer) : dir_(dir), buf_(buffer) {
  std::string pattern = dir + "/join-records.XXXXXX";
  fd_ = ::mkstemp(pattern.data());
  if (fd_ < 0)
    throw Error(kExitIo, fmt::format("cannot create a temporary file: {}", std::strerror(errno)),
                dir);
  ::unlink(pattern.c_str());
}

SpillFile::~SpillFile() {
  if (fd_ >= 0) ::close(fd_);
}

void SpillFile::put(const void* data, std::size_t size) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    if (used_ == buf_.size()) flush();
    std::size_t n = std::min(size, buf_.size() - used_);
    std::memcpy(buf_.data() + used_, p, n);
    used_ += n;
    p += n;
    size -= n;
  }
}

void SpillFile::flush() {
  const char* p = buf_.data();
  std::size_t left = used_;
  while (left > 0) {
    ssize_t n = ::write(fd_, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0)
      throw Error(kExitIo, fmt::format("write error in a temporary file: {}", std::strerror(errno)),
                  dir_);
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  written_ += used_;
  used_ = 0;
}

SpillReader::SpillReader(const SpillFile& file, std::uint64_t begin, std::uint64_t end,
                         std::size_t buffer)
    : file_(file), next_(begin), end_(end), buf_(buffer) {}

bool SpillReader::fill() {
  if (next_ >= end_) return false;
  std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(buf_.size(), end_ - next_));
  for (;;) {
    ssize_t n = ::pread(file_.fd(), buf_.data(), want, static_cast<off_t>(next_));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0)
      throw Error(kExitIo,
                  fmt::format("read error in a temporary file: {}",
                              n < 0 ? std::strerror(errno) : "unexpected end"),
                  file_.dir());
    next_ += static_cast<std::uint64_t>(n);
    pos_ = 0;
    len_ = static_cast<std::size_t>(n);
    return true;
  }
}

bool SpillReader::get(void* data, std::size_t size) {
  char* p = static_cast<char*>(data);
  bool started = false;
  while (size > 0) {
    if (pos_ == len_ && !fill()) {
      if (!started) return false;
      throw Error(kExitIo, "read error in a temporary file: record cut short", file_.dir());
    }
    started = true;
    std::size_t n = std::min(size, len_ - pos_);
    std::memcpy(p, buf_.data() + pos_, n);
    pos_ += n;
    p += n;
    size -= n;
  }
  return true;
}

void SpillReader::get_bytes(std::size_t size, std::string& out) {
  out.resize(size);
  if (size > 0 && !get(out.data(), size))
    throw Error(kExitIo, "read error in a temporary file: record cut short", file_.dir());
}

}  // namespace socred::join
