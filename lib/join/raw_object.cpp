// A scanner for text that simdjson has already validated: it only has to find
// where each value ends, so it tracks strings and nesting and nothing else.
#include "join/raw_object.hpp"

namespace socred::join {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::size_t skip_space(std::string_view t, std::size_t i) {
  while (i < t.size() && is_space(t[i])) ++i;
  return i;
}

// `i` at the opening quote; returns the index just past the closing one.
std::size_t skip_string(std::string_view t, std::size_t i) {
  for (++i; i < t.size(); ++i) {
    if (t[i] == '\\') {
      ++i;
    } else if (t[i] == '"') {
      return i + 1;
    }
  }
  return t.size();
}

std::size_t skip_value(std::string_view t, std::size_t i) {
  if (i >= t.size()) return i;
  if (t[i] == '"') return skip_string(t, i);
  if (t[i] == '{' || t[i] == '[') {
    int depth = 0;
    while (i < t.size()) {
      char c = t[i];
      if (c == '"') {
        i = skip_string(t, i);
        continue;
      }
      if (c == '{' || c == '[') ++depth;
      if (c == '}' || c == ']') {
        if (--depth == 0) return i + 1;
      }
      ++i;
    }
    return i;
  }
  // A number, true, false or null: runs until a delimiter.
  while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']' && !is_space(t[i])) ++i;
  return i;
}

}  // namespace

void scan_fields(std::string_view text, std::vector<RawField>& out) {
  out.clear();
  std::size_t i = skip_space(text, 0);
  if (i >= text.size() || text[i] != '{') return;
  i = skip_space(text, i + 1);
  while (i < text.size() && text[i] == '"') {
    std::size_t key_end = skip_string(text, i);
    std::string_view key = text.substr(i, key_end - i);
    i = skip_space(text, key_end);
    if (i < text.size() && text[i] == ':') ++i;
    i = skip_space(text, i);
    std::size_t value_end = skip_value(text, i);
    out.push_back({key, text.substr(i, value_end - i)});
    i = skip_space(text, value_end);
    if (i < text.size() && text[i] == ',') i = skip_space(text, i + 1);
  }
}

std::string_view object_head(std::string_view text) {
  std::size_t end = text.size();
  while (end > 0 && is_space(text[end - 1])) --end;
  if (end > 0 && text[end - 1] == '}') --end;
  return text.substr(0, end);
}

bool head_is_empty(std::string_view head) {
  std::size_t end = head.size();
  while (end > 0 && is_space(head[end - 1])) --end;
  return end > 0 && head[end - 1] == '{';
}

}  // namespace socred::join
