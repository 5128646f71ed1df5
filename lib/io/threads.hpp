// How many threads a tool uses when --threads is not given: the processors
// this process may run on (its affinity mask, as taskset and cgroup cpusets
// set it), not every processor the machine has.
#pragma once

namespace socred::io {

/// The number of processors this process may run on; at least 1.
unsigned default_threads();

/// `asked` when it is given (above 0), default_threads() otherwise.
inline unsigned threads_or_default(unsigned asked) { return asked > 0 ? asked : default_threads(); }

}  // namespace socred::io
