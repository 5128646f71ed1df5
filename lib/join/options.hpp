// join-records' options as the command line gives them, and the checked,
// resolved form (Spec) that the join code reads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "io/context.hpp"
#include "join/key.hpp"
#include "join/partition.hpp"

namespace socred::join {

/// What main() binds to CLI11; defaults live here.
struct Options {
  std::string right;                      // --right FILE
  std::vector<std::string> on;            // --on KEY[,KEY] or LEFT=RIGHT
  std::string how = "inner";              // --how
  std::string as;                         // --as NAME: nest the right record
  std::string prefix;                     // --prefix P: merge, right fields renamed P+name
  std::vector<std::string> left_fields;   // --left-fields: keep only these
  std::vector<std::string> right_fields;  // --right-fields
  bool sorted = false;                    // --sorted: merge join
  std::string memory;                     // --memory LIMIT (default: half of RAM)
  std::string tmpdir;                     // --tmpdir (default: $TMPDIR or /tmp)
  std::string partition;                  // --partition i/N
  bool string_keys = false;               // --string-keys: 1 matches "1"
  unsigned threads = 0;                   // --threads N (0: every core)
};

/// The values --how accepts, for CLI11's check and the help text.
std::vector<std::string> how_names();

enum class Shape { kMerge, kNest };

struct Spec {
  std::string right_path;
  std::vector<KeyField> keys;
  bool pairs = true;            // emit matched pairs
  bool left_unpaired = false;   // emit left records without a partner
  bool right_unpaired = false;  // emit right records without a partner
  /// No pairs wanted (anti, right-anti, unpaired): records come out as read.
  bool as_read() const { return !pairs; }
  Shape shape = Shape::kMerge;
  std::string nest_name;
  std::string prefix;
  std::vector<std::string> left_fields;
  std::vector<std::string> right_fields;
  bool sorted = false;
  std::uint64_t memory = 0;  // bytes the right side's table may take
  std::string tmpdir;
  Partition partition;
  bool string_keys = false;
  unsigned threads = 1;  // resolved: at least 1
  bool strict = false;
  bool stats = false;
};

/// Checks the options and resolves defaults; usage errors are status 2.
Spec resolve(const Options& options, const io::InputOptions& io);

/// "512M", "1G", "100K", "4096": bytes (K, M, G, T are powers of 1024).
std::uint64_t parse_size(std::string_view text);

}  // namespace socred::join
