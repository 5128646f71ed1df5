// The standard descriptors as the tool found them. A descriptor closed at
// start would be handed to the next file the tool opens (the --on-error
// file would become standard output), so each gets /dev/null instead, and
// reading a standard input that was closed is an error, not an empty input.
#pragma once

namespace socred::io {

struct ClosedStreams {
  bool in = false, out = false, err = false;
};

/// Puts /dev/null on each of descriptors 0, 1 and 2 that is closed and says
/// which were. Called once, by the runner, before anything is opened.
ClosedStreams guard_standard_streams();

/// Throws Error (74, "<stdin>: Bad file descriptor") when standard input
/// was closed at start; every reader of "-" calls it first.
void check_standard_input();

}  // namespace socred::io
