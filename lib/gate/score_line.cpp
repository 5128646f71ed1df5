// Shape checks of score lines: a field with the wrong type is a bad line
// (exit 65 or --on-error), never a silent zero.
#include "gate/score_line.hpp"

#include "gate/field_column.hpp"
#include "gate/points.hpp"
#include "io/json_path.hpp"

namespace socred::gate {

namespace {

std::optional<std::int64_t> as_thousandths(simdjson::dom::element e) {
  double v;
  if (e.get_double().get(v) != simdjson::SUCCESS) {
    std::int64_t i;
    if (e.get_int64().get(i) != simdjson::SUCCESS) return std::nullopt;
    v = static_cast<double>(i);
  }
  return to_thousandths(v);
}

}  // namespace

std::optional<ShapeError> read_score_line(simdjson::dom::object root, ScoreLine& line) {
  line.root = root;
  line.score.reset();
  line.base.reset();
  line.flags.clear();
  line.contributions.clear();

  auto person = io::last_field(root, "person");
  if (!person) return ShapeError{"person", "missing field \"person\""};
  if (person->get_string().get(line.person) != simdjson::SUCCESS)
    return ShapeError{"person", "field \"person\": expected a string"};

  if (auto score = io::last_field(root, "score"); score && !score->is_null()) {
    auto points = score->is_number() ? as_thousandths(*score) : std::nullopt;
    if (!points || *points % 1000 != 0)
      return ShapeError{"score", "field \"score\": expected an integer"};
    line.score = *points / 1000;
  }
  if (auto base = io::last_field(root, "base"); base && !base->is_null()) {
    line.base = base->is_number() ? as_thousandths(*base) : std::nullopt;
    if (!line.base) return ShapeError{"base", "field \"base\": expected a number"};
  }
  if (auto flags = io::last_field(root, "flags"); flags && !flags->is_null()) {
    simdjson::dom::array array;
    if (flags->get_array().get(array) != simdjson::SUCCESS)
      return ShapeError{"flags", "field \"flags\": expected an array of strings"};
    for (auto item : array) {
      std::string_view flag;
      if (item.get_string().get(flag) != simdjson::SUCCESS)
        return ShapeError{"flags", "field \"flags\": expected an array of strings"};
      line.flags.push_back(flag);
    }
  }
  if (auto contributions = io::last_field(root, "contributions");
      contributions && !contributions->is_null()) {
    simdjson::dom::object object;
    if (contributions->get_object().get(object) != simdjson::SUCCESS)
      return ShapeError{"contributions", "field \"contributions\": expected an object"};
    for (auto field : object) {
      auto points = field.value.is_number() ? as_thousandths(field.value) : std::nullopt;
      if (!points)
        return ShapeError{"contributions", "field \"contributions." + std::string(field.key) +
                                               "\": expected a number"};
      // A repeated rule keeps its last value, as a repeated key does anywhere.
      bool replaced = false;
      for (auto& c : line.contributions)
        if (c.rule == field.key) c.points = *points, replaced = true;
      if (!replaced) line.contributions.push_back({field.key, *points});
    }
  }
  return std::nullopt;
}

bool next_score_line(io::RecordReader& reader, io::Record& record, ScoreLine& line) {
  while (reader.next(record)) {
    auto error = read_score_line(record.root, line);
    if (!error) return true;
    reader.reject(record, field_column(record.text, error->field), error->message);
  }
  return false;
}

bool is_score_field(std::string_view key) {
  static constexpr std::string_view kFields[] = {"person",  "score",  "base",          "events",
                                                 "matched", "flags",  "contributions", "by_source",
                                                 "spilled", "explain"};
  for (auto f : kFields)
    if (f == key) return true;
  return false;
}

}  // namespace socred::gate
