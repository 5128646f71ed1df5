// A compiled rules or policy file: what each rule and service says (names,
// reasons, evidence, caps, fades, flags, spills) and, inside, the compiled
// conditions, the field set and the dispatch table the evaluator uses.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/json_path.hpp"
#include "rules/milli.hpp"

namespace socred::rules {

/// How sure we are that a real system has this rule.
enum class Evidence : std::uint8_t { documented, reported, speculative };
/// "documented", "reported", "speculative".
const char* evidence_text(Evidence evidence);

/// 1-based place of a construct in its file (Program::file()).
struct Location {
  std::uint64_t line = 0;
  std::uint64_t column = 0;
};

/// "at most +30 per 30 days": the sum of a rule's points for one person
/// within one calendar period (period_of(ts, days)) is limited to `limit`.
/// A positive limit caps from above, a negative one from below (at most -60
/// means the sum never goes under -60).
struct Cap {
  Milli limit = 0;
  std::int64_t days = 0;  // period length; 0 means one period for all time ("in total")
};

/// How a matched event's points shrink with its age at --as-of.
struct Fade {
  enum Kind : std::uint8_t { none, half_life, expire };
  Kind kind = none;
  std::int64_t micros = 0;  // the half-life, or the age at which points expire
};

/// "spill 0.2 to friends within 2 hops decay 0.5 at most -20 per 30 days":
/// a friend at distance d gets points x share x decay^(d-1).
struct Spill {
  double share = 0;  // 0 < share <= 1
  int hops = 1;      // 1..kMaxHops
  double decay = 1;  // 0 < decay <= 1
  std::optional<Cap> cap;
};
inline constexpr int kMaxHops = 6;

struct Rule {
  std::string name;
  std::string condition;  // the `when` expression as written
  /// Constant points, or with per_unit the points per `per` units of
  /// `unit`: raw thousandths = points * value / per.
  Milli points = 0;
  bool per_unit = false;
  double per = 1;
  std::string unit;  // per_unit: the expression as written ("amount")
  std::string reason;
  Evidence evidence = Evidence::speculative;
  std::string citation;
  std::optional<Cap> cap;
  Fade fade;
  std::vector<std::string> flags;
  std::optional<Spill> spill;
  Location where;  // of the word `rule`
};

/// `allow when ...` or `forbid when ...` with its reason.
struct Clause {
  bool forbid = false;
  std::string condition;
  std::string reason;
  std::optional<Evidence> evidence;
  std::string citation;
  Location where;  // of the word allow/forbid
};

struct Service {
  std::string name;             // "job.civil_service"
  std::vector<Clause> clauses;  // in file order
  Location where;
};

class Program {
 public:
  enum class Kind : std::uint8_t { rules, policy };
  struct Impl;  // compiled conditions, fields, dispatch (compile.hpp)

  explicit Program(std::shared_ptr<const Impl> impl);

  Kind kind() const;
  const std::string& file() const;
  /// The file's bytes as read (gate hashes them for policy_hash).
  const std::string& text() const;

  /// Rule sets: the base score and the range (clamp); no range: unbounded.
  Milli base() const;
  std::optional<Milli> min() const;
  std::optional<Milli> max() const;
  /// The final score for a person whose points sum to `total`: base plus
  /// total, clamped to the range, rounded to an integer half away from zero.
  std::int64_t score(Milli total) const;

  const std::vector<Rule>& rules() const;
  const std::vector<Service>& services() const;
  std::optional<std::size_t> find_rule(std::string_view name) const;
  std::optional<std::size_t> find_service(std::string_view name) const;
  /// True when any rule fades (score then needs --as-of for --partial).
  bool fades() const;

  /// The fields the conditions read, slot i being fields()[i].
  const std::vector<io::Path>& fields() const;
  /// The field set and the dispatch table as stable text (--dump-plan).
  std::string dump_plan() const;

  const Impl& impl() const { return *impl_; }

 private:
  std::shared_ptr<const Impl> impl_;
};

/// Reads and compiles a rule set. A missing file throws Error (66); any
/// error in it throws Error(kProgramErrorStatus) at file:line:column with
/// the line, a caret and what was expected.
Program load_rules(const std::string& path);
/// The same for a policy file.
Program load_policy(const std::string& path);
/// From text (tests, fuzzing); `file` names it in messages.
Program parse_rules(std::string text, std::string file = "<rules>");
Program parse_policy(std::string text, std::string file = "<policy>");

}  // namespace socred::rules
