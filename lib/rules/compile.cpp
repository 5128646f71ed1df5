// Compiling a parsed file: slots for the fields read (in order of first
// use, `ts` first for rules), the checks that need whole conditions, and the
// dispatch table. Dispatch uses only equality tests that every match of a
// rule must pass (terms of its top-level 'and'), so skipping a rule whose
// dispatch value differs never changes a result or a count.
#include "rules/compile.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "rules/functions.hpp"

namespace socred::rules {
namespace {

class Compiler {
 public:
  explicit Compiler(Program::Impl& impl) : impl_(impl) {}

  void run() {
    if (impl_.kind == Program::Kind::rules) {
      slot_for(io::Path{"ts"});
      for (std::size_t r = 0; r < impl_.rules.size(); ++r) {
        begin_use();
        condition(*impl_.conditions[r]);
        if (impl_.units[r]) value(*impl_.units[r]);
      }
      impl_.ts_slot = 0;
      dispatch();
    } else {
      for (auto& clauses : impl_.clause_conditions)
        for (auto& c : clauses) {
          begin_use();
          condition(*c);
        }
    }
  }

 private:
  [[noreturn]] void fail(const Node& n, const std::string& message) const {
    impl_.source.fail(n.begin, message);
  }

  int slot_for(const io::Path& path) {
    auto [it, fresh] = slots_.emplace(path, static_cast<int>(impl_.fields.size()));
    if (fresh) {
      impl_.fields.push_back(path);
      impl_.field_uses.push_back(0);
    }
    return it->second;
  }

  void begin_use() { used_.clear(); }

  // A node where a condition is expected: something that is true or false.
  void condition(Node& n) {
    switch (n.kind) {
      case NodeKind::and_:
      case NodeKind::or_:
      case NodeKind::not_:
        for (auto& kid : n.kids) condition(*kid);
        return;
      case NodeKind::compare:
        value(*n.kids[0]);
        value(*n.kids[1]);
        n.string_test = (n.op == Op::eq || n.op == Op::ne) && n.kids[0]->kind == NodeKind::path &&
                        n.kids[1]->kind == NodeKind::literal &&
                        n.kids[1]->literal.kind == Kind::string;
        return;
      case NodeKind::path:
        value(n);  // a boolean field, such as `paid`
        return;
      case NodeKind::call:
        if (!functions()[static_cast<std::size_t>(n.function)].boolean)
          fail(n, fmt::format("expected a condition, found {} which gives a value: compare it, "
                              "as in {} > 0",
                              n.source, n.source));
        value(n);
        return;
      case NodeKind::literal:
        if (n.literal.kind == Kind::boolean) return;
        fail(n, fmt::format("expected a condition, found the constant {}", n.source));
      case NodeKind::negate:
      case NodeKind::arith:
        fail(n, fmt::format("expected a condition, found the arithmetic {}: compare it, as in "
                            "{} > 0",
                            n.source, n.source));
      case NodeKind::list:
        fail(n, "expected a condition, found a list");
    }
  }

  // A node where a value is expected.
  void value(Node& n) {
    if (n.kind == NodeKind::path) {
      n.slot = slot_for(n.path);
      if (used_.insert(n.slot).second) ++impl_.field_uses[static_cast<std::size_t>(n.slot)];
      return;
    }
    if (n.kind == NodeKind::list) {
      n.items.clear();
      for (auto& kid : n.kids) n.items.push_back(kid->literal);
      return;
    }
    if (n.kind == NodeKind::and_ || n.kind == NodeKind::or_ || n.kind == NodeKind::not_) {
      condition(n);
      return;
    }
    for (auto& kid : n.kids) {
      if (kid->kind == NodeKind::compare)
        condition(*kid);
      else
        value(*kid);
    }
  }

  // The terms every match of `n` must pass: `field == "x"`, `"x" == field`,
  // `field in ["x", "y"]` in its top-level conjunction.
  using Terms = std::map<int, std::pair<std::vector<std::string>, const Node*>>;

  void equality_terms(const Node& n, Terms& out) const {
    if (n.kind == NodeKind::and_) {
      for (const auto& kid : n.kids) equality_terms(*kid, out);
      return;
    }
    if (n.kind != NodeKind::compare) return;
    const Node& a = *n.kids[0];
    const Node& b = *n.kids[1];
    auto is_string = [](const Node& x) {
      return x.kind == NodeKind::literal && x.literal.kind == Kind::string;
    };
    std::vector<std::string> values;
    int slot = -1;
    if (n.op == Op::eq && a.kind == NodeKind::path && is_string(b)) {
      slot = a.slot;
      values.push_back(b.text_value);
    } else if (n.op == Op::eq && b.kind == NodeKind::path && is_string(a)) {
      slot = b.slot;
      values.push_back(a.text_value);
    } else if (n.op == Op::in && a.kind == NodeKind::path && b.kind == NodeKind::list &&
               !b.kids.empty() && std::all_of(b.kids.begin(), b.kids.end(), [&](const NodePtr& k) {
                 return is_string(*k);
               })) {
      slot = a.slot;
      for (const auto& k : b.kids) values.push_back(k->text_value);
    }
    // The first test of a field decides; a second one only narrows further.
    if (slot >= 0) out.emplace(slot, std::make_pair(std::move(values), &n));
  }

  void dispatch() {
    const std::size_t n = impl_.rules.size();
    std::vector<Terms> terms(n);
    impl_.dispatch_terms.assign(n, nullptr);
    std::map<int, std::size_t> count;
    for (std::size_t r = 0; r < n; ++r) {
      equality_terms(*impl_.conditions[r], terms[r]);
      for (const auto& [slot, values] : terms[r]) ++count[slot];
    }
    for (std::size_t r = 0; r < n; ++r) impl_.all_rules.push_back(static_cast<std::uint32_t>(r));
    int best = -1;
    std::size_t best_count = 0;
    for (const auto& [slot, c] : count)
      if (c > best_count) {  // ties: the earlier slot (map order)
        best = slot;
        best_count = c;
      }
    impl_.dispatch_slot = best;
    if (best < 0) {
      impl_.undispatched = impl_.all_rules;
      return;
    }
    std::set<std::string> keys;
    for (std::size_t r = 0; r < n; ++r) {
      auto it = terms[r].find(best);
      if (it != terms[r].end()) keys.insert(it->second.first.begin(), it->second.first.end());
    }
    std::map<std::string, std::vector<std::uint32_t>> table;
    for (std::size_t r = 0; r < n; ++r) {
      auto it = terms[r].find(best);
      auto rule = static_cast<std::uint32_t>(r);
      if (it == terms[r].end()) {
        impl_.undispatched.push_back(rule);
        for (const auto& key : keys) table[key].push_back(rule);
      } else {
        std::set<std::string> mine(it->second.first.begin(), it->second.first.end());
        for (const auto& key : mine) table[key].push_back(rule);
        impl_.dispatch_terms[r] = it->second.second;
      }
    }
    // std::map's order is byte order, which candidates() searches by.
    impl_.dispatch.assign(table.begin(), table.end());
    impl_.dispatch_heads.clear();
    for (const auto& entry : impl_.dispatch)
      impl_.dispatch_heads.emplace_back(key_head(entry.first.data(), entry.first.size()),
                                        entry.first.size());
  }

  Program::Impl& impl_;
  std::set<int> used_;
  std::map<io::Path, int> slots_;
};

}  // namespace

void compile(Program::Impl& impl) { Compiler(impl).run(); }

std::vector<int> slots_read(const Node& node) {
  std::vector<int> out;
  std::vector<const Node*> todo{&node};
  while (!todo.empty()) {
    const Node* n = todo.back();
    todo.pop_back();
    if (n->kind == NodeKind::path && n->slot >= 0 &&
        std::find(out.begin(), out.end(), n->slot) == out.end())
      out.push_back(n->slot);
    for (auto it = n->kids.rbegin(); it != n->kids.rend(); ++it) todo.push_back(it->get());
  }
  return out;
}

}  // namespace socred::rules
