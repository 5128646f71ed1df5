// The grace hash join: when the right side outgrows --memory, both sides are
// split by key hash into temporary partitions that each fit, joined one
// partition at a time, and the results put back into the in-memory join's
// exact order (left order, then unpaired right records in right order).
#pragma once

#include "io/jsonl_writer.hpp"
#include "join/assemble.hpp"
#include "join/hash_join.hpp"
#include "join/options.hpp"
#include "join/side.hpp"
#include "join/table.hpp"

namespace socred::join {

/// Continues a hash join whose `table` (the right records read so far)
/// outgrew spec.memory; `right` holds the rest of the right side.
void grace_join(const Spec& spec, Side& left, Side& right, Table& table, Assembler& assembler,
                io::JsonlWriter& out, JoinStats& stats);

}  // namespace socred::join
