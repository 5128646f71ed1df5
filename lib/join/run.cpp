// Wiring: options checked, both inputs opened (a missing one fails before any
// output), then the merge, hash or grace join.
#include "join/run.hpp"

#include <fmt/format.h>

#include "join/assemble.hpp"
#include "join/hash_join.hpp"
#include "join/merge_join.hpp"
#include "join/side.hpp"

namespace socred::join {

int run(const Options& options, io::Context& ctx) {
  const Spec spec = resolve(options, ctx.io);
  auto right_reader = std::make_unique<io::RecordReader>(std::vector<std::string>{spec.right_path},
                                                         ctx.rejects, ctx.stats);
  auto left_reader = std::make_unique<io::RecordReader>(ctx.io.inputs, ctx.rejects, ctx.stats);
  Side right(std::move(right_reader), spec, true, spec.sorted, true);
  Side left(std::move(left_reader), spec, false, spec.sorted);
  Assembler assembler(spec);
  JoinStats stats;
  if (spec.sorted) {
    merge_join(spec, left, right, assembler, ctx.out);
  } else {
    hash_join(spec, left, right, assembler, ctx.out, stats);
  }
  if (spec.stats && stats.grace) {
    ctx.diag.note(fmt::format(
        "grace join: {} temporary partitions in {}, {} bytes spilled, largest table {} bytes "
        "(limit {}), over the limit: {}",
        stats.partitions, spec.tmpdir, stats.spilled_bytes, stats.peak_table, spec.memory,
        stats.oversized));
  }
  return 0;
}

}  // namespace socred::join
