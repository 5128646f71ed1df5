// Loading and compiling programs, their accessors, and the plan dump.
#include "rules/program.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstring>

#include "io/config_file.hpp"
#include "io/error.hpp"
#include "rules/compile.hpp"
#include "rules/parser.hpp"

namespace socred::rules {
namespace {

Program build(std::string text, std::string file, Program::Kind kind) {
  auto impl = parse_file(Source(std::move(file), std::move(text)), kind);
  compile(*impl);
  return Program(std::shared_ptr<const Program::Impl>(std::move(impl)));
}

std::string names(const std::vector<Rule>& rules, const std::vector<std::uint32_t>& which) {
  if (which.empty()) return "(none)";
  std::string out;
  for (auto r : which) {
    if (!out.empty()) out += ' ';
    out += rules[r].name;
  }
  return out;
}

}  // namespace

const char* evidence_text(Evidence evidence) {
  switch (evidence) {
    case Evidence::documented:
      return "documented";
    case Evidence::reported:
      return "reported";
    case Evidence::speculative:
      return "speculative";
  }
  return "?";
}

Program::Program(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Program::Kind Program::kind() const { return impl_->kind; }
const std::string& Program::file() const { return impl_->source.file(); }
const std::string& Program::text() const { return impl_->source.text(); }
Milli Program::base() const { return impl_->base; }
std::optional<Milli> Program::min() const { return impl_->min; }
std::optional<Milli> Program::max() const { return impl_->max; }
const std::vector<Rule>& Program::rules() const { return impl_->rules; }
const std::vector<Service>& Program::services() const { return impl_->services; }
const std::vector<io::Path>& Program::fields() const { return impl_->fields; }

std::int64_t Program::score(Milli total) const {
  // Saturating: a sum past the int64 range is a broken input, not a wrap.
  Milli sum;
  if (__builtin_add_overflow(impl_->base, total, &sum)) sum = total > 0 ? INT64_MAX : INT64_MIN;
  if (impl_->min && sum < *impl_->min) sum = *impl_->min;
  if (impl_->max && sum > *impl_->max) sum = *impl_->max;
  return round_whole(sum);
}

std::optional<std::size_t> Program::find_rule(std::string_view name) const {
  for (std::size_t k = 0; k < impl_->rules.size(); ++k)
    if (impl_->rules[k].name == name) return k;
  return std::nullopt;
}

std::optional<std::size_t> Program::find_service(std::string_view name) const {
  for (std::size_t k = 0; k < impl_->services.size(); ++k)
    if (impl_->services[k].name == name) return k;
  return std::nullopt;
}

bool Program::fades() const {
  for (const Rule& r : impl_->rules)
    if (r.fade.kind != Fade::none) return true;
  return false;
}

std::string Program::dump_plan() const {
  const Impl& p = *impl_;
  std::string out;
  bool rules = p.kind == Kind::rules;
  if (rules) {
    out += fmt::format("rules {}: {} rule{}, base {}", p.source.file(), p.rules.size(),
                       p.rules.size() == 1 ? "" : "s", format_milli(p.base));
    if (p.min) out += fmt::format(", range {} to {}", format_milli(*p.min), format_milli(*p.max));
    out += "\n";
  } else {
    out += fmt::format("policy {}: {} service{}\n", p.source.file(), p.services.size(),
                       p.services.size() == 1 ? "" : "s");
  }
  out += "fields:\n";
  for (std::size_t k = 0; k < p.fields.size(); ++k)
    out +=
        fmt::format("  {} {} (read by {} {}{}{})\n", k, io::path_text(p.fields[k]), p.field_uses[k],
                    rules ? "rule" : "clause", p.field_uses[k] == 1 ? "" : "s",
                    static_cast<int>(k) == p.ts_slot ? "; always bound, for caps and fades" : "");
  if (rules) {
    if (p.dispatch_slot < 0) {
      out += "dispatch: none (every rule is tried on every record)\n";
    } else {
      out += fmt::format("dispatch on {}:\n",
                         io::path_text(p.fields[static_cast<std::size_t>(p.dispatch_slot)]));
      for (const auto& [key, candidates] : p.dispatch) {
        std::string quoted = "\"";
        for (char c : key)
          quoted += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
        out += fmt::format("  {} -> {}\n", quoted + "\"", names(p.rules, candidates));
      }
      out += fmt::format("  any other string -> {}\n", names(p.rules, p.undispatched));
      out += "  missing or not a string -> every rule\n";
    }
  } else {
    out += "services:\n";
    for (const Service& s : p.services) {
      std::string clauses;
      for (const Clause& c : s.clauses) clauses += c.forbid ? " forbid" : " allow";
      out += fmt::format("  {}:{}\n", s.name, clauses.empty() ? " (no clauses)" : clauses);
    }
  }
  return out;
}

Program load_rules(const std::string& path) {
  return build(io::read_config(path, "rules file"), path, Program::Kind::rules);
}

Program load_policy(const std::string& path) {
  return build(io::read_config(path, "policy file"), path, Program::Kind::policy);
}

Program parse_rules(std::string text, std::string file) {
  return build(std::move(text), std::move(file), Program::Kind::rules);
}

Program parse_policy(std::string text, std::string file) {
  return build(std::move(text), std::move(file), Program::Kind::policy);
}

}  // namespace socred::rules
