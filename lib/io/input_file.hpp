// Opening one named data input: "-" is standard input, a missing file or a
// directory is an Error with status 66, before anything is read.
#pragma once

#include <cstdint>
#include <string>

namespace socred::io {

struct InputFile {
  int fd = -1;
  bool owned = false;    // closed by its user (everything but standard input)
  std::string name;      // as messages cite it: the path, or "<stdin>"
  bool regular = false;  // a regular file read from its start: can be cut and reread
  std::uint64_t size = 0;
};

/// Opens `path` for reading ("-": standard input, not owned).
InputFile open_input(const std::string& path);

}  // namespace socred::io
