// Which stage wrote the lines: score lines, decision lines, linkage pairs or
// events, told apart by the fields each shape must have (DESIGN.md "Formats").
#pragma once

#include <simdjson.h>

#include <string>
#include <string_view>

namespace socred::report {

enum class Kind { kAuto, kScore, kDecision, kLink, kEvent };

/// The kind a record looks like, or kAuto when it matches none.
Kind detect(simdjson::dom::object record);
/// "auto", "score", "decision", "link", "event"; throws Error (status 2)
/// on anything else.
Kind parse_kind(std::string_view text);
/// The singular name (`score`), and what the lines are called in prose.
std::string_view kind_name(Kind kind);
std::string_view kind_lines(Kind kind);
/// One line of the kind, with its article: "a score line", "an event".
std::string_view kind_one(Kind kind);

}  // namespace socred::report
