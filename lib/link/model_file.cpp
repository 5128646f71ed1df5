// Model files. The format is versioned by its "format" field; levels are
// checked against the method's own labels on reading, so a file edited by
// hand cannot silently shift a weight to the wrong level.
#include "link/model_file.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "io/config_file.hpp"
#include "io/error.hpp"
#include "io/json_diagnose.hpp"
#include "io/json_path.hpp"
#include "io/json_text.hpp"

namespace socred::link {
namespace {

constexpr const char* kFormat = "socred-link-model 1";

// Shortest round-trip text; JSON has no infinity, so those cannot occur here.
std::string num(double v) { return std::isfinite(v) ? fmt::format("{}", v) : "null"; }

std::string rounded(double v) { return num(std::round(v * 1000) / 1000); }

}  // namespace

std::string model_json(const Model& model, const std::vector<std::string>& blocking,
                       const Training* training) {
  std::string out = "{\n";
  out += fmt::format("  \"format\": {},\n", io::json_string(kFormat));
  out += fmt::format("  \"mode\": {},\n", io::json_string(model.dedupe ? "dedupe" : "link"));
  out += fmt::format("  \"left_records\": {},\n", model.left_records);
  out += fmt::format("  \"right_records\": {},\n", model.right_records);
  out += fmt::format("  \"probability_two_random_records_match\": {},\n", num(model.prior));
  out += fmt::format("  \"prior_weight\": {},\n", rounded(model.prior_weight()));
  out += fmt::format("  \"mean_likelihood_ratio_outside_blocks\": {},\n", num(model.outside_ratio));
  out += "  \"blocking\": [";
  for (std::size_t i = 0; i < blocking.size(); ++i)
    out += (i ? ", " : "") + io::json_string(blocking[i]);
  out += "],\n  \"comparisons\": [\n";
  for (std::size_t c = 0; c < model.comparisons.size(); ++c) {
    const Comparison& cmp = model.comparisons[c];
    out += "    {\n";
    out += fmt::format("      \"field\": {},\n", io::json_string(cmp.name));
    out += fmt::format("      \"left\": {},\n", io::json_string(io::path_text(cmp.left)));
    out += fmt::format("      \"right\": {},\n", io::json_string(io::path_text(cmp.right)));
    out += fmt::format("      \"method\": {},\n", io::json_string(cmp.method));
    out += fmt::format("      \"term_frequency\": {},\n", cmp.term_frequency ? "true" : "false");
    out += "      \"levels\": [\n";
    for (std::size_t l = 0; l < cmp.levels.size(); ++l) {
      if (l == 0) {
        out += fmt::format("        {{\"level\": {}, \"m\": null, \"u\": null, \"weight\": 0}}",
                           io::json_string(cmp.levels[l]));
      } else {
        out += fmt::format("        {{\"level\": {}, \"m\": {}, \"u\": {}, \"weight\": {}}}",
                           io::json_string(cmp.levels[l]), num(model.m[c][l]), num(model.u[c][l]),
                           rounded(model.level_weight(c, static_cast<int>(l))));
      }
      out += l + 1 < cmp.levels.size() ? ",\n" : "\n";
    }
    out += "      ]\n";
    out += c + 1 < model.comparisons.size() ? "    },\n" : "    }\n";
  }
  out += "  ]";
  if (training) {
    out += ",\n  \"training\": {\n";
    out += fmt::format("    \"candidate_pairs\": {},\n", training->candidate_pairs);
    out += fmt::format("    \"em_sample\": {},\n",
                       io::json_string(training->sample_stride == 1
                                           ? std::string("all left records")
                                           : fmt::format("every {}th chunk of 256 left records",
                                                         training->sample_stride)));
    out += fmt::format("    \"random_pairs\": {},\n", training->random_pairs);
    out +=
        fmt::format("    \"all_pairs_compared\": {},\n", training->exhaustive ? "true" : "false");
    out += fmt::format("    \"expected_matches\": {},\n",
                       num(std::round(training->expected_matches * 10) / 10));
    out += fmt::format("    \"prior\": {},\n", io::json_string(training->prior_from));
    out += fmt::format("    \"estimated_prior\": {},\n", num(training->estimated_prior));
    out += "    \"not_estimated\": [";
    for (std::size_t i = 0; i < training->not_estimated.size(); ++i)
      out += (i ? ", " : "") + io::json_string(training->not_estimated[i]);
    out += "],\n    \"sessions\": [\n";
    for (std::size_t i = 0; i < training->sessions.size(); ++i) {
      const Session& s = training->sessions[i];
      std::string ignored;
      for (std::size_t k = 0; k < s.ignored.size(); ++k)
        ignored += (k ? ", " : "") + io::json_string(s.ignored[k]);
      out += fmt::format(
          "      {{\"rule\": {}, \"pairs\": {}, \"ignored\": [{}], \"em_iterations\": {}, "
          "\"em_converged\": {}, \"share_matching\": {}}}",
          io::json_string(s.rule), s.pairs, ignored, s.em.iterations,
          s.em.converged ? "true" : "false", num(s.em.lambda));
      out += i + 1 < training->sessions.size() ? ",\n" : "\n";
    }
    out += "    ]\n  }";
  }
  out += "\n}\n";
  return out;
}

void write_model(const std::string& path, const std::string& json) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) throw Error(kExitIo, fmt::format("{}: {}", path, std::strerror(errno)));
  bool ok = std::fwrite(json.data(), 1, json.size(), f) == json.size();
  int saved = errno;
  if (std::fclose(f) != 0 && ok) {
    ok = false;
    saved = errno;
  }
  if (!ok) throw Error(kExitIo, fmt::format("{}: write error: {}", path, std::strerror(saved)));
}

namespace {

// Whether `text` ends inside a string or an unclosed object or array: a
// file cut short, whatever the first byte the checker trips on.
bool ends_open(std::string_view text) {
  long depth = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return in_string || depth > 0;
}

}  // namespace

Model read_model(const std::string& path, std::vector<std::string>& blocking) {
  auto bad = [&](const std::string& why) -> Error {
    return Error(kExitData, fmt::format("model file: {}", why), path);
  };
  simdjson::padded_string text(io::read_config(path, "model file"));
  simdjson::dom::parser parser;
  simdjson::dom::object root;
  if (parser.parse(text).get(root) != simdjson::SUCCESS) {
    // The file is one JSON object over many lines: the checker names the
    // byte, counted here as line:column.
    std::string_view all(text.data(), text.size());
    io::Diagnosis why = io::diagnose_json(all);
    if (why.column == 0) why = {1, "not a JSON object"};
    std::size_t at = std::min<std::size_t>(why.column - 1, all.size());
    if (ends_open(all)) {
      at = all.size();
      while (at > 0 && (all[at - 1] == '\n' || all[at - 1] == '\r')) --at;
      why.message = "truncated: the file ends inside the JSON object";
    }
    std::uint64_t line = 1, column = 1;
    for (std::size_t i = 0; i < at; ++i, ++column)
      if (all[i] == '\n') ++line, column = 0;
    throw Error(kExitData, "model file: " + why.message, path, line, column);
  }
  // Members are read with io::last_field: when a key repeats, the last value
  // counts, as everywhere else in socred.
  auto field = [](simdjson::dom::object o,
                  const char* key) -> simdjson::simdjson_result<simdjson::dom::element> {
    if (auto v = io::last_field(o, key)) return simdjson::dom::element(*v);
    return simdjson::NO_SUCH_FIELD;
  };
  auto get_string = [&](simdjson::dom::object o, const char* key) {
    std::string_view s;
    auto v = io::last_field(o, key);
    if (!v || v->get(s) != simdjson::SUCCESS)
      throw bad(fmt::format("\"{}\" missing or not a string", key));
    return std::string(s);
  };
  auto get_number = [&](simdjson::dom::object o, const char* key) {
    double v = 0;
    auto e = io::last_field(o, key);
    if (!e || e->get(v) != simdjson::SUCCESS)
      throw bad(fmt::format("\"{}\" missing or not a number", key));
    return v;
  };
  if (get_string(root, "format") != kFormat)
    throw bad(fmt::format("\"format\" is not \"{}\"", kFormat));
  Model model;
  model.dedupe = get_string(root, "mode") == "dedupe";
  model.left_records = static_cast<std::uint64_t>(get_number(root, "left_records"));
  model.right_records = static_cast<std::uint64_t>(get_number(root, "right_records"));
  model.prior = get_number(root, "probability_two_random_records_match");
  if (!(model.prior > 0 && model.prior < 1))
    throw bad("\"probability_two_random_records_match\" must be between 0 and 1");
  double outside = 0;
  if (field(root, "mean_likelihood_ratio_outside_blocks").get(outside) == simdjson::SUCCESS) {
    if (!(outside >= 0)) throw bad("\"mean_likelihood_ratio_outside_blocks\" must not be negative");
    model.outside_ratio = outside;
  }
  simdjson::dom::array rules, comparisons;
  if (field(root, "blocking").get(rules) != simdjson::SUCCESS)
    throw bad("\"blocking\" missing or not an array");
  blocking.clear();
  for (auto r : rules) {
    std::string_view s;
    if (r.get(s) != simdjson::SUCCESS) throw bad("a blocking rule is not a string");
    blocking.emplace_back(s);
  }
  if (field(root, "comparisons").get(comparisons) != simdjson::SUCCESS)
    throw bad("\"comparisons\" missing or not an array");
  for (auto item : comparisons) {
    simdjson::dom::object o;
    if (item.get(o) != simdjson::SUCCESS) throw bad("a comparison is not an object");
    Comparison c;
    try {
      c.left = io::parse_path(get_string(o, "left"));
      c.right = io::parse_path(get_string(o, "right"));
      set_method(c, get_string(o, "method"));
    } catch (const Error& e) {
      throw bad(e.what());
    }
    c.name = get_string(o, "field");
    bool tf = false;
    if (field(o, "term_frequency").get(tf) != simdjson::SUCCESS)
      throw bad("\"term_frequency\" missing");
    c.term_frequency = tf;
    simdjson::dom::array levels;
    if (field(o, "levels").get(levels) != simdjson::SUCCESS) throw bad("\"levels\" missing");
    std::vector<double> m, u;
    std::size_t l = 0;
    for (auto level : levels) {
      simdjson::dom::object lo;
      if (level.get(lo) != simdjson::SUCCESS) throw bad("a level is not an object");
      std::string label = get_string(lo, "level");
      if (l >= c.levels.size() || label != c.levels[l])
        throw bad(fmt::format("comparison \"{}\": level {} is \"{}\", method {} expects \"{}\"",
                              c.name, l, label, c.method,
                              l < c.levels.size() ? c.levels[l] : "no more levels"));
      if (l == 0) {
        m.push_back(0);
        u.push_back(0);
      } else {
        double mv = get_number(lo, "m"), uv = get_number(lo, "u");
        if (!(mv >= 0 && mv <= 1 && uv >= 0 && uv <= 1))
          throw bad(fmt::format("comparison \"{}\", level \"{}\": m and u must be between 0 and 1",
                                c.name, label));
        m.push_back(mv);
        u.push_back(uv);
      }
      ++l;
    }
    if (l != c.levels.size())
      throw bad(fmt::format("comparison \"{}\": {} levels, method {} has {}", c.name, l, c.method,
                            c.levels.size()));
    model.comparisons.push_back(std::move(c));
    model.m.push_back(std::move(m));
    model.u.push_back(std::move(u));
  }
  if (model.comparisons.empty()) throw bad("no comparisons");
  if (model.comparisons.size() > kMaxComparisons) throw bad("too many comparisons");
  return model;
}

}  // namespace socred::link
