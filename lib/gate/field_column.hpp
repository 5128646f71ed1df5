// Where a field's value starts in a line, for `file:line:column` messages:
// the DOM parser validates a line but keeps no source positions.
#pragma once

#include <cstdint>
#include <string_view>

namespace socred::gate {

/// 1-based byte column of the value of top-level `key` in `line`, a valid
/// JSON object (the last one when the key repeats, as the last one wins);
/// 1 when the key is absent.
std::uint64_t field_column(std::string_view line, std::string_view key);

}  // namespace socred::gate
