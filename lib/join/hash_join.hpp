// The default join: the right side in a hash table, the left side streamed
// past it; output in left order, then the unpaired right records in right
// order. When the table outgrows --memory, the grace join takes over.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "io/jsonl_writer.hpp"
#include "join/assemble.hpp"
#include "join/options.hpp"
#include "join/side.hpp"
#include "join/table.hpp"

namespace socred::join {

/// What a run did beyond the line counts (printed with --stats).
struct JoinStats {
  bool grace = false;
  std::uint64_t partitions = 0;
  std::uint64_t spilled_bytes = 0;
  std::uint64_t oversized = 0;  // partitions that still exceeded --memory
  std::uint64_t peak_table = 0;
};

void hash_join(const Spec& spec, Side& left, Side& right, Assembler& assembler,
               io::JsonlWriter& out, JoinStats& stats);

/// Reads the right side into `table`; false as soon as it outgrows
/// spec.memory (the grace join then takes the table and the rest of `right`).
bool build_table(const Spec& spec, Side& right, Assembler& assembler, Table& table);

/// Every left record of `left` probed against the finished `table`.
void probe_side(const Spec& spec, Table& table, Assembler& assembler, Side& left, LineSink& sink);

/// The right records no left record paired with, in right order, when the
/// join wants them (after every left record has been probed).
void right_unpaired(const Spec& spec, const Table& table, Assembler& assembler, LineSink& sink);

/// Writes the output lines of one left record (`key`/`hash` used when
/// `keyed`) matched against `table`, marking the entries it pairs with.
void probe_left(const Spec& spec, Table& table, Assembler& assembler, const io::Record& left,
                bool keyed, std::string_view key, std::uint64_t hash, LineSink& out,
                bool parsed = true);

/// The table's arena chunk for a --memory limit.
std::size_t table_chunk(std::uint64_t memory);

/// Writes `lines` (whole lines, each ending in a newline) to `out`.
void write_lines(io::JsonlWriter& out, std::string_view lines);

}  // namespace socred::join
