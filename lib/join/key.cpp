// Key extraction and canonical encoding. Equality is equality of canonical
// text, so that a key hashes, partitions and compares the same way on every
// machine and in every mode (hash, merge, grace, --partition).
#include "join/key.hpp"

#include <fmt/format.h>

#include <cmath>

#include "io/error.hpp"
#include "io/json_text.hpp"

namespace socred::join {
namespace {

// Splits at `sep` outside ["..."] brackets, so `["a,b"]` stays one path.
std::vector<std::string_view> split_outside_brackets(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  bool in_bracket = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!in_bracket && text[i] == '[' && i + 1 < text.size() && text[i + 1] == '"') {
      in_bracket = true;
    } else if (in_bracket && text[i] == '"' && i + 1 < text.size() && text[i + 1] == ']') {
      in_bracket = false;
      ++i;
    } else if (!in_bracket && text[i] == sep) {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(text.substr(start));
  return parts;
}

constexpr double kTwo63 = 9223372036854775808.0;
constexpr double kTwo64 = 18446744073709551616.0;

// A number in its canonical form: integral values in range become integers.
struct Number {
  KeyPart::Num num;
  std::int64_t i = 0;
  std::uint64_t u = 0;
  double d = 0;
};

Number canonical_number(simdjson::dom::element e) {
  using simdjson::dom::element_type;
  Number n{KeyPart::kInt};
  switch (e.type()) {
    case element_type::INT64:
      n.i = std::int64_t(e);
      return n;
    case element_type::UINT64:
      n.num = KeyPart::kUint;
      n.u = std::uint64_t(e);
      return n;
    default:
      break;
  }
  double d = double(e);
  if (std::trunc(d) == d && d >= -kTwo63 && d < kTwo63) {
    n.i = static_cast<std::int64_t>(d);
  } else if (std::trunc(d) == d && d >= kTwo63 && d < kTwo64) {
    n.num = KeyPart::kUint;
    n.u = static_cast<std::uint64_t>(d);
  } else {
    n.num = KeyPart::kDouble;
    n.d = d;
  }
  return n;
}

void append_number(std::string& out, const Number& n) {
  fmt::memory_buffer buf;
  switch (n.num) {
    case KeyPart::kInt:
      fmt::format_to(std::back_inserter(buf), "{}", n.i);
      break;
    case KeyPart::kUint:
      fmt::format_to(std::back_inserter(buf), "{}", n.u);
      break;
    case KeyPart::kDouble:
      fmt::format_to(std::back_inserter(buf), "{}", n.d);
      break;
  }
  out.append(buf.data(), buf.size());
}

bool is_number(simdjson::dom::element_type t) {
  using simdjson::dom::element_type;
  return t == element_type::INT64 || t == element_type::UINT64 || t == element_type::DOUBLE;
}

template <typename T>
int order(T a, T b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

int compare_numbers(const KeyPart& a, const KeyPart& b) {
  if (a.num == b.num) {
    switch (a.num) {
      case KeyPart::kInt:
        return order(a.i, b.i);
      case KeyPart::kUint:
        return order(a.u, b.u);
      case KeyPart::kDouble:
        return order(a.d, b.d);
    }
  }
  // Mixed kinds: integers and unsigned compare exactly; against a double,
  // long double holds every 64-bit integer exactly on x86-64.
  auto wide = [](const KeyPart& p) -> long double {
    switch (p.num) {
      case KeyPart::kInt:
        return static_cast<long double>(p.i);
      case KeyPart::kUint:
        return static_cast<long double>(p.u);
      case KeyPart::kDouble:
        break;
    }
    return static_cast<long double>(p.d);
  };
  if (a.num != KeyPart::kDouble && b.num != KeyPart::kDouble) {
    // One is negative-capable int64, the other a uint64 above INT64_MAX.
    return a.num == KeyPart::kInt ? -1 : 1;
  }
  return order(wide(a), wide(b));
}

}  // namespace

std::vector<KeyField> parse_on(const std::vector<std::string>& specs) {
  std::vector<KeyField> fields;
  for (const auto& spec : specs) {
    for (std::string_view item : split_outside_brackets(spec, ',')) {
      auto sides = split_outside_brackets(item, '=');
      if (sides.size() > 2)
        throw Error(kExitUsage, fmt::format("--on '{}': more than one '=' in '{}'", spec, item));
      KeyField field;
      field.left = io::parse_path(sides[0]);
      field.right = sides.size() == 2 ? io::parse_path(sides[1]) : field.left;
      fields.push_back(std::move(field));
    }
  }
  return fields;
}

void append_canonical(std::string& out, simdjson::dom::element value) {
  using simdjson::dom::element_type;
  switch (value.type()) {
    case element_type::OBJECT: {
      out.push_back('{');
      bool first = true;
      for (auto field : simdjson::dom::object(value)) {
        if (!first) out.push_back(',');
        first = false;
        io::append_json_string(out, field.key);
        out.push_back(':');
        append_canonical(out, field.value);
      }
      out.push_back('}');
      return;
    }
    case element_type::ARRAY: {
      out.push_back('[');
      bool first = true;
      for (auto item : simdjson::dom::array(value)) {
        if (!first) out.push_back(',');
        first = false;
        append_canonical(out, item);
      }
      out.push_back(']');
      return;
    }
    case element_type::STRING:
      io::append_json_string(out, std::string_view(value));
      return;
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
      append_number(out, canonical_number(value));
      return;
    case element_type::BOOL:
      out.append(bool(value) ? "true" : "false");
      return;
    case element_type::NULL_VALUE:
      out.append("null");
      return;
  }
}

KeyReader::KeyReader(std::vector<io::Path> paths, bool string_keys, bool want_parts)
    : paths_(std::move(paths)), string_keys_(string_keys), want_parts_(want_parts) {}

KeyState KeyReader::read(simdjson::dom::object root, Key& key) const {
  key.text.clear();
  key.parts.clear();
  const bool several = paths_.size() > 1;
  if (several) key.text.push_back('[');
  for (std::size_t i = 0; i < paths_.size(); ++i) {
    auto value = io::lookup(root, paths_[i]);
    if (!value || value->is_null()) {
      key.state = value ? KeyState::kNull : KeyState::kMissing;
      key.bad_part = i;
      return key.state;
    }
    if (i > 0) key.text.push_back(',');
    append(*value, key);
  }
  if (several) key.text.push_back(']');
  key.state = KeyState::kFound;
  return key.state;
}

void KeyReader::append(simdjson::dom::element value, Key& key) const {
  using simdjson::dom::element_type;
  const element_type type = value.type();
  if (is_number(type)) {
    Number n = canonical_number(value);
    if (string_keys_) {
      std::string digits;
      append_number(digits, n);
      io::append_json_string(key.text, digits);
      if (want_parts_) {
        KeyPart part;
        part.kind = KeyPart::kString;
        part.text = std::move(digits);
        key.parts.push_back(std::move(part));
      }
      return;
    }
    append_number(key.text, n);
    if (want_parts_) {
      KeyPart part;
      part.kind = KeyPart::kNumber;
      part.num = n.num;
      part.i = n.i;
      part.u = n.u;
      part.d = n.d;
      key.parts.push_back(std::move(part));
    }
    return;
  }
  const std::size_t start = key.text.size();
  append_canonical(key.text, value);
  if (!want_parts_) return;
  KeyPart part;
  switch (type) {
    case element_type::STRING:
      part.kind = KeyPart::kString;
      part.text = std::string_view(value);
      break;
    case element_type::BOOL:
      part.kind = bool(value) ? KeyPart::kTrue : KeyPart::kFalse;
      break;
    case element_type::ARRAY:
      part.kind = KeyPart::kArray;
      part.text = key.text.substr(start);
      break;
    default:
      part.kind = KeyPart::kObject;
      part.text = key.text.substr(start);
      break;
  }
  key.parts.push_back(std::move(part));
}

int compare(const Key& a, const Key& b) {
  const std::size_t n = std::min(a.parts.size(), b.parts.size());
  for (std::size_t i = 0; i < n; ++i) {
    const KeyPart& x = a.parts[i];
    const KeyPart& y = b.parts[i];
    if (x.kind != y.kind) return x.kind < y.kind ? -1 : 1;
    int c = 0;
    switch (x.kind) {
      case KeyPart::kFalse:
      case KeyPart::kTrue:
        break;
      case KeyPart::kNumber:
        c = compare_numbers(x, y);
        break;
      default:
        c = x.text.compare(y.text);
        break;  // std::string compares bytes as unsigned
    }
    if (c != 0) return c < 0 ? -1 : 1;
  }
  return order(a.parts.size(), b.parts.size());
}

}  // namespace socred::join
