// Parsing of comparison specs and the labels of their levels.
#include "link/comparison.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>

#include "io/error.hpp"

namespace socred::link {
namespace {

[[noreturn]] void usage(std::string_view text, const std::string& why) {
  throw Error(kExitUsage, fmt::format("invalid comparison '{}': {}", text, why));
}

std::vector<double> parse_numbers(std::string_view whole, std::string_view args, bool& percent) {
  std::vector<double> out;
  percent = false;
  std::size_t start = 0;
  while (start <= args.size()) {
    std::size_t end = args.find(',', start);
    if (end == std::string_view::npos) end = args.size();
    std::string item(args.substr(start, end - start));
    while (!item.empty() && item.back() == ' ') item.pop_back();
    while (!item.empty() && item.front() == ' ') item.erase(0, 1);
    if (!item.empty() && item.back() == '%') {
      percent = true;
      item.pop_back();
    }
    char* stop = nullptr;
    errno = 0;
    double v = item.empty() ? 0 : std::strtod(item.c_str(), &stop);
    if (item.empty() || errno != 0 || *stop != '\0' || !(v >= 0))
      usage(whole, fmt::format("'{}' is not a non-negative number", item));
    out.push_back(v);
    start = end + 1;
  }
  return out;
}

std::string number_text(double v) { return fmt::format("{}", v); }

}  // namespace

FieldSpec split_field_spec(std::string_view text) {
  FieldSpec out;
  std::size_t eq = std::string_view::npos, colon = std::string_view::npos;
  bool in_bracket = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!in_bracket && text.compare(i, 2, "[\"") == 0) {
      in_bracket = true;
      ++i;
    } else if (in_bracket && text.compare(i, 2, "\"]") == 0) {
      in_bracket = false;
      ++i;
    } else if (!in_bracket && text[i] == '=' && eq == std::string_view::npos &&
               colon == std::string_view::npos) {
      eq = i;
    } else if (!in_bracket && text[i] == ':') {
      colon = i;
    }
  }
  std::string_view fields = text.substr(0, colon);
  if (colon != std::string_view::npos) out.rest = std::string(text.substr(colon + 1));
  if (eq != std::string_view::npos) {
    out.left = std::string(fields.substr(0, eq));
    out.right = std::string(fields.substr(eq + 1));
  } else {
    out.left = out.right = std::string(fields);
  }
  return out;
}

void set_method(Comparison& c, std::string_view method) {
  std::string_view word = method, args;
  bool has_args = false;
  if (auto open = method.find('('); open != std::string_view::npos) {
    if (method.back() != ')') usage(method, "expected ')' at the end");
    word = method.substr(0, open);
    args = method.substr(open + 1, method.size() - open - 2);
    has_args = true;
  }
  c.thresholds.clear();
  c.percent = false;
  c.levels = {"null"};
  bool percent = false;
  auto numbers = [&] {
    return has_args ? parse_numbers(method, args, percent) : std::vector<double>{};
  };
  auto no_args = [&] {
    if (has_args) usage(method, fmt::format("'{}' takes no arguments", word));
  };
  if (word == "name") {
    no_args();
    c.kind = Kind::kName;
    c.thresholds = {0.92, 0.88, 0.70};
    c.term_frequency = true;
    c.levels.insert(c.levels.end(), {"exact", "reordered", "jw>=0.92", "jw>=0.88", "jw>=0.7"});
  } else if (word == "text") {
    no_args();
    c.kind = Kind::kText;
    c.term_frequency = true;
    c.levels.insert(c.levels.end(), {"exact", "dl<=1", "dl<=2", "jw>=0.8"});
  } else if (word == "exact") {
    no_args();
    c.kind = Kind::kExact;
    c.term_frequency = true;
    c.levels.push_back("exact");
  } else if (word == "date") {
    no_args();
    c.kind = Kind::kDate;
    c.levels.insert(c.levels.end(),
                    {"exact", "day-month-swapped", "one-typo", "year-month", "year"});
  } else if (word == "year") {
    c.kind = Kind::kYear;
    c.thresholds = has_args ? numbers() : std::vector<double>{1};
    c.levels.push_back("exact");
    for (double t : c.thresholds) c.levels.push_back("within-" + number_text(t));
  } else if (word == "number") {
    c.kind = Kind::kNumber;
    c.thresholds = numbers();
    c.percent = percent;
    c.levels.push_back("exact");
    for (double t : c.thresholds)
      c.levels.push_back("within-" + number_text(t) + (percent ? "%" : ""));
  } else if (word == "jw") {
    c.kind = Kind::kJaroWinkler;
    c.term_frequency = true;
    c.thresholds = numbers();
    if (c.thresholds.empty()) usage(method, "jw needs at least one similarity, as jw(0.9)");
    c.levels.push_back("exact");
    for (double t : c.thresholds) {
      if (t > 1) usage(method, "a Jaro-Winkler similarity is at most 1");
      c.levels.push_back("jw>=" + number_text(t));
    }
  } else if (word == "dl") {
    c.kind = Kind::kDamerauLevenshtein;
    c.term_frequency = true;
    c.thresholds = numbers();
    if (c.thresholds.empty()) usage(method, "dl needs at least one distance, as dl(1,2)");
    c.levels.push_back("exact");
    for (double t : c.thresholds) {
      if (t != static_cast<double>(static_cast<long>(t)))
        usage(method, "a Damerau-Levenshtein distance is a whole number");
      c.levels.push_back("dl<=" + number_text(t));
    }
  } else {
    usage(method, "unknown method (name, text, exact, date, year, number, jw, dl)");
  }
  if (percent && c.kind != Kind::kNumber) usage(method, "only number tolerances take %");
  for (std::size_t i = 1; i < c.thresholds.size(); ++i) {
    bool similarity = c.kind == Kind::kJaroWinkler || c.kind == Kind::kName;
    if (similarity ? c.thresholds[i] >= c.thresholds[i - 1]
                   : c.thresholds[i] <= c.thresholds[i - 1])
      usage(method, similarity ? "similarities must decrease" : "tolerances must increase");
  }
  c.levels.push_back("different");
  if (c.levels.size() > kMaxLevels) usage(method, fmt::format("at most {} levels", kMaxLevels - 2));
  c.method = std::string(method);
}

Comparison parse_comparison(std::string_view text) {
  FieldSpec spec = split_field_spec(text);
  if (spec.left.empty() || spec.right.empty()) usage(text, "a field name is empty");
  Comparison c;
  c.left = io::parse_path(spec.left);
  c.right = io::parse_path(spec.right);
  c.name = io::path_text(c.left);
  set_method(c, spec.rest.empty() ? std::string_view("text") : std::string_view(spec.rest));
  return c;
}

}  // namespace socred::link
