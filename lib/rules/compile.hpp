// What a Program holds inside: the parsed conditions, and what compiling
// them adds: a slot per field path read, and the dispatch table on the
// field rules test for equality most often (usually `type`).
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/ast.hpp"
#include "rules/binder.hpp"
#include "rules/program.hpp"
#include "rules/source.hpp"

namespace socred::rules {

struct Program::Impl {
  Program::Kind kind = Program::Kind::rules;
  Source source;
  Milli base = 0;
  std::optional<Milli> min, max;
  bool has_base = false;

  std::vector<Rule> rules;
  std::vector<NodePtr> conditions;  // per rule
  std::vector<NodePtr> units;       // per rule; null unless per_unit

  std::vector<Service> services;
  std::vector<std::vector<NodePtr>> clause_conditions;  // per service, per clause

  // Set by compile():
  std::vector<io::Path> fields;
  std::vector<std::uint32_t> field_uses;  // conditions reading each field
  int ts_slot = -1;                       // rules: `ts`, always bound
  int dispatch_slot = -1;                 // -1: no dispatch, every rule is tried
  /// Candidates per dispatch value, sorted by value: the rules testing
  /// that value plus the rules that test none, in file order.
  std::vector<std::pair<std::string, std::vector<std::uint32_t>>> dispatch;
  std::vector<std::uint32_t> undispatched;  // a string value not in the table
  std::vector<std::uint32_t> all_rules;     // the field missing or not a string
  /// Per rule, the term of its condition the dispatch table already
  /// decided (`type == "post"`), which candidates from the table skip.
  std::vector<const Node*> dispatch_terms;

  /// Per dispatch entry, its value's key_head() (binder.hpp) and size.
  std::vector<std::pair<std::uint64_t, std::size_t>> dispatch_heads;

  /// The candidates for a dispatch value (no allocation). A few values (an
  /// event's `type`) are told apart by their first 8 bytes and size, not by
  /// string comparisons; many are searched in byte order.
  const std::vector<std::uint32_t>& candidates(std::string_view value) const {
    if (dispatch.size() <= 16) {
      const std::uint64_t head = key_head(value.data(), value.size());
      for (std::size_t i = 0; i < dispatch_heads.size(); ++i)
        if (dispatch_heads[i].first == head && dispatch_heads[i].second == value.size() &&
            (value.size() <= 8 ||
             std::memcmp(dispatch[i].first.data() + 8, value.data() + 8, value.size() - 8) == 0))
          return dispatch[i].second;
      return undispatched;
    }
    auto it = std::lower_bound(
        dispatch.begin(), dispatch.end(), value,
        [](const auto& entry, std::string_view v) { return std::string_view(entry.first) < v; });
    return it != dispatch.end() && it->first == value ? it->second : undispatched;
  }

  explicit Impl(Source src) : source(std::move(src)) {}
};

/// Assigns slots, checks what only the whole file can tell (conditions that
/// are not conditions, lists outside `in`), and builds the dispatch table.
void compile(Program::Impl& impl);

/// The slots of the fields a compiled expression reads, each once, in the
/// order they first appear (for warnings about fields no record had).
std::vector<int> slots_read(const Node& node);

}  // namespace socred::rules
