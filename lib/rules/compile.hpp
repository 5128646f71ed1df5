// What a Program holds inside: the parsed conditions, and what compiling
// them adds: a slot per field path read, the binder trie that fills the
// slots in one walk of a record, and the dispatch table on the field rules
// test for equality most often (usually `type`).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "rules/ast.hpp"
#include "rules/program.hpp"
#include "rules/source.hpp"

namespace socred::rules {

/// One level of field names; a record's object is walked against it.
struct BindNode {
  std::string name;
  int slot = -1;                  // this path's slot, if read
  std::vector<BindNode> kids;     // nested fields read below this one
  std::vector<int> below;         // every slot under this node (cleared when the key repeats)
};

/// Builds the trie for `paths`, slot i for paths[i].
std::vector<BindNode> build_binder(const std::vector<io::Path>& paths);

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
  /// Candidates per dispatch value: the rules testing that value plus the
  /// rules that test none, in file order.
  std::unordered_map<std::string, std::vector<std::uint32_t>> dispatch;
  std::vector<std::uint32_t> undispatched;  // a string value not in the table
  std::vector<std::uint32_t> all_rules;     // the field missing or not a string

  explicit Impl(Source src) : source(std::move(src)) {}
};

/// Assigns slots, checks what only the whole file can tell (conditions that
/// are not conditions, lists outside `in`), and builds the dispatch table.
void compile(Program::Impl& impl);

}  // namespace socred::rules
