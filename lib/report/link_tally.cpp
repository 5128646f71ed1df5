// Linkage pairs: precision and recall against ground truth carried on the
// line, match weights of true and false pairs, agreement levels per field.
#include <fmt/format.h>

#include <cmath>

#include "report/tally.hpp"

namespace socred::report {

namespace {

using simdjson::dom::element;
using simdjson::dom::object;

// Where the truth is looked for when --truth is not given: a boolean says
// whether the pair is a true match; a string names the true partner of the
// left record (gen-events --truth gives accounts their `person`).
const char* const kTruthFields[] = {"true_match", "truth", "true_right", "true_person"};

std::optional<element> find_truth(object record, const Settings& settings) {
  if (!settings.truth.empty()) return io::lookup(record, settings.truth);
  for (const char* key : kTruthFields)
    if (auto v = io::last_field(record, key)) return v;
  return std::nullopt;
}

void count_levels(LinkTally& tally, element fields) {
  object by_name;
  simdjson::dom::array list;
  auto level_of = [](element e) -> std::string {
    object o;
    if (e.get(o) == simdjson::SUCCESS) {
      if (auto level = io::last_field(o, "level")) return value_text(*level);
      return "?";
    }
    return value_text(e);
  };
  if (fields.get(by_name) == simdjson::SUCCESS) {
    for (auto f : by_name) {
      auto it = tally.field_levels.find(f.key);
      if (it == tally.field_levels.end())
        it = tally.field_levels.emplace(std::string(f.key), Counts{}).first;
      add_count(it->second, level_of(f.value));
    }
  } else if (fields.get(list) == simdjson::SUCCESS) {
    for (element e : list) {
      object o;
      if (e.get(o) != simdjson::SUCCESS) continue;
      auto name = io::last_field(o, "field");
      if (!name) name = io::last_field(o, "name");
      if (!name) continue;
      add_count(tally.field_levels[value_text(*name)], level_of(e));
    }
  }
}

std::optional<Problem> read_evaluation(object record, LinkEvaluation& e) {
  struct Field {
    const char* key;
    std::uint64_t* to;
  } fields[] = {{"pairs_compared", &e.pairs_compared},
                {"true_links", &e.true_links},
                {"links", &e.links},
                {"true_positives", &e.tp},
                {"false_positives", &e.fp},
                {"false_negatives", &e.fn}};
  for (const Field& f : fields) {
    auto v = io::last_field(record, f.key);
    if (v && v->get_uint64().get(*f.to) != simdjson::SUCCESS)
      return Problem{f.key, fmt::format("field \"{}\": expected a non-negative integer", f.key)};
  }
  if (auto t = io::last_field(record, "threshold")) {
    if (t->get_double().get(e.threshold) != simdjson::SUCCESS)
      return Problem{"threshold", "field \"threshold\": expected a number"};
  }
  return std::nullopt;
}

}  // namespace

std::optional<Problem> LinkTally::add(const io::Record& line, const Settings& settings) {
  const object record = line.root;
  auto left = io::last_field(record, "left");
  if (!left && io::last_field(record, "true_links")) {
    LinkEvaluation e;
    if (auto p = read_evaluation(record, e)) return p;
    evaluation = e;
    ++summaries;
    return std::nullopt;
  }
  if (!left) return Problem{"", "missing field \"left\""};
  auto right = io::last_field(record, "right");
  if (!right) return Problem{"", "missing field \"right\""};
  auto weight_value = io::last_field(record, "match_weight");
  double weight = 0;
  const bool unlinked = right->is_null();
  if (!weight_value) {
    if (!unlinked) return Problem{"", "missing field \"match_weight\""};
  } else if (weight_value->get_double().get(weight) != simdjson::SUCCESS) {
    if (!(unlinked && weight_value->is_null()))
      return Problem{"match_weight", "field \"match_weight\": expected a number"};
  }
  std::optional<double> probability;
  if (auto p = io::last_field(record, "match_probability"); p && !p->is_null()) {
    double v;
    if (p->get_double().get(v) != simdjson::SUCCESS || v < 0 || v > 1)
      return Problem{"match_probability",
                     "field \"match_probability\": expected a number from 0 to 1"};
    probability = v;
  }
  // Label: a boolean truth labels the pair; a string names the true partner.
  enum { kNone, kBool, kPartner } truth_kind = kNone;
  bool truth_flag = false;
  std::string_view partner;
  bool partner_exists = false;
  // join-records' evaluation lists only its errors: a false match was
  // linked and is false, a miss is true and was not linked.
  std::string_view error;
  bool miss = false, false_match = false;
  if (auto e = io::last_field(record, "error"); settings.truth.empty() && e &&
                                                e->get_string().get(error) == simdjson::SUCCESS &&
                                                (error == "false_match" || error == "miss")) {
    truth_kind = kBool;
    truth_flag = error == "miss";
    miss = truth_flag;
    false_match = !truth_flag;
  } else if (auto truth = find_truth(record, settings)) {
    if (truth->get_bool().get(truth_flag) == simdjson::SUCCESS) {
      truth_kind = kBool;
    } else if (truth->is_null()) {
      truth_kind = kPartner;  // known to have no true partner
    } else if (truth->get_string().get(partner) == simdjson::SUCCESS) {
      truth_kind = kPartner;
      partner_exists = true;
    } else {
      return Problem{settings.truth.empty() ? "" : settings.truth.back(),
                     "ground truth must be a boolean, a string or null"};
    }
  } else if (settings.strict || !settings.truth.empty()) {
    return Problem{"", settings.truth.empty()
                           ? std::string("no ground truth on the line")
                           : fmt::format("missing field \"{}\"", io::path_text(settings.truth))};
  }

  // Fellegi-Sunter: probability = 2^w / (1 + 2^w), so a threshold on one is
  // a threshold on the other when the line carries only the weight.
  bool predicted = false;
  if (false_match) {
    predicted = true;
  } else if (!unlinked && !miss) {
    if (probability)
      predicted = *probability >= settings.threshold;
    else
      predicted = weight >= std::log2(settings.threshold / (1 - settings.threshold));
  }

  ++pairs;
  if (unlinked) ++no_partner;
  if (truth_kind == kNone) {
    ++unlabelled;
    if (!unlinked) weight_unlabelled.add(weight);
  } else {
    bool is_true = truth_kind == kBool
                       ? truth_flag
                       : (partner_exists && !unlinked && value_text(*right) == partner);
    if (!unlinked) (is_true ? weight_true : weight_false).add(weight);
    if (predicted && is_true) ++tp;
    if (predicted && !is_true) ++fp;
    if (truth_kind == kBool) {
      if (!predicted && is_true) ++fn;
      if (!predicted && !is_true) ++tn;
    } else {
      // One line per left record: its true partner was missed unless it was
      // the predicted one.
      if (partner_exists && !(predicted && is_true)) ++fn;
      if (!partner_exists && !predicted) ++tn;
    }
  }
  if (auto fields = io::last_field(record, "fields")) count_levels(*this, *fields);
  return std::nullopt;
}

void LinkTally::merge(const LinkTally& other) {
  merge_members(*this, other, &LinkTally::pairs, &LinkTally::no_partner, &LinkTally::unlabelled,
                &LinkTally::tp, &LinkTally::fp, &LinkTally::fn, &LinkTally::tn,
                &LinkTally::weight_true, &LinkTally::weight_false, &LinkTally::weight_unlabelled);
  if (other.evaluation) evaluation = other.evaluation;
  summaries += other.summaries;
  for (const auto& [field, levels] : other.field_levels) merge_into(field_levels[field], levels);
}

}  // namespace socred::report
