// --sorted: a merge join of two inputs sorted by key, in memory that holds
// one right key's records at a time, whatever the inputs' length. Order is
// checked as the records arrive (Side); output comes in merge order, as
// join(1)'s: unpaired right records among the left ones, by key.
#pragma once

#include "io/jsonl_writer.hpp"
#include "join/assemble.hpp"
#include "join/options.hpp"
#include "join/side.hpp"

namespace socred::join {

void merge_join(const Spec& spec, Side& left, Side& right, Assembler& assembler,
                io::JsonlWriter& out);

}  // namespace socred::join
