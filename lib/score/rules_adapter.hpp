// The rules language (lib/rules) seen through score's RuleSet: each rule's
// bookkeeping copied out, and a Matcher per thread over rules::Evaluator.
#pragma once

#include <string>

#include "score/rule_set.hpp"

namespace socred::score {

/// Reads and compiles a rules file; its errors come from lib/rules (file,
/// line, column, the line and a caret). Under `strict`, a condition left
/// unknown by a missing field or a type mismatch makes the event a bad line.
RuleSet load_rule_set(const std::string& path, bool strict);

}  // namespace socred::score
