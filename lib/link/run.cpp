// The linkage pipeline. Each stage is a function of its own file; this one
// checks the options against each other, wires the stages, and notes
// what a user should know (values that could not be compared, EM
// that did not settle, the size of the work with --stats).
#include "link/run.hpp"

#include <fmt/format.h>

#include <memory>
#include <set>
#include <thread>

#include "io/error.hpp"
#include "link/blocking.hpp"
#include "link/candidates.hpp"
#include "link/clusters.hpp"
#include "link/evaluation.hpp"
#include "link/link_output.hpp"
#include "link/model_file.hpp"
#include "link/one_to_one.hpp"
#include "link/term_frequency.hpp"
#include "link/train.hpp"

namespace socred::link {
namespace {

[[noreturn]] void usage(const std::string& message) { throw Error(kExitUsage, message); }

void check(const Options& o) {
  if (o.dedupe && !o.right.empty()) usage("--dedupe reads one source: drop --right");
  if (!o.dedupe && o.right.empty())
    usage("--fuzzy links the input to --right FILE (or use --dedupe)");
  if (o.one_to_one && o.best) usage("--one-to-one and --best exclude each other");
  if (o.dedupe && (o.one_to_one || o.best))
    usage("--one-to-one and --best are for linking two sources");
  if (o.clusters && !o.dedupe) usage("--clusters needs --dedupe");
  if (!o.model.empty() && !o.compare.empty())
    usage("--compare and --model exclude each other: the model fixes the comparisons");
  if (o.model.empty() && o.compare.empty()) usage("--fuzzy needs --compare (or --model)");
  if (!o.evaluate.empty() && !o.evaluate_pairs.empty())
    usage("--evaluate and --evaluate-pairs exclude each other");
  if (!o.model.empty() && !o.train.empty()) usage("--train and --model exclude each other");
  if (o.clusters && (!o.evaluate.empty() || !o.evaluate_pairs.empty()))
    usage("--clusters and --evaluate exclude each other");
}

std::vector<std::string> default_rules(const std::vector<Comparison>& comparisons) {
  std::vector<std::string> rules;
  for (const auto& c : comparisons) {
    std::string field = io::path_text(c.left);
    if (c.right != c.left) field += "=" + io::path_text(c.right);
    if (c.kind == Kind::kYear) field += ":year";
    rules.push_back(field);
  }
  return rules;
}

unsigned thread_count(unsigned asked) {
  if (asked > 0) return asked;
  unsigned n = std::thread::hardware_concurrency();
  return n > 0 ? n : 1;
}

void note_unusable(const io::Context& ctx, const std::vector<Comparison>& comparisons,
                   const Side& side, const char* which) {
  for (std::size_t c = 0; c < comparisons.size(); ++c) {
    const std::uint64_t n = side.unusable[c];
    if (n == 0) continue;
    const char* what = comparisons[c].kind == Kind::kDate     ? "a date"
                       : comparisons[c].kind == Kind::kYear   ? "a year"
                       : comparisons[c].kind == Kind::kNumber ? "a number"
                                                              : "text";
    ctx.diag.note(fmt::format(
        "note: \"{}\": {} {}value{} not {}, compared as missing (--strict rejects {})",
        comparisons[c].name, n, which, n == 1 ? " is" : "s are", what, n == 1 ? "it" : "them"));
  }
}

void write_preview(io::JsonlWriter& out, const std::vector<BlockingRule>& rules,
                   const Blocking& blocking, const Side& left, const Side& right, bool dedupe,
                   std::uint64_t max_pairs) {
  std::vector<RuleCount> counts = blocking.counts();
  std::uint64_t raw = 0;
  for (const auto& c : counts) raw += c.pairs;
  // The pairs each rule adds to those before it take a walk over the pairs;
  // skipped when the total is beyond what a run would accept anyway.
  std::vector<std::uint64_t> fresh(rules.size(), 0);
  const bool walk = raw <= max_pairs;
  if (walk)
    for (std::uint32_t i = 0; i < left.size; ++i)
      blocking.for_each_candidate(i, [&](std::uint32_t, std::size_t r) { ++fresh[r]; });
  std::uint64_t cumulative = 0;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    out.begin_object();
    out.key("rule").number(static_cast<std::uint64_t>(r + 1));
    out.key("block").string(rules[r].text);
    out.key("pairs").number(counts[r].pairs);
    out.key("new_pairs");
    if (walk)
      out.number(fresh[r]);
    else
      out.null();
    cumulative += fresh[r];
    out.key("cumulative");
    if (walk)
      out.number(cumulative);
    else
      out.null();
    out.key("largest_key").string(counts[r].largest_key);
    out.key("largest_pairs").number(counts[r].largest);
    out.end_object();
    out.end_line();
  }
  out.begin_object();
  out.key("total_pairs");
  if (walk)
    out.number(cumulative);
  else
    out.null();
  out.key("all_pairs").number(all_pairs(left.size, right.size, dedupe));
  out.key("max_pairs").number(max_pairs);
  out.end_object();
  out.end_line();
}

}  // namespace

int run(const Options& o, io::Context& ctx) {
  check(o);
  const bool dedupe = o.dedupe;
  const unsigned threads = thread_count(o.threads);

  Model model;
  std::vector<std::string> block_texts;
  const bool given_model = !o.model.empty();
  std::vector<Comparison> comparisons;
  if (given_model) {
    model = read_model(o.model, block_texts);
    if (model.dedupe != dedupe)
      throw Error(kExitUsage, fmt::format("{}: the model was trained {}; this run {}", o.model,
                                          model.dedupe ? "to deduplicate" : "to link two sources",
                                          dedupe ? "deduplicates" : "links two sources"));
    comparisons = model.comparisons;
  } else {
    for (const auto& text : o.compare) comparisons.push_back(parse_comparison(text));
  }
  if (comparisons.size() > kMaxComparisons)
    usage(fmt::format("at most {} comparisons (--compare)", kMaxComparisons));
  std::set<std::string> names;
  for (auto& c : comparisons) {
    if (!names.insert(c.name).second) usage(fmt::format("field \"{}\" is compared twice", c.name));
    if (o.no_term_frequency) c.term_frequency = false;
  }
  if (!o.block.empty())
    block_texts = o.block;
  else if (block_texts.empty())
    block_texts = default_rules(comparisons);
  std::vector<BlockingRule> rules;
  for (const auto& text : block_texts) rules.push_back(parse_blocking_rule(text));
  if (rules.size() > kMaxRules)
    usage(fmt::format("at most {} blocking rules (--block)", kMaxRules));
  auto id_spec = split_field_spec(o.id);
  auto truth_spec = split_field_spec(o.evaluate);

  // Every input is opened before any is read: a missing file stops the run
  // (66) before it has consumed standard input.
  io::RecordReader left_reader(ctx.io.inputs, ctx.rejects, ctx.stats);
  std::unique_ptr<io::RecordReader> right_reader, pairs_reader;
  if (!dedupe)
    right_reader = std::make_unique<io::RecordReader>(std::vector<std::string>{o.right},
                                                      ctx.rejects, ctx.stats);
  if (!o.evaluate_pairs.empty())
    pairs_reader = std::make_unique<io::RecordReader>(std::vector<std::string>{o.evaluate_pairs},
                                                      ctx.rejects, ctx.stats);

  LoadSpec spec;
  spec.comparisons = &comparisons;
  spec.rules = &rules;
  spec.strict = ctx.io.strict;
  if (!o.id.empty()) spec.id = io::parse_path(id_spec.left);
  if (!o.evaluate.empty()) spec.truth = io::parse_path(truth_spec.left);
  Side left, right_side;
  load_side(left_reader, spec, left);
  spec.right = true;
  if (!o.id.empty()) spec.id = io::parse_path(id_spec.right);
  if (!o.evaluate.empty()) spec.truth = io::parse_path(truth_spec.right);
  if (!dedupe) load_side(*right_reader, spec, right_side);
  const Side& right = dedupe ? left : right_side;
  note_unusable(ctx, comparisons, left, dedupe ? "" : "left ");
  if (!dedupe) note_unusable(ctx, comparisons, right_side, "right ");

  std::vector<Side*> sides{&left};
  if (!dedupe) sides.push_back(&right_side);
  std::vector<double> totals = count_terms(comparisons, sides);

  Blocking blocking(rules.size(), left, right, dedupe);
  if (o.preview) {
    write_preview(ctx.out, rules, blocking, left, right, dedupe, o.max_pairs);
    return kExitOk;
  }
  std::uint64_t raw_pairs = 0;
  std::vector<RuleCount> counts = blocking.counts();
  for (std::size_t r = 0; r < rules.size(); ++r) {
    raw_pairs += counts[r].pairs;
    if (counts[r].pairs > o.max_pairs)
      throw Error(
          kExitData,
          fmt::format("blocking rule {} ({}) would compare {} pairs, more than --max-pairs {}; "
                      "its largest block is \"{}\" with {} pairs: add a key to the rule, or see "
                      "--preview",
                      r + 1, rules[r].text, counts[r].pairs, o.max_pairs, counts[r].largest_key,
                      counts[r].largest));
  }
  if (raw_pairs > o.max_pairs)
    throw Error(kExitData, fmt::format("the blocking rules would compare up to {} pairs, more than "
                                       "--max-pairs {}: see --preview",
                                       raw_pairs, o.max_pairs));

  Training training;
  if (given_model) {
    model.comparisons = comparisons;
    model.prior = rescaled_prior(model, dedupe, right.size);
  } else {
    TrainingOptions t;
    t.random_pairs = o.random_pairs;
    t.seed = o.seed;
    t.threads = threads;
    t.em.max_iterations = o.em_iterations;
    t.candidate_estimate = raw_pairs;
    model = train_model(comparisons, rules, left, right, blocking, dedupe, t, training);
    for (const Session& session : training.sessions)
      if (!session.em.converged && session.em.iterations > 0)
        ctx.diag.note(
            fmt::format("note: EM on the pairs of rule \"{}\" did not settle in {} iterations",
                        session.rule, session.em.iterations));
    for (const std::string& name : training.not_estimated)
      ctx.diag.note(
          fmt::format("note: every blocking rule uses \"{}\", so its m could not be estimated "
                      "(add a rule without it)",
                      name));
    if (!o.train.empty()) write_model(o.train, model_json(model, block_texts, &training));
  }

  Scorer scorer(model, left, right, totals);
  // Linking with --best or --one-to-one says each left record has one
  // partner at most: its candidates then compete for it (Selection).
  Selection keep;
  keep.exclusive = !dedupe && (o.best || o.one_to_one);
  if (!std::isnan(o.min_weight)) {
    keep.min_weight = o.min_weight;
  } else if (keep.exclusive) {
    keep.by_probability = true;
    keep.min_probability = o.threshold;
  } else {
    keep.min_weight = weight_of_probability(o.threshold);
  }
  if (keep.exclusive) {
    const double has_partner = std::min(model.prior * static_cast<double>(right.size), 0.999);
    keep.no_partner = 1 - has_partner;
    keep.outside_odds = model.prior / (1 - model.prior) * model.outside_ratio;
    keep.right_records = right.size;
  }
  LinkWriter writer{model, scorer, left, right, o.values};
  const bool evaluating = !o.evaluate.empty() || !o.evaluate_pairs.empty();
  const bool collect = evaluating || dedupe || o.one_to_one;
  std::vector<Link> links;
  std::uint64_t streamed = 0;
  std::uint64_t compared = score_candidates(
      comparisons, left, right, blocking, scorer, keep, threads, [&](std::vector<Link>& chunk) {
        if (o.best) chunk = best_per_left(chunk);
        if (collect) {
          links.insert(links.end(), chunk.begin(), chunk.end());
        } else {
          for (const Link& l : chunk) writer.line(ctx.out, l);
          streamed += chunk.size();
        }
      });
  if (o.one_to_one) links = one_to_one(std::move(links));

  if (evaluating) {
    std::uint64_t unknown = 0;
    std::vector<PairKey> truth =
        pairs_reader ? true_pairs_from_file(*pairs_reader, left, right, dedupe, unknown)
                     : true_pairs_from_fields(left, right, dedupe);
    EvaluationInput in{comparisons, left, right, blocking, writer};
    in.dedupe = dedupe;
    in.pairs_compared = compared;
    in.threshold = std::isnan(o.min_weight) ? o.threshold : probability(o.min_weight);
    in.unknown = unknown;
    evaluate(ctx.out, in, links, std::move(truth));
  } else if (dedupe) {
    Clusters clusters(left.size, links);
    if (o.clusters) {
      for (std::uint32_t r = 0; r < left.size; ++r) {
        ctx.out.begin_object();
        ctx.out.key("record").raw(left.id(r));
        ctx.out.key("cluster").raw(left.id(clusters.cluster_of(r)));
        ctx.out.key("cluster_size").number(static_cast<std::uint64_t>(clusters.size_of(r)));
        ctx.out.end_object();
        ctx.out.end_line();
      }
    } else {
      for (const Link& l : links) {
        ctx.out.begin_object();
        writer.keys(ctx.out, l);
        ctx.out.key("cluster").raw(left.id(clusters.cluster_of(l.left)));
        ctx.out.end_object();
        ctx.out.end_line();
      }
    }
  } else if (collect) {
    for (const Link& l : links) writer.line(ctx.out, l);
  }

  if (ctx.io.stats) {
    std::string sizes = dedupe ? fmt::format("{} records", left.size)
                               : fmt::format("{} x {} records", left.size, right.size);
    std::string line = fmt::format(
        "linkage: {}, {} candidate pairs of {:.0f}, prior 1 in {:.0f}, {} links", sizes, compared,
        all_pairs(left.size, right.size, dedupe), 1 / model.prior, streamed + links.size());
    if (!given_model) line += fmt::format(", {:.1f} expected matches", training.expected_matches);
    ctx.diag.note(line);
  }
  return kExitOk;
}

}  // namespace socred::link
