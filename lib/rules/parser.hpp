// Tokens to rules, services and expression trees, by recursive descent;
// every error says what was expected at file:line:column.
#pragma once

#include <memory>

#include "rules/compile.hpp"

namespace socred::rules {

/// Parses a whole rules or policy file (not yet compiled).
std::unique_ptr<Program::Impl> parse_file(Source source, Program::Kind kind);

/// Parses `source` as one expression and nothing else (tests, tools).
NodePtr parse_expression(const Source& source);

}  // namespace socred::rules
