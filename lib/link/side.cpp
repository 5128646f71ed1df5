// Loading a side: each line is parsed once and reduced to prepared values,
// keys and an id, so memory grows with records kept, not with line length.
#include "link/side.hpp"

#include <fmt/format.h>

#include "io/error.hpp"

namespace socred::link {
namespace {

const char* type_name(simdjson::dom::element e) {
  switch (e.type()) {
    case simdjson::dom::element_type::ARRAY:
      return "an array";
    case simdjson::dom::element_type::OBJECT:
      return "an object";
    case simdjson::dom::element_type::BOOL:
      return "a boolean";
    case simdjson::dom::element_type::STRING:
      return "a string";
    case simdjson::dom::element_type::NULL_VALUE:
      return "null";
    default:
      return "a number";
  }
}

std::string unusable_message(const Comparison& c, simdjson::dom::element e, bool not_a_day) {
  const char* expected = "text";
  switch (c.kind) {
    case Kind::kDate:
      expected = "a date (YYYY-MM-DD or YYYYMMDD)";
      break;
    case Kind::kYear:
      expected = "a year";
      break;
    case Kind::kNumber:
      expected = "a number";
      break;
    default:
      break;
  }
  std::string got = type_name(e);
  if (e.is_string())
    got = fmt::format("\"{}\"", std::string_view(e.get_string().value_unsafe()).substr(0, 40));
  if (not_a_day) return fmt::format("field \"{}\": {} is no day of the calendar", c.name, got);
  return fmt::format("field \"{}\": expected {}, got {}", c.name, expected, got);
}

Span add_json(Arena& arena, simdjson::dom::element e) {
  std::string text = simdjson::minify(e);
  return Span{arena.add(text), static_cast<std::uint32_t>(text.size())};
}

}  // namespace

void load_side(io::RecordReader& reader, const LoadSpec& spec, Side& side) {
  const auto& comparisons = *spec.comparisons;
  const auto& rules = *spec.rules;
  side.width = comparisons.size();
  side.rules = rules.size();
  side.unusable.assign(comparisons.size(), 0);
  side.not_a_day.assign(comparisons.size(), 0);
  std::vector<Value> row(comparisons.size());
  std::vector<std::uint64_t> row_hashes(rules.size());
  std::vector<Span> row_texts(rules.size());
  io::Record record;
  while (reader.next(record)) {
    // Everything is checked before anything is stored, so that a rejected
    // line leaves no trace but its count.
    Span id{}, truth{};
    std::string id_text;
    if (spec.id) {
      auto e = io::lookup(record.root, *spec.id);
      if (!e || e->is_null() || e->is_object() || e->is_array()) {
        reader.reject(record, 0,
                      fmt::format("field \"{}\": {}", io::path_text(*spec.id),
                                  !e || e->is_null() ? "missing (it names the record in the output)"
                                                     : "expected a string or a number, got " +
                                                           std::string(type_name(*e))));
        continue;
      }
      id_text = simdjson::minify(*e);
    } else {
      id_text = std::to_string(side.size + 1);
    }
    std::size_t arena_mark = side.arena.bytes.size();
    bool bad = false;
    for (std::size_t c = 0; c < comparisons.size() && !bad; ++c) {
      const Comparison& comparison = comparisons[c];
      auto e = io::lookup(record.root, spec.right ? comparison.right : comparison.left);
      row[c] = Value{};
      if (!e) {
        if (spec.strict) {
          reader.reject(
              record, 0,
              fmt::format("field \"{}\": missing",
                          io::path_text(spec.right ? comparison.right : comparison.left)));
          bad = true;
        }
        continue;
      }
      Prepared p = prepare(comparison, *e, side.arena, row[c]);
      if (p == Prepared::kUnusable || p == Prepared::kNotADay) {
        if (spec.strict) {
          reader.reject(record, 0, unusable_message(comparison, *e, p == Prepared::kNotADay));
          bad = true;
        } else {
          ++side.unusable[c];
          if (p == Prepared::kNotADay) ++side.not_a_day[c];
        }
      }
    }
    if (bad) {
      side.arena.bytes.resize(arena_mark);
      continue;
    }
    for (std::size_t r = 0; r < rules.size(); ++r) {
      row_hashes[r] = 0;
      row_texts[r] = Span{};
      if (auto key = block_key(rules[r], record.root, spec.right)) {
        row_hashes[r] = key_hash_of(*key);
        row_texts[r] = Span{side.arena.add(*key), static_cast<std::uint32_t>(key->size())};
      }
    }
    if (spec.truth) {
      auto e = io::lookup(record.root, *spec.truth);
      if (e && !e->is_null()) truth = add_json(side.arena, *e);
    }
    id = Span{side.arena.add(id_text), static_cast<std::uint32_t>(id_text.size())};
    side.values.insert(side.values.end(), row.begin(), row.end());
    side.key_hashes.insert(side.key_hashes.end(), row_hashes.begin(), row_hashes.end());
    side.key_texts.insert(side.key_texts.end(), row_texts.begin(), row_texts.end());
    side.ids.push_back(id);
    if (spec.truth) side.truths.push_back(truth);
    ++side.size;
  }
  if (side.size >= UINT32_MAX) throw Error(kExitIo, "more than 4 billion records on one side");
}

}  // namespace socred::link
