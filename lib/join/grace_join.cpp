// Grace hash join. Every record carries its sequence number through the
// temporary files, and each partition's output is kept tagged with it, so a
// final merge by sequence number restores the in-memory join's order: the
// result is byte-identical whatever the number of partitions.
#include "join/grace_join.hpp"

#include <sys/resource.h>
#include <sys/stat.h>

#include <algorithm>
#include <memory>
#include <queue>
#include <vector>

#include "io/hash.hpp"
#include "io/record_reader.hpp"
#include "join/spill.hpp"

namespace socred::join {
namespace {

// Partitions by other bits than the table's index and --partition use
// (murmur3's finaliser mixes every bit of the hash into the top ones).
std::size_t partition_of(std::uint64_t hash, std::size_t count) {
  hash ^= hash >> 33;
  hash *= 0xff51afd7ed558ccdULL;
  hash ^= hash >> 33;
  hash *= 0xc4ceb9fe1a85ec53ULL;
  hash ^= hash >> 33;
  return static_cast<std::size_t>((hash >> 32) % count);
}

// How many descriptors we may hold: two files per partition are open at once.
std::size_t max_partitions() {
  struct rlimit rl;
  if (::getrlimit(RLIMIT_NOFILE, &rl) != 0) return 64;
  if (rl.rlim_cur < rl.rlim_max) {
    rl.rlim_cur = rl.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &rl);
    ::getrlimit(RLIMIT_NOFILE, &rl);
  }
  std::uint64_t fds = rl.rlim_cur == RLIM_INFINITY ? 8192 : rl.rlim_cur;
  return static_cast<std::size_t>(std::clamp<std::uint64_t>((fds - 64) / 2, 2, 4096));
}

// Partitions enough that each one's table takes about half of --memory. The
// right file's size tells how much is still to come; a pipe does not, and
// gets a fixed 64.
std::size_t choose_partitions(const Spec& spec, const Table& table, const Side& right) {
  double estimate = 0;
  struct stat st;
  if (right.bytes_read() > 0 && ::stat(spec.right_path.c_str(), &st) == 0 && S_ISREG(st.st_mode))
    estimate = static_cast<double>(table.bytes()) * static_cast<double>(st.st_size) /
               static_cast<double>(right.bytes_read());
  std::size_t count = 64;
  if (estimate > 0)
    count = static_cast<std::size_t>(estimate * 2 / static_cast<double>(spec.memory)) + 1;
  return std::clamp<std::size_t>(count, 2, max_partitions());
}

void put_right(SpillFile& file, std::uint64_t seq, std::uint64_t hash, bool keyless,
               std::string_view key, std::string_view payload) {
  file.put_u64(seq);
  file.put_u64(hash);
  std::uint8_t flag = keyless ? 1 : 0;
  file.put(&flag, 1);
  file.put_u32(static_cast<std::uint32_t>(key.size()));
  file.put_u32(static_cast<std::uint32_t>(payload.size()));
  file.put(key.data(), key.size());
  file.put(payload.data(), payload.size());
}

constexpr std::uint8_t kKeyed = 1, kTextOnly = 2;
constexpr std::size_t kBatch = 16;

// A left line read back from its partition, parsed again only when output
// needs more than its text.
struct SpilledLeft {
  std::uint64_t seq = 0;
  bool keyed = false;
  bool parsed = false;
  std::string key;
  std::uint64_t hash = 0;
  io::RecordStorage storage;  // the line and its parser
  io::Record record;

  bool read(SpillReader& reader, const std::string& name) {
    std::uint8_t flags = 0;
    std::uint32_t key_len = 0, len = 0;
    if (!reader.get_u64(seq)) return false;
    reader.get(&flags, 1);
    reader.get_u32(key_len);
    reader.get_u32(len);
    reader.get_bytes(key_len, key);
    std::string& text = storage.text;
    if (text.capacity() < len + io::kLinePadding) text.reserve(len + io::kLinePadding);
    reader.get_bytes(len, text);
    keyed = (flags & kKeyed) != 0;
    hash = keyed ? io::fnv1a64(key) : 0;
    parsed = (flags & kTextOnly) == 0;
    record = io::Record{};
    record.text = text;
    record.file = &name;
    if (parsed) {
      io::Diagnosis why;
      storage.parser.parse(io::Line{text, 0}, record.root, why);  // it was valid when first read
    }
    return true;
  }
};

void put_tagged(SpillFile& file, std::uint64_t seq, std::string_view bytes) {
  file.put_u64(seq);
  file.put_u32(static_cast<std::uint32_t>(bytes.size()));
  file.put(bytes.data(), bytes.size());
}

// One partition's tagged output lines, read back in sequence order.
struct Segment {
  std::unique_ptr<SpillReader> reader;
  std::uint64_t seq = 0;
  std::string bytes;
  bool advance() {
    std::uint32_t len = 0;
    if (!reader->get_u64(seq)) return false;
    reader->get_u32(len);
    reader->get_bytes(len, bytes);
    return true;
  }
};

// Merges the segments [begin, end) of `file` by sequence number into `out`.
void merge_segments(const SpillFile& file, const std::vector<std::uint64_t>& bounds,
                    std::size_t buffer, io::JsonlWriter& out) {
  std::vector<Segment> segments(bounds.size() - 1);
  auto later = [&](std::size_t a, std::size_t b) { return segments[a].seq > segments[b].seq; };
  std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> heap(later);
  for (std::size_t i = 0; i + 1 < bounds.size(); ++i) {
    segments[i].reader = std::make_unique<SpillReader>(file, bounds[i], bounds[i + 1], buffer);
    if (segments[i].advance()) heap.push(i);
  }
  while (!heap.empty()) {
    std::size_t i = heap.top();
    heap.pop();
    write_lines(out, segments[i].bytes);
    if (segments[i].advance()) heap.push(i);
  }
}

}  // namespace

void grace_join(const Spec& spec, Side& left, Side& right, Table& table, Assembler& assembler,
                io::JsonlWriter& out, JoinStats& stats) {
  const std::size_t count = choose_partitions(spec, table, right);
  // Buffers come out of the same budget: about a quarter of it in all.
  const std::size_t buffer = std::clamp<std::size_t>(
      static_cast<std::size_t>(spec.memory / (8 * count)), 4096, 256 * 1024);
  stats.grace = true;
  stats.partitions = count;

  // 1. The right side: what the table holds, then the rest of the stream.
  std::vector<std::unique_ptr<SpillFile>> rights, lefts;
  for (std::size_t p = 0; p < count; ++p)
    rights.push_back(std::make_unique<SpillFile>(spec.tmpdir, buffer));
  auto right_part = [&](bool keyless, std::uint64_t hash) -> SpillFile& {
    return *rights[keyless ? 0 : partition_of(hash, count)];
  };
  for (const Table::Entry* e : table.entries())
    put_right(right_part(e->keyless, e->hash), e->seq, e->hash, e->keyless, e->key_text(),
              e->payload_text());
  // The table that outgrew --memory is not one that is joined: the peak
  // (and "over the limit") are the partitions' tables.
  stats.peak_table = 0;
  table.clear();
  SideRecord r;
  std::string payload;
  while (right.next(r)) {
    if (!r.keyed() && !spec.right_unpaired) continue;
    payload.clear();
    assembler.right_payload(r.record, payload);
    put_right(right_part(!r.keyed(), r.hash), r.seq, r.hash, !r.keyed(), r.key.text, payload);
  }

  // 2. The left side, each line with its sequence number.
  for (std::size_t p = 0; p < count; ++p)
    lefts.push_back(std::make_unique<SpillFile>(spec.tmpdir, buffer));
  // Each line goes with its key and whether output needs it parsed again.
  SideRecord l;
  while (left.next(l)) {
    if (!l.keyed() && !spec.left_unpaired) continue;
    SpillFile& file = *lefts[l.keyed() ? partition_of(l.hash, count) : 0];
    std::uint8_t flags = (l.keyed() ? kKeyed : 0) | (assembler.text_only(l.record) ? kTextOnly : 0);
    file.put_u64(l.seq);
    file.put(&flags, 1);
    std::string_view key = l.keyed() ? std::string_view(l.key.text) : std::string_view();
    file.put_u32(static_cast<std::uint32_t>(key.size()));
    file.put_u32(static_cast<std::uint32_t>(l.record.text.size()));
    file.put(key.data(), key.size());
    file.put(l.record.text.data(), l.record.text.size());
  }
  for (std::size_t p = 0; p < count; ++p) {
    rights[p]->flush();
    lefts[p]->flush();
    stats.spilled_bytes += rights[p]->size() + lefts[p]->size();
  }

  // 3. Each partition joined in memory; output kept tagged, in two files:
  // lines by left sequence number, unpaired right records by right one.
  SpillFile joined(spec.tmpdir, 256 * 1024), unpaired(spec.tmpdir, 256 * 1024);
  std::vector<std::uint64_t> joined_bounds{0}, unpaired_bounds{0};
  const std::string spill_name = "<temporary>";
  std::string key_bytes, lines;
  LineSink sink(lines);
  std::vector<SpilledLeft> batch(kBatch);
  for (std::size_t p = 0; p < count; ++p) {
    {
      SpillReader reader(*rights[p], 0, rights[p]->size(), buffer);
      std::uint64_t seq = 0, hash = 0;
      while (reader.get_u64(seq)) {
        std::uint8_t flag = 0;
        std::uint32_t key_len = 0, payload_len = 0;
        reader.get_u64(hash);
        reader.get(&flag, 1);
        reader.get_u32(key_len);
        reader.get_u32(payload_len);
        reader.get_bytes(key_len, key_bytes);
        reader.get_bytes(payload_len, payload);
        if (flag != 0) {
          table.add_keyless(seq, payload);
        } else {
          table.add(seq, key_bytes, hash, payload);
        }
      }
    }
    rights[p].reset();
    // One key can hold more than --memory by itself; such a partition is
    // joined anyway, and --stats says so.
    if (table.bytes() > spec.memory) ++stats.oversized;
    stats.peak_table = std::max(stats.peak_table, table.bytes());

    // The partition's left lines in batches, their slots and entries
    // fetched ahead, as in the in-memory join.
    SpillReader reader(*lefts[p], 0, lefts[p]->size(), buffer);
    for (;;) {
      std::size_t n = 0;
      while (n < kBatch && batch[n].read(reader, spill_name)) {
        if (batch[n].keyed) table.prefetch(batch[n].hash);
        ++n;
      }
      if (n == 0) break;
      for (std::size_t i = 0; i < n; ++i)
        if (batch[i].keyed) table.prefetch_entry(batch[i].hash);
      for (std::size_t i = 0; i < n; ++i) {
        SpilledLeft& b = batch[i];
        lines.clear();
        probe_left(spec, table, assembler, b.record, b.keyed, b.key, b.hash, sink, b.parsed);
        if (!lines.empty()) put_tagged(joined, b.seq, lines);
      }
    }
    lefts[p].reset();
    if (spec.right_unpaired) {
      for (const Table::Entry* e : table.entries()) {
        if (e->matched) continue;
        lines.clear();
        assembler.right_unpaired(e->payload_text(), sink);
        put_tagged(unpaired, e->seq, lines);
      }
    }
    table.clear();
    joined_bounds.push_back(joined.size());
    unpaired_bounds.push_back(unpaired.size());
  }
  joined.flush();
  unpaired.flush();
  stats.spilled_bytes += joined.size() + unpaired.size();

  // 4. Back into order.
  merge_segments(joined, joined_bounds, buffer, out);
  merge_segments(unpaired, unpaired_bounds, buffer, out);
}

}  // namespace socred::join
