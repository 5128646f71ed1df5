// Field paths as users write them on the command line: `person`,
// `who.city`, and brackets for names with dots: `["id.orig_h"]`.
#pragma once

#include <simdjson.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace socred::io {

using Path = std::vector<std::string>;

/// Parses `a.b["c.d"]`; throws Error (status 2) naming the column on bad text.
Path parse_path(std::string_view text);
/// The path as it would be written back.
std::string path_text(const Path& path);

/// The value of `key` in `object`, the last one when a key repeats (JSON
/// allows duplicates; the last one wins everywhere in socred).
std::optional<simdjson::dom::element> last_field(simdjson::dom::object object,
                                                 std::string_view key);
/// Follows `path` through nested objects; nullopt when any step is missing
/// or not an object.
std::optional<simdjson::dom::element> lookup(simdjson::dom::object root, const Path& path);

}  // namespace socred::io
