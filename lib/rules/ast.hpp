// Expression trees as the parser builds them and the compiler annotates them
// (slots for field paths, literal lists as values). Internal to lib/rules.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "io/json_path.hpp"
#include "rules/value.hpp"

namespace socred::rules {

enum class NodeKind : std::uint8_t {
  literal,  // number, string, true, false, null
  path,     // a field of the record
  list,     // [a, b, ...] after `in`
  negate,   // unary minus
  not_,
  and_,
  or_,
  compare,  // == != < <= > >= in, not in
  arith,    // + - * / %
  call,     // a function of functions.hpp
};

enum class Arith : std::uint8_t { add, sub, mul, div, mod };

struct Node {
  NodeKind kind = NodeKind::literal;
  Op op = Op::eq;
  Arith arith = Arith::add;
  int function = -1;       // index into the function table (calls)
  Value literal;           // literals; strings point into `text_value`
  std::string text_value;  // a string literal's decoded text
  io::Path path;           // paths
  int slot = -1;           // paths: set by the compiler
  std::vector<std::unique_ptr<Node>> kids;
  std::vector<Value> items;        // lists: set by the compiler from the kids
  std::size_t begin = 0, end = 0;  // source bytes, for texts and messages
  std::string source;              // the source text [begin, end)
  int depth = 1;                   // of the tree below, bounded by the parser
  bool string_test = false;        // compare: `field == "text"` or `!=` (a fast path)
};

using NodePtr = std::unique_ptr<Node>;

/// Fully parenthesised form, for tests of precedence: (a and (b or c)).
std::string render(const Node& node);

const char* arith_text(Arith op);

}  // namespace socred::rules
