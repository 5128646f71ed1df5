// Output assembly. A right record is turned once, when it is stored, into
// ready-made text pieces; each pair then costs a few copies. The payload is
//   [u32 key section length][key section][body]
// where the key section is `"left_name":value,...` (only when unpaired right
// records come out: they carry the key under the left's names) and the body
// is, merging, a run of [u32 name id][u32 length][`"name":value`], and
// otherwise the right object's text.
#include "join/assemble.hpp"

#include <cstring>

#include "io/hash.hpp"
#include "io/json_text.hpp"
#include "join/key.hpp"

namespace socred::join {
namespace {

void put_u32(std::string& out, std::uint32_t v) {
  char b[4];
  std::memcpy(b, &v, 4);
  out.append(b, 4);
}

std::uint32_t get_u32(const char* p) {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

std::string_view trim(std::string_view t) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!t.empty() && space(t.front())) t.remove_prefix(1);
  while (!t.empty() && space(t.back())) t.remove_suffix(1);
  return t;
}

bool contains(const std::vector<std::string>& names, std::string_view name) {
  for (const auto& n : names)
    if (n == name) return true;
  return false;
}

// Writes a payload's body after what `out` holds of the object (`empty`:
// no member yet): nested, the key and the right object's text; merging,
// each field whose name id `skip` does not refuse.
template <class Skip>
void append_body(std::string_view body, bool nest, std::string_view nest_key, bool empty,
                 LineSink& out, Skip skip) {
  if (nest) {
    if (!empty) out.push_back(',');
    out.append(nest_key);
    out.append(body);
    return;
  }
  const char* p = body.data();
  const char* end = p + body.size();
  while (p < end) {
    std::uint32_t id = get_u32(p);
    std::uint32_t len = get_u32(p + 4);
    p += 8;
    if (!skip(id)) {
      if (!empty) out.push_back(',');
      empty = false;
      out.append(std::string_view(p, len));
    }
    p += len;
  }
}

}  // namespace

std::uint32_t NameIndex::find(std::string_view name) const {
  if (slots_.empty()) return kNone;
  std::size_t mask = slots_.size() - 1;
  for (std::size_t i = io::fnv1a64(name) & mask;; i = (i + 1) & mask) {
    std::uint32_t s = slots_[i];
    if (s == 0) return kNone;
    if (names_[s - 1] == name) return s - 1;
  }
}

std::uint32_t NameIndex::intern(std::string_view name) {
  std::uint32_t id = find(name);
  if (id != kNone) return id;
  if ((names_.size() + 1) * 2 > slots_.size()) grow();
  id = static_cast<std::uint32_t>(names_.size());
  names_.emplace_back(name);
  std::size_t mask = slots_.size() - 1;
  std::size_t i = io::fnv1a64(name) & mask;
  while (slots_[i] != 0) i = (i + 1) & mask;
  slots_[i] = id + 1;
  return id;
}

void NameIndex::grow() {
  slots_.assign(slots_.empty() ? 16 : slots_.size() * 2, 0);
  std::size_t mask = slots_.size() - 1;
  for (std::uint32_t id = 0; id < names_.size(); ++id) {
    std::size_t i = io::fnv1a64(names_[id]) & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = id + 1;
  }
}

Assembler::Assembler(const Spec& spec) : spec_(spec) {
  want_payload_ = spec.pairs || spec.right_unpaired;
  want_key_section_ = spec.right_unpaired && !spec.as_read();
  if (spec.shape == Shape::kNest) {
    io::append_json_string(nest_key_, spec.nest_name);
    nest_key_.push_back(':');
  }
  for (const auto& key : spec.keys) {
    if (key.left.size() == 1) left_key_names_.push_back(key.left[0]);
    if (key.right.size() == 1) right_key_names_.push_back(key.right[0]);
  }
  for (const auto& name : left_key_names_) key_name_ids_.push_back(names_.intern(name));
}

bool Assembler::keep_left(std::string_view name) const {
  return spec_.left_fields.empty() || contains(spec_.left_fields, name) ||
         contains(left_key_names_, name);
}

bool Assembler::keep_right(std::string_view name) const {
  return spec_.right_fields.empty() || contains(spec_.right_fields, name) ||
         contains(right_key_names_, name);
}

void Assembler::right_payload(const io::Record& right, std::string& out) {
  if (!want_payload_) return;
  io::scan_members(right.text, raw_);
  // The key section: the right's key values, named as the left names them.
  const std::size_t section_at = out.size();
  put_u32(out, 0);
  if (want_key_section_) {
    key_values_.assign(spec_.keys.size(), nullptr);
    std::size_t i = 0;
    for (auto field : right.root) {  // the last of repeated names wins
      const io::RawMember& raw = raw_[i++];
      for (std::size_t k = 0; k < spec_.keys.size(); ++k) {
        const KeyField& key = spec_.keys[k];
        if (key.right.size() == 1 && field.key == key.right[0]) key_values_[k] = &raw;
      }
    }
    bool first = true;
    for (std::size_t k = 0; k < spec_.keys.size(); ++k) {
      // A nested right key stays inside its field; a top-level one takes the
      // left's name, or keeps its own when the left's is a nested path.
      if (key_values_[k] == nullptr) continue;
      const KeyField& key = spec_.keys[k];
      if (!first) out.push_back(',');
      first = false;
      io::append_json_string(out, key.left.size() == 1 ? key.left[0] : key.right[0]);
      out.push_back(':');
      out.append(key_values_[k]->value);
    }
    std::uint32_t len = static_cast<std::uint32_t>(out.size() - section_at - 4);
    std::memcpy(&out[section_at], &len, 4);
  }

  const bool selecting = !spec_.right_fields.empty();
  if (spec_.shape == Shape::kMerge && !spec_.as_read()) {
    // simdjson's fields and the raw scan list the same fields in the same
    // order; the former gives the unescaped names, the latter the text.
    std::size_t i = 0;
    for (auto field : right.root) {
      const io::RawMember& raw = raw_[i++];
      if (contains(right_key_names_, field.key)) continue;
      if (selecting && !keep_right(field.key)) continue;
      std::string name = spec_.prefix;
      name.append(field.key);
      put_u32(out, names_.intern(name));
      const std::size_t len_at = out.size();
      put_u32(out, 0);
      if (spec_.prefix.empty()) {
        out.append(raw.key);  // the name exactly as the right line wrote it
      } else {
        std::string quoted;
        io::append_json_string(quoted, spec_.prefix);
        out.append(quoted, 0, quoted.size() - 1);
        out.append(raw.key.substr(1));
      }
      out.push_back(':');
      out.append(raw.value);
      std::uint32_t len = static_cast<std::uint32_t>(out.size() - len_at - 4);
      std::memcpy(&out[len_at], &len, 4);
    }
    return;
  }
  if (!selecting) {
    out.append(trim(right.text));
    return;
  }
  out.push_back('{');
  std::size_t i = 0;
  bool first = true;
  for (auto field : right.root) {
    const io::RawMember& raw = raw_[i++];
    if (!keep_right(field.key)) continue;
    if (!first) out.push_back(',');
    first = false;
    out.append(raw.whole());
  }
  out.push_back('}');
}

void Assembler::begin_left(const io::Record& left, bool parsed) {
  left_ = &left;
  parsed_ = parsed;
  prepared_ = false;
}

bool Assembler::text_only(const io::Record& left) const {
  if (spec_.shape == Shape::kMerge && spec_.pairs) return false;  // names to check
  if (!spec_.left_fields.empty()) return false;
  return spec_.shape != Shape::kNest || !io::last_field(left.root, spec_.nest_name);
}

void Assembler::prepare_left() {
  prepared_ = true;
  for (std::uint32_t id : touched_) present_[id] = 0;
  touched_.clear();
  const io::Record& left = *left_;
  // --as NAME replaces a field NAME the left record already has, rather than
  // writing the name twice.
  bool drop_nest =
      parsed_ && spec_.shape == Shape::kNest && io::last_field(left.root, spec_.nest_name);
  rebuilt_ = drop_nest || !spec_.left_fields.empty();
  if (!rebuilt_) {
    head_ = io::object_head(left.text);
    head_empty_ = io::head_is_empty(head_);
  } else {
    io::scan_members(left.text, raw_);
    scratch_.assign("{");
    std::size_t i = 0;
    for (auto field : left.root) {
      const io::RawMember& raw = raw_[i++];
      if (!keep_left(field.key)) continue;
      if (drop_nest && field.key == spec_.nest_name) continue;
      if (scratch_.size() > 1) scratch_.push_back(',');
      scratch_.append(raw.whole());
    }
    head_empty_ = scratch_.size() == 1;
    head_ = scratch_;
  }
  if (spec_.shape == Shape::kMerge && parsed_) {
    // The left record wins a name clash: note which right names it has.
    if (present_.size() < names_.size()) present_.resize(names_.size(), 0);
    for (auto field : left.root) {
      if (rebuilt_ && !keep_left(field.key)) continue;
      std::uint32_t id = names_.find(field.key);
      if (id != NameIndex::kNone && !present_[id]) {
        present_[id] = 1;
        touched_.push_back(id);
      }
    }
  }
}

void Assembler::pair(std::string_view payload, LineSink& out) {
  if (!prepared_) prepare_left();
  out.append(head_);
  std::uint32_t section = get_u32(payload.data());
  std::string_view body = payload.substr(4 + section);
  // The left record wins a name clash.
  append_body(body, spec_.shape == Shape::kNest, nest_key_, head_empty_, out,
              [&](std::uint32_t id) { return id < present_.size() && present_[id]; });
  out.push_back('}');
  out.end_line();
}

void Assembler::left_unpaired(LineSink& out) {
  if (spec_.left_fields.empty()) {
    out.append(left_->text);  // byte for byte
  } else {
    if (!prepared_) prepare_left();
    out.append(head_);
    out.push_back('}');
  }
  out.end_line();
}

void Assembler::right_unpaired(std::string_view payload, LineSink& out) {
  std::uint32_t section = get_u32(payload.data());
  std::string_view keys = payload.substr(4, section);
  std::string_view body = payload.substr(4 + section);
  if (spec_.as_read()) {
    out.append(body);
    out.end_line();
    return;
  }
  out.push_back('{');
  out.append(keys);
  // The key, already written under the left's names, is not written twice.
  append_body(body, spec_.shape == Shape::kNest, nest_key_, keys.empty(), out,
              [&](std::uint32_t id) {
                bool clash = false;
                for (std::uint32_t k : key_name_ids_) clash = clash || k == id;
                return clash;
              });
  out.push_back('}');
  out.end_line();
}

}  // namespace socred::join
