// The merge join. The right side is read one group (all records with one
// key) ahead of the left records that need it.
#include "join/merge_join.hpp"

#include <string>
#include <vector>

#include "join/hash_join.hpp"

namespace socred::join {
namespace {

class MergeJoin {
 public:
  MergeJoin(const Spec& spec, Side& right, Assembler& assembler, io::JsonlWriter& out)
      : spec_(spec), right_(right), assembler_(assembler), sink_(out) {
    fetch();
  }

  void left_record(const SideRecord& l) {
    assembler_.begin_left(l.record);
    if (!l.keyed()) {
      if (spec_.left_unpaired) assembler_.left_unpaired(sink_);
      return;
    }
    // Bring the group up to this key, letting smaller right keys go by.
    while (!(have_group_ && compare(group_key_, l.key) >= 0)) {
      flush_group();
      if (!have_pending_) break;
      load_group();
    }
    if (have_group_ && compare(group_key_, l.key) == 0) {
      for (std::size_t i = 0; i < group_size_; ++i) {
        matched_[i] = true;
        if (spec_.pairs) assembler_.pair(payloads_[i], sink_);
      }
    } else if (spec_.left_unpaired) {
      assembler_.left_unpaired(sink_);
    }
  }

  void finish() {
    flush_group();
    while (have_pending_) {
      load_group();
      flush_group();
    }
  }

 private:
  // The next keyed right record into pending_; keyless ones go straight out.
  void fetch() {
    have_pending_ = false;
    while (right_.next(pending_)) {
      if (pending_.keyed()) {
        have_pending_ = true;
        return;
      }
      // No key, no place in the key order: out as soon as read, which with
      // the one-record read-ahead can be just before the group it follows.
      if (!spec_.right_unpaired) continue;
      scratch_.clear();
      assembler_.right_payload(pending_.record, scratch_);
      assembler_.right_unpaired(scratch_, sink_);
    }
  }

  void load_group() {
    // The right side is read one record ahead; its order error is raised
    // when the merge reaches it, so that, as in join(1), a disorder on the
    // left that comes first in merge order is the one reported.
    raise_order_error(pending_);
    group_key_.text = pending_.key.text;
    group_key_.parts = pending_.key.parts;
    group_size_ = 0;
    do {
      if (group_size_ == payloads_.size()) {
        payloads_.emplace_back();
        matched_.push_back(false);
      }
      payloads_[group_size_].clear();
      assembler_.right_payload(pending_.record, payloads_[group_size_]);
      matched_[group_size_] = false;
      ++group_size_;
      fetch();
    } while (have_pending_ && pending_.order_error.empty() &&
             compare(pending_.key, group_key_) == 0);
    have_group_ = true;
  }

  void flush_group() {
    if (!have_group_) return;
    have_group_ = false;
    if (!spec_.right_unpaired) return;
    for (std::size_t i = 0; i < group_size_; ++i) {
      if (!matched_[i]) assembler_.right_unpaired(payloads_[i], sink_);
    }
  }

  const Spec& spec_;
  Side& right_;
  Assembler& assembler_;
  LineSink sink_;
  SideRecord pending_;
  bool have_pending_ = false;
  Key group_key_;
  bool have_group_ = false;
  std::vector<std::string> payloads_;  // reused: a group's records
  std::vector<bool> matched_;
  std::size_t group_size_ = 0;
  std::string scratch_;
};

}  // namespace

void merge_join(const Spec& spec, Side& left, Side& right, Assembler& assembler,
                io::JsonlWriter& out) {
  MergeJoin join(spec, right, assembler, out);
  SideRecord l;
  while (left.next(l)) join.left_record(l);
  join.finish();
}

}  // namespace socred::join
