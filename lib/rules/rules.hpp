// The rules language in one include: load a rule set or a policy, evaluate
// records with it, and turn matches into points. See socred-rules(5).
//
// Scoring (score):
//   auto program = socred::rules::load_rules("sesame.rules");  // throws Error
//   socred::rules::Evaluator ev(program, {{"person"}, {"id"}, {"source"}});
//   ev.set_strict(opt.strict);
//   std::vector<socred::rules::Match> matches;
//   while (reader.next(record)) {
//     if (!ev.evaluate(record.root, matches)) reader.reject(record, 0, ev.problem());
//     auto who = ev.extra(0);                       // Value: who.s for a string
//     if (ev.ts_state() != Evaluator::TsState::ok) ...;  // needed for caps and fades
//     for (auto& m : matches) {
//       const Rule& rule = program.rules()[m.rule];
//       Milli pts = final_points(rule, m.raw, ev.ts(), as_of);
//       if (rule.cap) period = period_of(ev.ts(), rule.cap->days);  // sum, then apply_cap
//     }
//   }
//   score = program.score(total_milli);  // base + total, clamped, rounded
//
// Deciding (gate):
//   auto policy = socred::rules::load_policy("state.policy");
//   socred::rules::Evaluator ev(policy, {{"person"}});
//   socred::rules::PolicyResult res;
//   ev.evaluate_policy(line.root, res);
//   for (auto& c : res.clauses) {  // policy.services()[c.service].clauses[c.clause]
//     for (auto k = c.first; k < c.first + c.count; ++k) {
//       const Comparison& a = res.comparisons[k];   // "score 612 < 650":
//       // *a.left, value_text(a.observed), op_text(negated(a.op)), value_text(a.threshold)
//     }
//   }
//   // what-if: ev.set_field(*ev.slot_of({"score"}), Value::integer(650)), then
//   // res.clear(); ev.evaluate_service(s, res) on the same bound line.
//
// Values (Value) point into the bound record and live until the next bind.
#pragma once

#include "rules/eval.hpp"
#include "rules/milli.hpp"
#include "rules/points.hpp"
#include "rules/program.hpp"
#include "rules/source.hpp"
#include "rules/time.hpp"
#include "rules/value.hpp"
