// Group-by on any dotted path (`--by who.city`): one tally per distinct
// value of the path, so memory grows with the groups, never with the lines.
#pragma once

#include <simdjson.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "io/json_path.hpp"
#include "report/tally.hpp"

namespace socred::report {

/// What the report calls the records that lack the --by field.
inline constexpr const char* kMissingGroup = "(missing)";

template <class Tally>
struct GroupRef {
  std::string label;  // the value's text (strings as they are, others as JSON)
  bool missing = false;
  const Tally* tally = nullptr;
};

template <class Tally>
class Grouped {
 public:
  /// Without a path every record lands in one group (the total).
  explicit Grouped(std::optional<io::Path> by) : by_(std::move(by)) {}

  /// Adds a record to its group; nothing changes when the record is refused.
  std::optional<Problem> add(const io::Record& record, const Settings& settings) {
    if (!by_) return groups_[std::string()].add(record, settings);
    auto value = io::lookup(record.root, *by_);
    if (!value) {
      if (settings.strict)
        return Problem{"", "missing field \"" + io::path_text(*by_) + "\" (--by)"};
      if (!missing_) {
        Tally fresh;
        if (auto p = fresh.add(record, settings)) return p;
        missing_ = std::move(fresh);
        return std::nullopt;
      }
      return missing_->add(record, settings);
    }
    std::string_view text;
    std::string other;
    if (value->get_string().get(text) != simdjson::SUCCESS) {
      other = value_text(*value);
      text = other;
    }
    auto it = groups_.find(text);
    if (it != groups_.end()) return it->second.add(record, settings);
    // A new group is kept only once its first record is accepted.
    Tally fresh;
    if (auto p = fresh.add(record, settings)) return p;
    groups_.emplace(std::string(text), std::move(fresh));
    return std::nullopt;
  }

  bool grouped() const { return by_.has_value(); }
  const std::optional<io::Path>& by() const { return by_; }

  /// Groups in byte order of their value, the missing group last.
  std::vector<GroupRef<Tally>> list() const {
    std::vector<GroupRef<Tally>> out;
    for (const auto& [label, tally] : groups_) out.push_back({label, false, &tally});
    if (missing_) out.push_back({kMissingGroup, true, &*missing_});
    return out;
  }

  Tally total() const {
    Tally sum;
    for (const auto& [label, tally] : groups_) sum.merge(tally);
    if (missing_) sum.merge(*missing_);
    return sum;
  }

 private:
  std::optional<io::Path> by_;
  std::map<std::string, Tally, std::less<>> groups_;
  std::optional<Tally> missing_;
};

}  // namespace socred::report
