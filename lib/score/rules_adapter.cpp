// Adapts rules::Program and rules::Evaluator to score's RuleSet and Matcher.
#include "score/rules_adapter.hpp"

#include <algorithm>
#include <memory>

#include "io/hash.hpp"
#include "rules/compile.hpp"
#include "rules/eval.hpp"
#include "rules/program.hpp"

namespace socred::score {
namespace {

class EvaluatorMatcher : public Matcher {
 public:
  EvaluatorMatcher(std::shared_ptr<const rules::Program> program,
                   const std::vector<io::Path>& extra, bool strict)
      : program_(std::move(program)), eval_(*program_, extra) {
    eval_.set_strict(strict);
  }
  void bind(simdjson::dom::object event) override { eval_.bind(event); }
  FieldText extra(std::size_t i) override {
    rules::Value v = eval_.extra(i);
    FieldText f;
    f.present = v.kind != rules::Kind::missing;
    f.is_string = v.kind == rules::Kind::string;
    if (f.is_string) f.text = v.s;
    return f;
  }
  bool ts(std::int64_t& micros) override {
    if (eval_.ts_state() != rules::Evaluator::TsState::ok) return false;
    micros = eval_.ts();
    return true;
  }
  bool match(std::vector<Hit>& hits, MatchError& why) override {
    if (!eval_.match(matches_)) {
      why.column = 0;
      why.message = eval_.problem();
      return false;
    }
    for (const auto& m : matches_) hits.push_back(Hit{m.rule, m.raw});
    return true;
  }
  std::uint64_t soft_failures() const override {
    return eval_.counters().missing + eval_.counters().mismatch;
  }
  void mark_present(std::vector<std::uint8_t>& seen) override {
    for (std::size_t i = 0; i < seen.size(); ++i)
      if (!seen[i] && eval_.present(i)) seen[i] = 1;
  }

 private:
  std::shared_ptr<const rules::Program> program_;
  rules::Evaluator eval_;
  std::vector<rules::Match> matches_;
};

// FNV-1a 64 over the file's bytes: partial state is only merged with the
// rules that made it.
std::string fingerprint(const std::string& text) { return io::hex64(io::fnv1a64(text)); }

}  // namespace

RuleSet load_rule_set(const std::string& path, bool strict) {
  auto program = std::make_shared<const rules::Program>(rules::load_rules(path));
  RuleSet set;
  set.base = program->base();
  set.low = program->min();
  set.high = program->max();
  set.fingerprint = fingerprint(program->text());
  set.rules = program->rules();
  set.plan = program->dump_plan();
  for (const auto& field : program->fields()) set.fields.push_back(io::path_text(field));
  const rules::Program::Impl& impl = program->impl();
  for (std::size_t r = 0; r < impl.conditions.size(); ++r) {
    std::vector<std::uint32_t> reads;
    for (const auto* root : {impl.conditions[r].get(), impl.units[r].get()}) {
      if (root == nullptr) continue;
      for (int slot : rules::slots_read(*root))
        if (std::find(reads.begin(), reads.end(), static_cast<std::uint32_t>(slot)) == reads.end())
          reads.push_back(static_cast<std::uint32_t>(slot));
    }
    set.rule_fields.push_back(std::move(reads));
  }
  set.make_matcher = [program, strict](const std::vector<io::Path>& extra) {
    return std::unique_ptr<Matcher>(new EvaluatorMatcher(program, extra, strict));
  };
  return set;
}

}  // namespace socred::score
