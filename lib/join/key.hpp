// Join keys: the fields named by --on, and the canonical JSON text of their
// values, which decides equality, hashing, partitions and messages; plus the
// order that --sorted expects.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "io/json_path.hpp"

namespace socred::join {

/// One key component: the left record's path and the right record's path.
struct KeyField {
  io::Path left;
  io::Path right;
};

/// Parses --on values: `a`, `a,b`, `left=right`, nested paths `who.id`,
/// brackets for names with dots or commas `["a.b"]`. Usage error (2) on bad
/// text.
std::vector<KeyField> parse_on(const std::vector<std::string>& specs);

enum class KeyState { kFound, kMissing, kNull };

/// A key component's value as --sorted orders it: jq's order of types
/// (false < true < numbers < strings < arrays < objects), numbers by value,
/// strings by their bytes, arrays and objects by their canonical text.
struct KeyPart {
  enum Kind : std::uint8_t { kFalse, kTrue, kNumber, kString, kArray, kObject };
  enum Num : std::uint8_t { kInt, kUint, kDouble };
  Kind kind = kFalse;
  Num num = kInt;
  std::int64_t i = 0;
  std::uint64_t u = 0;
  double d = 0;
  std::string text;  // strings: the bytes; arrays, objects: canonical text
};

struct Key {
  KeyState state = KeyState::kMissing;
  std::size_t bad_part = 0;    // the component that was missing or null
  std::string text;            // canonical JSON text; several keys: `[a,b]`
  std::vector<KeyPart> parts;  // filled only when ordering is wanted
};

class KeyReader {
 public:
  /// `string_keys`: numbers become strings of their canonical text, so 1
  /// and "1" match. `want_parts`: fill Key::parts (for --sorted).
  KeyReader(std::vector<io::Path> paths, bool string_keys, bool want_parts);

  /// Reads the key of `root` into `key` (reusing its buffers).
  KeyState read(simdjson::dom::object root, Key& key) const;

  const std::vector<io::Path>& paths() const { return paths_; }

 private:
  void append(simdjson::dom::element value, Key& key) const;

  std::vector<io::Path> paths_;
  bool string_keys_;
  bool want_parts_;
};

/// <0, 0, >0 as `a` sorts before, with, after `b` (both found).
int compare(const Key& a, const Key& b);

/// Appends the canonical compact text of `value`: integral numbers in the
/// 64-bit range as integers (1.0 is 1), others in their shortest round-trip
/// form, strings escaped as io::append_json_string does, objects with their keys in order.
void append_canonical(std::string& out, simdjson::dom::element value);

}  // namespace socred::join
