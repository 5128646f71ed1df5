// Shape checks of score lines: a field with the wrong type is a bad line
// (exit 65 or --on-error), never a silent zero. Whole numbers come from the
// DOM; a decimal's value is read from its text, which the DOM does not keep.
#include "gate/score_line.hpp"

#include "io/json_path.hpp"
#include "io/raw_json.hpp"
#include "rules/json_points.hpp"

namespace socred::gate {

namespace {

// An object of rule -> points (contributions, spilled); a repeated rule
// keeps its last value, as a repeated key does anywhere.
std::optional<ShapeError> read_points(simdjson::dom::object root, std::string_view text,
                                      const char* key, std::vector<Contribution>& out,
                                      std::vector<io::RawMember>& members) {
  auto field = io::last_field(root, key);
  if (!field || field->is_null()) return std::nullopt;
  simdjson::dom::object object;
  if (field->get_object().get(object) != simdjson::SUCCESS)
    return ShapeError{key, std::string("field \"") + key + "\": expected an object"};
  // The members as written come in the DOM's order; scanned once, when a
  // decimal first needs its text.
  members.clear();
  std::size_t index = 0;
  for (auto member : object) {
    auto value_text = [&] {
      if (members.empty())
        io::scan_members(io::member_value(text, key).value_or(std::string_view()), members);
      return index < members.size() ? members[index].value : std::string_view();
    };
    auto points = rules::json_points(member.value, value_text);
    ++index;
    if (!points)
      return ShapeError{key, std::string("field \"") + key + "." + std::string(member.key) +
                                 "\": expected a number"};
    bool replaced = false;
    for (auto& c : out)
      if (c.rule == member.key) c.points = *points, replaced = true;
    if (!replaced) out.push_back({member.key, *points});
  }
  return std::nullopt;
}

std::optional<ShapeError> read_spilled_by(simdjson::dom::object root,
                                          std::vector<FriendSummary>& out) {
  auto field = io::last_field(root, "spilled_by");
  if (!field || field->is_null()) return std::nullopt;
  simdjson::dom::object object;
  if (field->get_object().get(object) != simdjson::SUCCESS)
    return ShapeError{"spilled_by", "field \"spilled_by\": expected an object"};
  for (auto member : object) {
    FriendSummary f{member.key, 0, {}};
    simdjson::dom::object entry;
    std::optional<simdjson::dom::element> friends, top;
    if (member.value.get_object().get(entry) == simdjson::SUCCESS) {
      friends = io::last_field(entry, "friends");
      top = io::last_field(entry, "friend");
    }
    if (!friends || friends->get_uint64().get(f.friends) != simdjson::SUCCESS || !top ||
        top->get_string().get(f.top) != simdjson::SUCCESS)
      return ShapeError{"spilled_by", "field \"spilled_by." + std::string(member.key) +
                                          "\": expected {\"friends\":N,\"friend\":ID}"};
    bool replaced = false;
    for (auto& g : out)
      if (g.rule == f.rule) g = f, replaced = true;
    if (!replaced) out.push_back(f);
  }
  return std::nullopt;
}

}  // namespace

std::optional<ShapeError> read_score_line(simdjson::dom::object root, std::string_view text,
                                          ScoreLine& line) {
  line.root = root;
  line.score.reset();
  line.base.reset();
  line.flags.clear();
  line.contributions.clear();
  line.spilled.clear();
  line.spilled_by.clear();

  auto person = io::last_field(root, "person");
  if (!person) return ShapeError{"person", "missing field \"person\""};
  if (person->get_string().get(line.person) != simdjson::SUCCESS)
    return ShapeError{"person", "field \"person\": expected a string"};

  auto raw = [text](std::string_view name) {
    return io::member_value(text, name).value_or(std::string_view());
  };
  if (auto score = io::last_field(root, "score"); score && !score->is_null()) {
    std::int64_t whole;
    if (score->get_int64().get(whole) == simdjson::SUCCESS)
      line.score = whole;
    else if (score->type() == simdjson::dom::element_type::DOUBLE)
      line.score = rules::parse_json_integer(raw("score"));
    if (!line.score) return ShapeError{"score", "field \"score\": expected an integer"};
  }
  if (auto base = io::last_field(root, "base"); base && !base->is_null()) {
    line.base = rules::json_points(*base, [&] { return raw("base"); });
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
  if (auto error = read_points(root, text, "contributions", line.contributions, line.raw_members))
    return error;
  if (auto error = read_points(root, text, "spilled", line.spilled, line.raw_members)) return error;
  return read_spilled_by(root, line.spilled_by);
}

bool next_score_line(io::RecordReader& reader, io::Record& record, ScoreLine& line) {
  while (reader.next(record)) {
    auto error = read_score_line(record.root, record.text, line);
    if (!error) return true;
    reader.reject(record, field_column(record.text, error->field), error->message);
  }
  return false;
}

bool is_score_field(std::string_view key) {
  static constexpr std::string_view kFields[] = {
      "person",        "score",     "base",    "events",     "matched", "flags",
      "contributions", "by_source", "spilled", "spilled_by", "explain"};
  for (auto f : kFields)
    if (f == key) return true;
  return false;
}

const FriendSummary* friends_of(const ScoreLine& line, std::string_view rule) {
  for (const FriendSummary& f : line.spilled_by)
    if (f.rule == rule) return &f;
  return nullptr;
}

}  // namespace socred::gate
