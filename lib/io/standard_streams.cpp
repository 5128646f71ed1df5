// Closed standard descriptors, found and plugged at start.
#include "io/standard_streams.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "io/error.hpp"

namespace socred::io {
namespace {

bool stdin_closed = false;

bool closed(int fd) { return ::fcntl(fd, F_GETFD) < 0 && errno == EBADF; }

// /dev/null on `fd`: open() returns the lowest free descriptor, which is
// `fd` itself when the ones below it are open (they are plugged in order).
void plug(int fd, int flags) {
  int got = ::open("/dev/null", flags);
  if (got >= 0 && got != fd) {
    ::dup2(got, fd);
    ::close(got);
  }
}

}  // namespace

ClosedStreams guard_standard_streams() {
  ClosedStreams c;
  c.in = closed(0);
  if (c.in) plug(0, O_RDONLY);
  c.out = closed(1);
  if (c.out) plug(1, O_WRONLY);
  c.err = closed(2);
  if (c.err) plug(2, O_WRONLY);
  stdin_closed = c.in;
  return c;
}

void check_standard_input() {
  if (stdin_closed) throw Error(kExitIo, std::strerror(EBADF), "<stdin>");
}

}  // namespace socred::io
