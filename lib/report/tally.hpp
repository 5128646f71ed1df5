// The accumulators: what report keeps per group for each kind of input.
// Each add() validates one record completely before it changes anything, so
// a rejected line leaves no trace; merge() folds groups into a total.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "io/json_path.hpp"
#include "io/raw_json.hpp"
#include "io/record_reader.hpp"
#include "report/distribution.hpp"

namespace socred::report {

/// Why a record cannot be used, and the key it is about (for the column).
struct Problem {
  std::string key;
  std::string message;
};

/// What the tallies need to know from the command line.
struct Settings {
  std::optional<double> cutoff;             // score lines: selected when score >= cutoff
  std::vector<std::string> public_sources;  // by_source keys that are public records
  double threshold = 0.5;                   // linkage: predicted match when probability >= this
  io::Path truth;                           // linkage: the ground-truth field (empty: look)
  bool strict = false;                      // a missing optional field is a bad line
};

/// Points per name (rule or source) in the order names first appear, which
/// for score lines is rule-file order. Points are integers in thousandths
/// (DESIGN.md "Arithmetic"), so sums are exact in any order.
class Ledger {
 public:
  struct Entry {
    std::string name;
    std::int64_t total = 0;
    std::int64_t positive = 0;  // sum of the gains
    std::int64_t negative = 0;  // sum of the losses (<= 0)
    std::uint64_t persons = 0;  // lines where it was non-zero
  };
  void add(std::string_view name, std::int64_t thousandths);
  void merge(const Ledger& other);
  const std::vector<Entry>& entries() const { return entries_; }
  std::int64_t weight() const;  // sum of |points| over every entry

 private:
  std::size_t find_or_add(std::string_view name);
  std::vector<Entry> entries_;
  std::size_t hint_ = 0;  // the next line usually names the entries in the same order
};

/// sum += v, stopping at the ends of int64 rather than wrapping: every
/// value of points fits, but many of them near the limit together need not.
void accumulate(std::int64_t& sum, std::int64_t v);
/// |points| of an entry: positive - negative (negative <= 0), saturating.
std::int64_t weight_of(std::int64_t positive, std::int64_t negative);
/// b - a, saturating.
std::int64_t difference(std::int64_t b, std::int64_t a);
/// |v|, in unsigned arithmetic: |INT64_MIN| does not fit an int64.
inline std::uint64_t magnitude(std::int64_t v) {
  return v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
}

/// Counts per string key, sorted by key.
using Counts = std::map<std::string, std::uint64_t, std::less<>>;
void add_count(Counts& counts, std::string_view key, std::uint64_t n = 1);

/// Folds one tally's figure into another's: numbers add, Counts add key by
/// key, and anything else (a Distribution, a Ledger) merges.
void merge_into(Counts& into, const Counts& from);
template <class T>
void merge_into(T& into, const T& from) {
  if constexpr (std::is_arithmetic_v<T>)
    into += from;
  else
    into.merge(from);
}
/// merge_into for each listed member: merge_members(*this, other, &T::a, &T::b).
template <class T, class... Member>
void merge_members(T& into, const T& from, Member T::*... members) {
  (merge_into(into.*members, from.*members), ...);
}

struct ScoreTally {
  std::uint64_t persons = 0;
  Distribution score;
  std::uint64_t events = 0;
  std::uint64_t matched = 0;
  std::uint64_t selected = 0;  // score >= cutoff
  Ledger rules;
  Ledger sources;
  Ledger spilled;
  Counts flags;  // flag -> persons carrying it

  std::optional<Problem> add(const io::Record& line, const Settings& settings);
  void merge(const ScoreTally& other);

 private:
  // Scratch for one line (not part of the tally): each points object's
  // values, read and checked before anything is counted.
  std::vector<std::pair<std::string_view, std::int64_t>> points_[3];
  std::vector<io::RawMember> raw_;
};

struct ServiceCounts {
  std::string service;
  std::uint64_t allow = 0;
  std::uint64_t forbidden = 0;
  std::uint64_t not_permitted = 0;
  // How faithful the reasons of the denials are (gate.1 REASONS).
  std::uint64_t checked = 0;     // denials that carry without_cited
  std::uint64_t suffice = 0;     // without_cited is allow: the cited reasons cover the gap
  std::uint64_t not_earned = 0;  // denials citing points not earned
  std::uint64_t friends = 0;     // denials naming friends' points
  std::uint64_t total() const { return allow + forbidden + not_permitted; }
  std::uint64_t denied() const { return forbidden + not_permitted; }
};

/// What a reason is, without the numbers in its text: its kind, the rule
/// it rests on (a penalty's or friends' rule, the rule that set a flag)
/// and the clause (a forbid's or an unmet allow's own words).
struct ReasonKey {
  std::string kind;  // gap, penalty, friends, not_earned, forbid, flag; "text" for a plain string
  std::string rule;
  std::string flag;
  std::string clause;
  bool operator<(const ReasonKey& o) const {
    return std::tie(kind, rule, flag, clause) < std::tie(o.kind, o.rule, o.flag, o.clause);
  }
  bool operator==(const ReasonKey& o) const {
    return kind == o.kind && rule == o.rule && flag == o.flag && clause == o.clause;
  }
};
/// The key of one reason as gate writes it (an object), or of a plain
/// string reason (kind "text", the string as its clause). `text` is set to
/// a penalty's text (the rule's reason, which has no numbers in it).
ReasonKey reason_key(simdjson::dom::element reason, std::string* text = nullptr);
/// How a key reads in a table: "penalty: late_repayment".
std::string reason_label(const ReasonKey& key);

struct ReasonCount {
  std::uint64_t denials = 0;    // denials citing it
  std::uint64_t principal = 0;  // denials whose principal reason it is
  std::string text;             // what a penalty tells people (the rule's reason), first seen
};

struct DecisionTally {
  std::uint64_t lines = 0;
  std::vector<ServiceCounts> services;  // first-seen order (policy order)
  std::map<ReasonKey, ReasonCount> reasons;

  std::optional<Problem> add(const io::Record& line, const Settings& settings);
  void merge(const DecisionTally& other);
  ServiceCounts& service(std::string_view name);

 private:
  std::size_t hint_ = 0;
  std::vector<ReasonKey> keys_;  // scratch: one line's reasons
};

/// The summary line join-records' evaluation writes before its error pairs
/// (the counts over every pair, of which only the errors follow).
struct LinkEvaluation {
  std::uint64_t pairs_compared = 0, true_links = 0, links = 0;
  std::uint64_t tp = 0, fp = 0, fn = 0;
  double threshold = 0;
};

struct LinkTally {
  std::optional<LinkEvaluation> evaluation;  // the last summary line seen
  std::uint64_t summaries = 0;               // evaluation summary lines read
  std::uint64_t pairs = 0;
  std::uint64_t no_partner = 0;  // right is null: the left record was left unlinked
  std::uint64_t unlabelled = 0;  // no ground truth on the line
  std::uint64_t tp = 0, fp = 0, fn = 0, tn = 0;
  Distribution weight_true;
  Distribution weight_false;
  Distribution weight_unlabelled;
  std::map<std::string, Counts, std::less<>> field_levels;  // field -> level -> pairs

  std::optional<Problem> add(const io::Record& line, const Settings& settings);
  void merge(const LinkTally& other);
};

struct EventTally {
  std::uint64_t events = 0;
  std::uint64_t public_events = 0;
  Counts sources;
  Counts types;  // "source/type"
  Counts keys;   // which key the event carries: person, account, national_id, name+birthdate
  std::string first_ts, last_ts;

  std::optional<Problem> add(const io::Record& line, const Settings& settings);
  void merge(const EventTally& other);
};

/// The last value of each of `keys` among a record's top-level fields, in
/// one pass over the fields (a lookup per key would scan the object once per
/// key, which was a third of report's time on score lines).
template <std::size_t N>
void pick(simdjson::dom::object record, const std::string_view (&keys)[N],
          std::optional<simdjson::dom::element> (&out)[N]) {
  for (auto& o : out) o.reset();
  for (auto field : record) {
    for (std::size_t i = 0; i < N; ++i) {
      if (field.key.size() == keys[i].size() && field.key == keys[i]) {
        out[i] = field.value;
        break;
      }
    }
  }
}

/// A JSON number as a Real: integers with all their 64 bits, doubles as
/// they are; nullopt for anything else.
std::optional<Real> real_of(simdjson::dom::element value);

/// The points of a points object (contributions, by_source, spilled: name
/// -> points) in thousandths, read exactly (rules::json_points), into `out`.
/// `text` is the line the object is the top-level member `key` of, looked
/// at only when a decimal needs its digits; `raw` is scratch. A value that
/// is not a number, or past 64 bits in thousandths, is a Problem.
std::optional<Problem> read_points(simdjson::dom::object points, std::string_view text,
                                   std::string_view key,
                                   std::vector<std::pair<std::string_view, std::int64_t>>& out,
                                   std::vector<io::RawMember>& raw);
/// The text of a string, or the compact JSON of any other value (group keys,
/// reasons that are objects).
std::string value_text(simdjson::dom::element value);
/// The principal reason of a decision's ranked `reasons` (strings, or
/// objects as gate writes them): the first that is not a `gap` (which
/// restates the threshold), friends' points as "friends: RULE"; empty
/// when there is none.
std::string principal_reason(simdjson::dom::array reasons);

}  // namespace socred::report
