// One side of a join as a stream of records with their keys: --strict
// rejects a record without its key, --partition drops other partitions'
// keys, --sorted checks the order as records arrive.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "io/record_reader.hpp"
#include "join/key.hpp"
#include "join/options.hpp"

namespace socred::join {

struct SideRecord {
  io::RecordStorage storage;  // the record lives here until this is reused
  io::Record record;
  Key key;
  std::uint64_t hash = 0;  // FNV-1a 64 of key.text, when the key was found
  std::uint64_t seq = 0;   // 0, 1, 2... over the records this side returns
  /// With deferred order checks: why this record is out of order, or empty.
  std::string order_error;
  bool keyed() const { return key.state == KeyState::kFound; }
};

/// Throws the order error noted in `record`, if any (status 65).
void raise_order_error(const SideRecord& record);

class Side {
 public:
  /// `right`: which paths of spec.keys to read. `ordered`: check that keys
  /// never decrease (--sorted); a record out of order is an error at once,
  /// or, when `defer` is set, noted in SideRecord::order_error for the
  /// caller to raise when it reaches the record (see raise_order_error).
  Side(std::unique_ptr<io::RecordReader> source, const Spec& spec, bool right, bool ordered,
       bool defer = false);

  /// The next record this run uses; false at the end.
  bool next(SideRecord& out);
  /// Raw bytes of the lines read so far (for the grace join's estimate).
  std::uint64_t bytes_read() const { return bytes_; }

 private:
  std::unique_ptr<io::RecordReader> source_;
  const Spec& spec_;
  KeyReader keys_;
  bool ordered_;
  bool defer_;
  bool have_last_ = false;
  Key last_;
  std::uint64_t seq_ = 0;
  std::uint64_t bytes_ = 0;
};

}  // namespace socred::join
