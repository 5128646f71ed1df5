// Reading one side: records, keys, and the checks that belong to each record.
#include "join/side.hpp"

#include <fmt/format.h>

#include "io/error.hpp"
#include "io/hash.hpp"
#include "io/raw_json.hpp"
#include "join/partition.hpp"

namespace socred::join {
namespace {

std::vector<io::Path> side_paths(const Spec& spec, bool right) {
  std::vector<io::Path> paths;
  for (const auto& k : spec.keys) paths.push_back(right ? k.right : k.left);
  return paths;
}

}  // namespace

void raise_order_error(const SideRecord& record) {
  if (!record.order_error.empty())
    throw Error(kExitData, record.order_error, *record.record.file, record.record.line);
}

Side::Side(std::unique_ptr<io::RecordReader> source, const Spec& spec, bool right, bool ordered,
           bool defer)
    : source_(std::move(source)),
      spec_(spec),
      keys_(side_paths(spec, right), spec.string_keys, ordered),
      ordered_(ordered),
      defer_(defer) {}

bool Side::next(SideRecord& out) {
  while (source_->next(out.record, out.storage)) {
    bytes_ += out.record.text.size() + 1;
    KeyState state = keys_.read(out.record.root, out.key);
    if (state == KeyState::kMissing && spec_.strict) {
      const io::Path& path = keys_.paths()[out.key.bad_part];
      source_->reject(out.record, io::field_column(out.record.text, path.front()),
                      fmt::format("key field {} is missing", io::path_text(path)));
      continue;
    }
    if (state != KeyState::kFound) {
      if (!spec_.partition.keeps_keyless()) continue;
      out.seq = seq_++;
      return true;
    }
    out.order_error.clear();
    if (ordered_) {
      // Checked before --partition drops anything, so that every run of a
      // partitioned join sees the same order errors.
      if (have_last_ && compare(out.key, last_) < 0) {
        out.order_error = fmt::format("not sorted: {} after {}", out.key.text, last_.text);
        if (!defer_) raise_order_error(out);
      }
      last_.text = out.key.text;
      last_.parts = out.key.parts;
      have_last_ = true;
    }
    out.hash = io::fnv1a64(out.key.text);
    if (!spec_.partition.keeps(out.hash)) continue;
    out.seq = seq_++;
    return true;
  }
  return false;
}

}  // namespace socred::join
