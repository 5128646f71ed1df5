// The in-memory hash join.
#include "join/hash_join.hpp"

#include <algorithm>

#include "join/grace_join.hpp"

namespace socred::join {

std::size_t table_chunk(std::uint64_t memory) {
  return static_cast<std::size_t>(std::clamp<std::uint64_t>(memory / 16, 4096, 1 << 20));
}

void write_lines(io::JsonlWriter& out, std::string_view lines) {
  if (lines.empty()) return;
  out.write_raw_line(lines.substr(0, lines.size() - 1));  // it adds the newline back
}

void probe_left(const Spec& spec, Table& table, Assembler& assembler, const io::Record& left,
                bool keyed, std::string_view key, std::uint64_t hash, std::string& out) {
  assembler.begin_left(left);
  std::uint32_t e = keyed ? table.find(key, hash) : Table::kNone;
  if (e == Table::kNone) {
    if (spec.left_unpaired) assembler.left_unpaired(out);
    return;
  }
  for (; e != Table::kNone; e = table.entry(e).next) {
    Table::Entry& entry = table.entry(e);
    entry.matched = true;
    if (spec.pairs) assembler.pair(entry.payload_text(), out);
  }
}

void hash_join(const Spec& spec, Side& left, Side& right, Assembler& assembler,
               io::JsonlWriter& out, JoinStats& stats) {
  Table table(table_chunk(spec.memory));
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
    if (table.bytes() > spec.memory) {
      grace_join(spec, left, right, table, assembler, out, stats);
      return;
    }
  }
  stats.peak_table = table.bytes();

  SideRecord l;
  std::string lines;
  while (left.next(l)) {
    lines.clear();
    probe_left(spec, table, assembler, l.record, l.keyed(), l.key.text, l.hash, lines);
    write_lines(out, lines);
  }
  if (!spec.right_unpaired) return;
  for (const Table::Entry& entry : table.entries()) {
    if (entry.matched) continue;
    lines.clear();
    assembler.right_unpaired(entry.payload_text(), lines);
    write_lines(out, lines);
  }
}

}  // namespace socred::join
