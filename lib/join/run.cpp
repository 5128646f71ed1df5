// Wiring: options checked, both inputs opened (a missing one fails before any
// output), then the merge, hash or grace join.
#include "join/run.hpp"

#include <fmt/format.h>

#include "io/chunked_input.hpp"
#include "io/chunked_read.hpp"
#include "join/assemble.hpp"
#include "join/grace_join.hpp"
#include "join/hash_join.hpp"
#include "join/merge_join.hpp"
#include "join/parallel_probe.hpp"
#include "join/side.hpp"

namespace socred::join {

namespace {

// The hash join with the left side on threads once the table is built; the
// grace join (the table outgrew --memory) reads the left side on one.
void threaded_hash_join(const Spec& spec, const io::ChunkedInput& left_input, Side& right,
                        io::Context& ctx, JoinStats& stats) {
  Assembler assembler(spec);
  Table table(table_chunk(spec.memory));
  if (!build_table(spec, right, assembler, table)) {
    Side left(left_input.sequential(ctx.rejects, ctx.stats), spec, false, false);
    grace_join(spec, left, right, table, assembler, ctx.out, stats);
    return;
  }
  stats.peak_table = table.bytes();
  io::ChunkedRead read(left_input, left_input.plan(UINT32_MAX, kProbeChunkBytes), ctx.rejects);
  probe_chunks(spec, read, table, assembler, spec.threads, ctx.out, ctx.stats);
  LineSink sink(ctx.out);
  right_unpaired(spec, table, assembler, sink);
}

}  // namespace

int run(const Options& options, io::Context& ctx) {
  const Spec spec = resolve(options, ctx.io);
  // Both sides are opened before any output, so a missing one fails first.
  auto right_reader = std::make_unique<io::RecordReader>(std::vector<std::string>{spec.right_path},
                                                         ctx.rejects, ctx.stats);
  Side right(std::move(right_reader), spec, true, spec.sorted, true);
  JoinStats stats;
  if (!spec.sorted && spec.threads > 1) {
    io::ChunkedInput left_input(ctx.io.inputs, false);
    threaded_hash_join(spec, left_input, right, ctx, stats);
  } else {
    auto left_reader = std::make_unique<io::RecordReader>(ctx.io.inputs, ctx.rejects, ctx.stats);
    Side left(std::move(left_reader), spec, false, spec.sorted);
    Assembler assembler(spec);
    if (spec.sorted) {
      merge_join(spec, left, right, assembler, ctx.out);
    } else {
      hash_join(spec, left, right, assembler, ctx.out, stats);
    }
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
