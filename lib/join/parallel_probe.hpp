// The in-memory join's left side on several threads: the left input cut into
// chunks at line boundaries, each chunk probed against the finished table by
// one thread into its own buffer, the buffers written in input order, so the
// output is byte for byte that of one thread.
#pragma once

#include "io/chunked_read.hpp"
#include "io/jsonl_writer.hpp"
#include "join/assemble.hpp"
#include "join/options.hpp"
#include "join/table.hpp"

namespace socred::join {

/// Probes every chunk of `read` against `table` on `threads` threads and
/// writes the lines in input order; then settles the chunks' counts and bad
/// lines into `stats` (throwing the first bad line's error under --on-error
/// stop, after the lines before it). Each thread assembles with its own copy
/// of `assembler`, which must have prepared the table's payloads.
void probe_chunks(const Spec& spec, io::ChunkedRead& read, Table& table, const Assembler& assembler,
                  unsigned threads, io::JsonlWriter& out, io::LineStats& stats);

/// Bytes of left input per chunk: large enough that opening a chunk costs
/// nothing beside probing it, small enough that the chunks a window of
/// threads holds in memory stay a few MiB each.
constexpr std::uint64_t kProbeChunkBytes = std::uint64_t{1} << 20;

}  // namespace socred::join
