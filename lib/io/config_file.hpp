// Configuration files (rules, policy, linkage model) read whole: a regular
// file, a pipe or a FIFO (`--rules <(sed ...)`) to its end; a directory or a
// path that cannot be opened is an Error with status 66.
#pragma once

#include <string>

namespace socred::io {

/// The text of `path`, without a UTF-8 byte-order mark at its start (as
/// data files are read). `what` names it in messages ("rules file").
std::string read_config(const std::string& path, const char* what);

}  // namespace socred::io
