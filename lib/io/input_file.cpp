// One open(2) and fstat(2) for every tool's data inputs.
#include "io/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "io/error.hpp"
#include "io/standard_streams.hpp"

namespace socred::io {

InputFile open_input(const std::string& path) {
  InputFile in;
  if (path == "-") {
    check_standard_input();
    in.fd = 0;
    in.name = "<stdin>";
  } else {
    in.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (in.fd < 0) throw Error(kExitNoInput, std::strerror(errno), path);
    in.owned = true;
    in.name = path;
  }
  struct stat st;
  if (::fstat(in.fd, &st) != 0) {
    // A closed standard input: the first read says so (74).
    if (!in.owned) return in;
    int err = errno;
    ::close(in.fd);
    throw Error(kExitNoInput, std::strerror(err), in.name);
  }
  if (S_ISDIR(st.st_mode)) {
    if (in.owned) ::close(in.fd);
    throw Error(kExitNoInput, "Is a directory", in.name);
  }
  if (S_ISREG(st.st_mode) && ::lseek(in.fd, 0, SEEK_CUR) == 0) {
    in.regular = true;
    in.size = static_cast<std::uint64_t>(st.st_size);
  }
  return in;
}

}  // namespace socred::io
