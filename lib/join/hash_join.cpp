// The in-memory hash join.
#include "join/hash_join.hpp"

#include <algorithm>
#include <exception>
#include <vector>

#include "io/error.hpp"
#include "join/grace_join.hpp"

namespace socred::join {
namespace {

constexpr std::size_t kBatch = 16;

}  // namespace

std::size_t table_chunk(std::uint64_t memory) {
  return static_cast<std::size_t>(std::clamp<std::uint64_t>(memory / 16, 4096, 1 << 20));
}

void write_lines(io::JsonlWriter& out, std::string_view lines) {
  if (lines.empty()) return;
  out.write_raw_line(lines.substr(0, lines.size() - 1));  // it adds the newline back
}

void probe_left(const Spec& spec, Table& table, Assembler& assembler, const io::Record& left,
                bool keyed, std::string_view key, std::uint64_t hash, LineSink& out, bool parsed) {
  assembler.begin_left(left, parsed);
  Table::Entry* e = keyed ? table.find(key, hash) : nullptr;
  if (e == nullptr) {
    if (spec.left_unpaired) assembler.left_unpaired(out);
    return;
  }
  for (; e != nullptr; e = e->next) {
    e->mark();
    if (spec.pairs) assembler.pair(e->payload_text(), out);
  }
}

bool build_table(const Spec& spec, Side& right, Assembler& assembler, Table& table) {
  SideRecord r;
  std::string payload;
  while (right.next(r)) {
    if (!r.keyed() && !spec.right_unpaired) continue;  // it could only come out unpaired
    payload.clear();
    assembler.right_payload(r.record, payload);
    if (r.keyed()) {
      table.add(r.seq, r.key.text, r.hash, payload);
    } else {
      table.add_keyless(r.seq, payload);
    }
    if (table.bytes() > spec.memory) return false;
  }
  return true;
}

void probe_side(const Spec& spec, Table& table, Assembler& assembler, Side& left, LineSink& sink) {
  // The left side in batches: the table is far larger than the caches, and
  // a lookup's two cache misses (slot, entry) cost more than parsing the
  // line; fetching a batch's slots, then its entries, overlaps them.
  std::vector<SideRecord> batch(kBatch);
  for (;;) {
    std::size_t n = 0;
    std::exception_ptr stop;  // a bad line: the records before it still come out
    try {
      while (n < kBatch && left.next(batch[n])) {
        if (batch[n].keyed()) table.prefetch(batch[n].hash);
        ++n;
      }
    } catch (const Error&) {
      stop = std::current_exception();
    }
    if (n == 0 && !stop) break;
    for (std::size_t i = 0; i < n; ++i)
      if (batch[i].keyed()) table.prefetch_entry(batch[i].hash);
    for (std::size_t i = 0; i < n; ++i) {
      const SideRecord& l = batch[i];
      probe_left(spec, table, assembler, l.record, l.keyed(), l.key.text, l.hash, sink);
    }
    if (stop) std::rethrow_exception(stop);
  }
}

void right_unpaired(const Spec& spec, const Table& table, Assembler& assembler, LineSink& sink) {
  if (!spec.right_unpaired) return;
  for (const Table::Entry* entry : table.entries())
    if (!entry->matched) assembler.right_unpaired(entry->payload_text(), sink);
}

void hash_join(const Spec& spec, Side& left, Side& right, Assembler& assembler,
               io::JsonlWriter& out, JoinStats& stats) {
  Table table(table_chunk(spec.memory));
  if (!build_table(spec, right, assembler, table)) {
    grace_join(spec, left, right, table, assembler, out, stats);
    return;
  }
  stats.peak_table = table.bytes();
  LineSink sink(out);
  probe_side(spec, table, assembler, left, sink);
  right_unpaired(spec, table, assembler, sink);
}

}  // namespace socred::join
