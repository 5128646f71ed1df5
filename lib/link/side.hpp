// One side of a linkage held in memory: for each record, its id, its
// prepared field values and its blocking keys. Only what comparisons need is
// kept, not the records themselves.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/hash.hpp"
#include "io/json_path.hpp"
#include "io/record_reader.hpp"
#include "link/block_key.hpp"
#include "link/comparison.hpp"
#include "link/field_value.hpp"

namespace socred::link {

struct Span {
  std::uint32_t offset = 0, length = 0;
};

struct Side {
  Arena arena;
  std::size_t size = 0;
  std::size_t width = 0;      // comparisons per record
  std::vector<Value> values;  // size x width, record by record
  // Blocking keys, record by record (size x rules), so that the checks of a
  // pair's other rules touch one cache line: the FNV-1a hash of each key (0:
  // the record has no key under that rule) and its text in the arena.
  std::size_t rules = 0;
  std::vector<std::uint64_t> key_hashes;
  std::vector<Span> key_texts;
  std::vector<Span> ids;                 // JSON text of each id
  std::vector<Span> truths;              // JSON text of the true identity; empty: none
  std::vector<std::uint64_t> unusable;   // per comparison: values compared as missing
  std::vector<std::uint64_t> not_a_day;  // of those, dates naming no day (1980-02-30)

  const Value& value(std::size_t record, std::size_t c) const { return values[record * width + c]; }
  std::string_view id(std::size_t record) const {
    return arena.view(ids[record].offset, ids[record].length);
  }
  std::string_view truth(std::size_t record) const {
    return truths.empty() ? std::string_view()
                          : arena.view(truths[record].offset, truths[record].length);
  }
  std::uint64_t key_hash(std::size_t rule, std::size_t record) const {
    return key_hashes[record * rules + rule];
  }
  std::string_view key_text(std::size_t rule, std::size_t record) const {
    const Span& s = key_texts[record * rules + rule];
    return arena.view(s.offset, s.length);
  }
  /// Both records have a key under `rule`, and it is the same.
  bool same_key(std::size_t rule, std::size_t record, const Side& other,
                std::size_t other_record) const {
    const std::uint64_t h = key_hash(rule, record);
    return h != 0 && h == other.key_hash(rule, other_record) &&
           key_text(rule, record) == other.key_text(rule, other_record);
  }
};

struct LoadSpec {
  const std::vector<Comparison>* comparisons = nullptr;
  const std::vector<BlockingRule>* rules = nullptr;
  std::optional<io::Path> id;     // none: records are named by their number
  std::optional<io::Path> truth;  // for evaluation
  bool right = false;             // use the right-hand field names
  bool strict = false;            // missing or unusable values are bad lines
};

/// Reads every record of `reader` into `side`. A record without its id is a
/// bad line (it could not be named in the output); under `strict` so is a
/// missing or unusable compared value.
void load_side(io::RecordReader& reader, const LoadSpec& spec, Side& side);

/// A key's hash: FNV-1a 64, never 0 (0 marks "no key").
inline std::uint64_t key_hash_of(std::string_view key) {
  std::uint64_t h = io::fnv1a64(key);
  return h == 0 ? 1 : h;
}

}  // namespace socred::link
