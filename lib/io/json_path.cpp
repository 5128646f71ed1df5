// Dotted and bracketed field paths, and last-wins field lookup.
#include "io/json_path.hpp"

#include <fmt/format.h>

#include "io/error.hpp"

namespace socred::io {

Path parse_path(std::string_view text) {
  Path path;
  std::size_t i = 0;
  auto fail = [&](const char* what) {
    throw Error(kExitUsage,
                fmt::format("invalid field path '{}' at column {}: {}", text, i + 1, what));
  };
  if (text.empty()) fail("empty path");
  while (i < text.size()) {
    if (text[i] == '[') {
      if (i + 1 >= text.size() || text[i + 1] != '"') fail("expected '\"' after '['");
      std::size_t close = text.find("\"]", i + 2);
      if (close == std::string_view::npos) fail("unterminated [\"...\"]");
      path.emplace_back(text.substr(i + 2, close - i - 2));
      i = close + 2;
    } else {
      std::size_t end = i;
      while (end < text.size() && text[end] != '.' && text[end] != '[') ++end;
      if (end == i) fail("empty field name");
      path.emplace_back(text.substr(i, end - i));
      i = end;
    }
    if (i < text.size()) {
      if (text[i] == '.') {
        ++i;
        if (i == text.size()) fail("path ends with '.'");
      } else if (text[i] != '[') {
        fail("expected '.' or '['");
      }
    }
  }
  return path;
}

std::string path_text(const Path& path) {
  std::string out;
  for (const auto& part : path) {
    if (part.find('.') != std::string::npos || part.find('[') != std::string::npos) {
      out += "[\"" + part + "\"]";
    } else {
      if (!out.empty()) out += '.';
      out += part;
    }
  }
  return out;
}

std::optional<simdjson::dom::element> last_field(simdjson::dom::object object,
                                                 std::string_view key) {
  std::optional<simdjson::dom::element> found;
  for (auto field : object)
    if (field.key == key) found = field.value;
  return found;
}

std::optional<simdjson::dom::element> lookup(simdjson::dom::object root, const Path& path) {
  simdjson::dom::object current = root;
  std::optional<simdjson::dom::element> value;
  for (std::size_t i = 0; i < path.size(); ++i) {
    value = last_field(current, path[i]);
    if (!value) return std::nullopt;
    if (i + 1 < path.size() && value->get(current) != simdjson::SUCCESS) return std::nullopt;
  }
  return value;
}

}  // namespace socred::io
