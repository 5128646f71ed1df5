// Printing expression trees fully parenthesised (tests of precedence, and
// the plan dump).
#include "rules/ast.hpp"

#include "rules/functions.hpp"

namespace socred::rules {

const char* arith_text(Arith op) {
  switch (op) {
    case Arith::add:
      return "+";
    case Arith::sub:
      return "-";
    case Arith::mul:
      return "*";
    case Arith::div:
      return "/";
    case Arith::mod:
      return "%";
  }
  return "?";
}

std::string render(const Node& n) {
  auto kid = [&](std::size_t k) { return render(*n.kids[k]); };
  switch (n.kind) {
    case NodeKind::literal:
      return value_text(n.literal);
    case NodeKind::path:
      return io::path_text(n.path);
    case NodeKind::list: {
      std::string out = "[";
      for (std::size_t k = 0; k < n.kids.size(); ++k) out += (k ? ", " : "") + kid(k);
      return out + "]";
    }
    case NodeKind::negate:
      return "(-" + kid(0) + ")";
    case NodeKind::not_:
      return "(not " + kid(0) + ")";
    case NodeKind::and_:
    case NodeKind::or_: {
      // Left to right, as the chain of binary nodes it evaluates like.
      const char* op = n.kind == NodeKind::and_ ? " and " : " or ";
      std::string out = kid(0);
      for (std::size_t k = 1; k < n.kids.size(); ++k) out = "(" + out + op + kid(k) + ")";
      return out;
    }
    case NodeKind::compare:
      return "(" + kid(0) + " " + op_text(n.op) + " " + kid(1) + ")";
    case NodeKind::arith:
      return "(" + kid(0) + " " + arith_text(n.arith) + " " + kid(1) + ")";
    case NodeKind::call: {
      std::string out = functions()[static_cast<std::size_t>(n.function)].name;
      out += "(";
      for (std::size_t k = 0; k < n.kids.size(); ++k) out += (k ? ", " : "") + kid(k);
      return out + ")";
    }
  }
  return "?";
}

}  // namespace socred::rules
