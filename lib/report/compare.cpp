// The merge of two runs by person. score writes one line per person sorted
// by person and gate one line per person and service in the same order, so
// walking both files together needs one person's lines at a time.
#include "report/compare.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "io/error.hpp"
#include "io/raw_json.hpp"
#include "io/record_reader.hpp"
#include "report/groups.hpp"

namespace socred::report {

namespace {

using Points = std::vector<std::pair<std::string, std::int64_t>>;

// Points spilled from friends by a rule, as a cause beside the rules.
constexpr const char* kFriendsCause = "friends: ";

struct ServiceLine {
  std::string service;
  std::string decision;
  std::string reason;  // the principal one
};

// What one run says about one person.
struct Person {
  std::string person;
  std::optional<Real> score;
  Points contributions;
  std::vector<std::string> flags;
  std::vector<ServiceLine> services;
  std::string group;
  bool group_known = false;
};

int outcome_index(const std::string& decision) {
  return decision == "allow" ? 0 : decision == "forbidden" ? 1 : 2;
}

std::string principal_reason(simdjson::dom::object record) {
  auto reasons = io::last_field(record, "reasons");
  simdjson::dom::array list;
  if (!reasons || reasons->get(list) != simdjson::SUCCESS) return "";
  return report::principal_reason(list);
}

// One run, read a person at a time, checked to be in person order.
class Run {
 public:
  Run(const std::string& path, io::Rejects& rejects, io::LineStats& stats,
      const CompareSettings& cs, Kind& kind)
      : reader_({path}, rejects, stats), cs_(cs), kind_(kind) {}

  bool next(Person& out) {
    if (!pending_ && !read()) return false;
    out = std::move(parsed_);
    pending_ = false;
    while (read()) {
      if (parsed_.person == out.person) {
        if (kind_ == Kind::kScore) {
          reader_.reject(record_, io::value_column(record_.text, "person"),
                         fmt::format("person \"{}\" has a second score line", out.person));
          continue;
        }
        for (auto& s : parsed_.services) out.services.push_back(std::move(s));
        continue;
      }
      if (parsed_.person < out.person)
        throw Error(kExitData,
                    fmt::format("not sorted by person: \"{}\" after \"{}\" (--compare reads "
                                "runs in person order, as score and gate write them)",
                                parsed_.person, out.person),
                    *record_.file, record_.line, io::value_column(record_.text, "person"));
      pending_ = true;
      break;
    }
    return true;
  }

 private:
  // The next usable record, parsed into parsed_; false at the end.
  bool read() {
    while (reader_.next(record_)) {
      if (auto problem = parse()) {
        reader_.reject(record_,
                       problem->key.empty() ? 0 : io::value_column(record_.text, problem->key),
                       problem->message);
        continue;
      }
      return true;
    }
    return false;
  }

  std::optional<Problem> parse() {
    simdjson::dom::object root = record_.root;
    const Kind seen = detect(root);
    if (kind_ == Kind::kAuto) {
      if (seen != Kind::kScore && seen != Kind::kDecision)
        return Problem{"", "--compare reads score lines or decision lines; this is neither"};
      kind_ = seen;
    } else if (seen != kind_ && cs_.kind == Kind::kAuto) {
      return Problem{"", fmt::format("expected {} in both runs, found {}", kind_lines(kind_),
                                     seen == Kind::kAuto ? "another record" : kind_lines(seen))};
    }
    // The tallies validate the fields exactly as a plain report would.
    if (kind_ == Kind::kScore) {
      ScoreTally check;
      if (auto p = check.add(record_, cs_.settings)) return p;
    } else {
      DecisionTally check;
      if (auto p = check.add(record_, cs_.settings)) return p;
    }
    Person p;
    p.person = std::string(io::last_field(root, "person")->get_string().value_unsafe());
    if (auto s = io::last_field(root, "score")) p.score = real_of(*s);
    simdjson::dom::object contributions;
    if (auto c = io::last_field(root, "contributions");
        c && c->get(contributions) == simdjson::SUCCESS &&
        !read_points(contributions, record_.text, "contributions", points_, raw_)) {
      for (const auto& [rule, milli] : points_) p.contributions.emplace_back(rule, milli);
    }
    simdjson::dom::object spilled;
    if (auto c = io::last_field(root, "spilled");
        c && c->get(spilled) == simdjson::SUCCESS &&
        !read_points(spilled, record_.text, "spilled", points_, raw_)) {
      for (const auto& [rule, milli] : points_)
        p.contributions.emplace_back(kFriendsCause + std::string(rule), milli);
    }
    simdjson::dom::array flags;
    if (auto f = io::last_field(root, "flags"); f && f->get(flags) == simdjson::SUCCESS) {
      for (auto e : flags) {
        std::string_view s;
        if (e.get_string().get(s) == simdjson::SUCCESS) p.flags.emplace_back(s);
      }
    }
    if (kind_ == Kind::kDecision) {
      p.services.push_back(
          {std::string(io::last_field(root, "service")->get_string().value_unsafe()),
           std::string(io::last_field(root, "decision")->get_string().value_unsafe()),
           principal_reason(root)});
    }
    if (cs_.by) {
      if (auto g = io::lookup(root, *cs_.by)) {
        p.group = value_text(*g);
        p.group_known = true;
      }
    }
    parsed_ = std::move(p);
    return std::nullopt;
  }

  io::RecordReader reader_;
  const CompareSettings& cs_;
  Kind& kind_;
  io::Record record_;
  Person parsed_;
  bool pending_ = false;
  std::vector<std::pair<std::string_view, std::int64_t>> points_;  // scratch
  std::vector<io::RawMember> raw_;                                 // scratch
};

// The rule whose change pushed hardest in the direction of `sign` (+1 up,
// -1 down), or none.
std::optional<std::pair<std::string, std::int64_t>> main_rule(const Points& deltas, int sign) {
  std::optional<std::pair<std::string, std::int64_t>> best;
  for (const auto& [rule, d] : deltas) {
    if (d == 0 || (sign > 0) != (d > 0)) continue;
    if (!best || magnitude(d) > magnitude(best->second)) best = {rule, d};
  }
  return best;
}

Points rule_deltas(const Points& a, const Points& b) {
  Points out;
  for (const auto& [rule, pb] : b) {
    auto it = std::find_if(a.begin(), a.end(), [&](const auto& e) { return e.first == rule; });
    out.emplace_back(rule, difference(pb, it == a.end() ? 0 : it->second));
  }
  for (const auto& [rule, pa] : a) {
    auto it = std::find_if(b.begin(), b.end(), [&](const auto& e) { return e.first == rule; });
    if (it == b.end()) out.emplace_back(rule, difference(0, pa));
  }
  return out;
}

std::string flag_change(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const auto& f : b)
    if (std::find(a.begin(), a.end(), f) == a.end()) return "flag " + f + " set";
  for (const auto& f : a)
    if (std::find(b.begin(), b.end(), f) == b.end()) return "flag " + f + " cleared";
  return "";
}

class Merger {
 public:
  // `kind` is known once the first line of either run has been read.
  Merger(Comparison& c, const CompareSettings& cs, const Kind& kind)
      : c_(c), cs_(cs), kind_(kind) {}

  void only(const Person& p, bool in_a) {
    const std::uint64_t units = kind_ == Kind::kDecision ? p.services.size() : 1;
    (in_a ? c_.only_a : c_.only_b) += units;
  }

  void both(const Person& a, const Person& b) {
    GroupShift* group = nullptr;
    if (cs_.by) {
      const std::string label = b.group_known   ? b.group
                                : a.group_known ? a.group
                                                : std::string(kMissingGroup);
      group = &c_.groups[label];
    }
    std::optional<Real> shift;
    if (a.score && b.score) {
      shift = *b.score - *a.score;
      c_.shift.add(*shift);
      if (group) group->shift.add(*shift);
      (*shift > 0 ? c_.up : *shift < 0 ? c_.down : c_.same) += 1;
    }
    const Points deltas = rule_deltas(a.contributions, b.contributions);
    for (const auto& [rule, d] : deltas)
      if (d != 0) c_.rule_shift.add(rule, d);
    const std::string flags = flag_change(a.flags, b.flags);

    if (kind_ == Kind::kScore) {
      ++c_.both;
      if (group) ++group->total;
      const Real sa = a.score.value_or(0), sb = b.score.value_or(0);
      bool changed;
      Change ch{a.person, "", a.score, b.score, "", "", "", 0};
      if (cs_.settings.cutoff) {
        const bool in_a = sa >= *cs_.settings.cutoff, in_b = sb >= *cs_.settings.cutoff;
        changed = in_a != in_b;
        ch.outcome_a = in_a ? "selected" : "not selected";
        ch.outcome_b = in_b ? "selected" : "not selected";
        if (changed) (in_b ? c_.gained : c_.lost) += 1;
      } else {
        changed = sa != sb;
      }
      if (!changed) return;
      ++c_.changed;
      if (group) ++group->changed;
      explain(ch, deltas, flags, sb > sa ? 1 : -1, "");
      record(std::move(ch));
      return;
    }

    for (const ServiceLine& lb : b.services) {
      auto la = std::find_if(a.services.begin(), a.services.end(),
                             [&](const ServiceLine& s) { return s.service == lb.service; });
      if (la == a.services.end()) {
        ++c_.only_b;
        continue;
      }
      ++c_.both;
      if (group) ++group->total;
      Transitions& t = transitions(lb.service);
      t.counts[outcome_index(la->decision)][outcome_index(lb.decision)] += 1;
      if (la->decision == lb.decision) continue;
      ++c_.changed;
      if (group) ++group->changed;
      if (lb.decision == "allow") ++c_.gained;
      if (la->decision == "allow") ++c_.lost;
      Change ch{a.person, lb.service, a.score, b.score, la->decision, lb.decision, "", 0};
      const int sign = lb.decision == "allow"    ? 1
                       : la->decision == "allow" ? -1
                       : shift && *shift > 0     ? 1
                                                 : -1;
      explain(ch, deltas, flags, sign,
              lb.decision == "allow" ? "no longer: " + la->reason : lb.reason);
      record(std::move(ch));
    }
    for (const ServiceLine& la : a.services) {
      if (std::none_of(b.services.begin(), b.services.end(),
                       [&](const ServiceLine& s) { return s.service == la.service; }))
        ++c_.only_a;
    }
  }

 private:
  Transitions& transitions(const std::string& service) {
    for (Transitions& t : c_.services)
      if (t.service == service) return t;
    c_.services.push_back(Transitions{service, {}});
    return c_.services.back();
  }

  // The cause of a change, most specific first: the rule whose points moved
  // most in the change's direction, else a flag set or cleared, else the
  // reason gate gave, else the policy itself (same inputs, other outcome).
  void explain(Change& ch, const Points& deltas, const std::string& flags, int sign,
               const std::string& reason) {
    if (auto rule = main_rule(deltas, sign)) {
      ch.cause = rule->first;
      ch.cause_points = rule->second;
    } else if (!flags.empty()) {
      ch.cause = flags;
    } else if (!reason.empty() && reason != "no longer: ") {
      ch.cause = reason;
    } else {
      ch.cause = kind_ == Kind::kDecision ? "(policy)" : "(unexplained)";
    }
    add_count(c_.causes, ch.cause);
  }

  // Keeps the `top` largest changes by |score shift|, then person order:
  // the list a reader can check by hand, in memory bounded by --top.
  void record(Change ch) {
    if (cs_.top <= 0) return;
    auto size_of = [](const Change& x) {
      return x.score_a && x.score_b ? std::fabs(*x.score_b - *x.score_a) : Real(0);
    };
    auto before = [&](const Change& x, const Change& y) {
      if (size_of(x) != size_of(y)) return size_of(x) > size_of(y);
      return std::tie(x.person, x.service) < std::tie(y.person, y.service);
    };
    auto& ex = c_.examples;
    auto at = std::upper_bound(ex.begin(), ex.end(), ch, before);
    if (ex.size() >= static_cast<std::size_t>(cs_.top) && at == ex.end()) return;
    ex.insert(at, std::move(ch));
    if (ex.size() > static_cast<std::size_t>(cs_.top)) ex.pop_back();
  }

  Comparison& c_;
  const CompareSettings& cs_;
  const Kind& kind_;
};

}  // namespace

std::uint64_t Transitions::total() const {
  std::uint64_t n = 0;
  for (const auto& row : counts)
    for (auto v : row) n += v;
  return n;
}

std::uint64_t Transitions::changed() const {
  return total() - counts[0][0] - counts[1][1] - counts[2][2];
}

Comparison compare_runs(const std::string& a, const std::string& b, const CompareSettings& cs,
                        io::Rejects& rejects, io::LineStats& stats) {
  Comparison c;
  c.file_a = a;
  c.file_b = b;
  Kind kind = cs.kind;
  Run run_a(a, rejects, c.stats_a, cs, kind);
  Run run_b(b, rejects, c.stats_b, cs, kind);
  Merger merger(c, cs, kind);
  Person pa, pb;
  bool ha = run_a.next(pa), hb = run_b.next(pb);
  while (ha || hb) {
    if (hb && (!ha || pb.person < pa.person)) {
      merger.only(pb, false);
      hb = run_b.next(pb);
    } else if (ha && (!hb || pa.person < pb.person)) {
      merger.only(pa, true);
      ha = run_a.next(pa);
    } else {
      merger.both(pa, pb);
      ha = run_a.next(pa);
      hb = run_b.next(pb);
    }
  }
  c.kind = kind;
  stats.add(c.stats_a);
  stats.add(c.stats_b);
  return c;
}

}  // namespace socred::report
