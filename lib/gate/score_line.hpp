// The parts of a score line (DESIGN.md "Formats") that gate itself reads:
// who, the score, the flags, the points per rule and those spilled from
// friends. Conditions may read any other field through the rules language.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/raw_json.hpp"
#include "io/record_reader.hpp"

namespace socred::gate {

struct Contribution {
  std::string_view rule;
  std::int64_t points = 0;  // thousandths
};

/// Who spilled one rule's points (score's `spilled_by`).
struct FriendSummary {
  std::string_view rule;
  std::uint64_t friends = 0;
  std::string_view top;  // the friend who gave the largest share
};

/// Views into the parsed line: valid until the parser reads the next line.
struct ScoreLine {
  std::string_view person;
  std::optional<std::int64_t> score;  // whole points
  std::optional<std::int64_t> base;   // thousandths
  std::vector<std::string_view> flags;
  std::vector<Contribution> contributions;  // in the line's (rule-file) order
  std::vector<Contribution> spilled;        // friends' points per rule, likewise
  std::vector<FriendSummary> spilled_by;
  simdjson::dom::object root;
  std::vector<io::RawMember> raw_members;  // scratch: a points object's members as written
};

/// Why a line is not a usable score line: the field and what was wrong.
struct ShapeError {
  std::string field;  // top-level key, for the column
  std::string message;
};

/// Reads `root`, parsed from the JSON text `text`, into `line` (reusing its
/// vectors). `person` is required; `score`, `base`, `flags`,
/// `contributions`, `spilled` and `spilled_by` may be missing, but when
/// present must have their documented types. Points are read from their
/// text, exactly, so every value score writes reads back as it was.
std::optional<ShapeError> read_score_line(simdjson::dom::object root, std::string_view text,
                                          ScoreLine& line);

/// The next line of `reader` that is a usable score line; any other goes
/// to --on-error with the column of the offending field.
bool next_score_line(io::RecordReader& reader, io::Record& record, ScoreLine& line);

using io::field_column;

/// True for the keys of the score shape, which a decision does not repeat;
/// any other field (for example `who` from a join) is passed through.
bool is_score_field(std::string_view key);

/// The line's spilled_by entry for `rule`, or null.
const FriendSummary* friends_of(const ScoreLine& line, std::string_view rule);

}  // namespace socred::gate
