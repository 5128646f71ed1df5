// The linkage pipeline. Each stage is a function of its own file; this one
// checks the options against each other, wires the stages, and notes
// what a user should know (values that could not be compared, EM
// that did not settle, the size of the work with --stats).
#include "link/run.hpp"

#include <fmt/format.h>

#include <cmath>
#include <memory>
#include <set>

#include "io/error.hpp"
#include "io/json_path.hpp"
#include "io/json_text.hpp"
#include "io/threads.hpp"
#include "link/blocking.hpp"
#include "link/candidates.hpp"
#include "link/clusters.hpp"
#include "link/evaluation.hpp"
#include "link/link_output.hpp"
#include "link/model_file.hpp"
#include "link/one_to_one.hpp"
#include "link/random_pairs.hpp"
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
  if (!std::isnan(o.prior) && !std::isnan(o.expected_matches))
    usage("--prior and --expected-matches exclude each other");
  if (!std::isnan(o.prior) && !(o.prior > 0 && o.prior < 1))
    usage("--prior is a probability between 0 and 1, both excluded");
  if (!std::isnan(o.expected_matches) && !(o.expected_matches > 0))
    usage("--expected-matches must be more than 0");
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

void note_unusable(const io::Context& ctx, const std::vector<Comparison>& comparisons,
                   const Side& side, const char* which) {
  for (std::size_t c = 0; c < comparisons.size(); ++c) {
    const std::uint64_t n = side.unusable[c];
    if (n == 0) continue;
    const char* what = comparisons[c].kind == Kind::kDate     ? "a date"
                       : comparisons[c].kind == Kind::kYear   ? "a year"
                       : comparisons[c].kind == Kind::kNumber ? "a number"
                                                              : "text";
    const std::uint64_t no_day = side.not_a_day[c];
    std::string days;
    if (no_day > 0)
      days = n == 1 ? "; it names no day of the calendar"
                    : fmt::format("; {} of them name no day of the calendar", no_day);
    ctx.diag.note(fmt::format(
        "note: \"{}\": {} {}value{} not {}, compared as missing (--strict rejects {}){}",
        comparisons[c].name, n, which, n == 1 ? " is" : "s are", what, n == 1 ? "it" : "them",
        days));
  }
}

// What the model expects of the blocking: the true pairs among the
// candidates and outside them, each pair's match probability summed. The
// pairs outside are too many to compare, so their sum is the mean over the
// random pairs that no rule gives (a sample of them), times their number.
struct BlockingEstimate {
  bool known = false;
  double in_blocks = 0, missed = 0;
};

BlockingEstimate estimate_blocking(const Options& o, const Model& model, const Side& left,
                                   const Side& right, const Blocking& blocking, std::size_t rules,
                                   unsigned threads) {
  const double prior = model.prior_weight();
  auto expected = [&](const std::vector<PatternCount>& patterns, double& pairs) {
    double sum = 0;
    pairs = 0;
    for (const PatternCount& p : patterns) {
      double w = prior;
      for (std::size_t c = 0; c < model.comparisons.size(); ++c)
        w += model.level_weight(c, level_in(p.pattern, c));
      sum += p.count * probability(w);
      pairs += p.count;
    }
    return sum;
  };
  BlockingEstimate e;
  e.known = true;
  const CandidatePatterns candidates =
      count_candidate_patterns(model.comparisons, left, right, blocking, rules, threads);
  double pairs = 0;
  e.in_blocks = expected(candidates.all(), pairs);
  const RandomPairs random = compare_random_pairs(model.comparisons, left, right, o.dedupe, rules,
                                                  o.random_pairs, o.seed, threads);
  double sampled = 0;
  const double sampled_matches = expected(random.outside, sampled);
  const double outside = std::max(
      0.0, all_pairs(left.size, right.size, o.dedupe) - static_cast<double>(candidates.pairs));
  if (sampled > 0) e.missed = sampled_matches / sampled * outside;
  return e;
}

void write_preview(io::JsonlWriter& out, const std::vector<BlockingRule>& rules,
                   const Blocking& blocking, const Side& left, const Side& right, bool dedupe,
                   std::uint64_t max_pairs, const BlockingEstimate& estimate) {
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
  if (estimate.known) {
    const double all_true = estimate.in_blocks + estimate.missed;
    out.key("expected_true_pairs").number(std::round(all_true * 10) / 10);
    out.key("expected_missed").number(std::round(estimate.missed * 10) / 10);
    out.key("expected_blocking_recall");
    if (all_true > 0)
      out.number(std::round(estimate.in_blocks / all_true * 10000) / 10000);
    else
      out.null();
  }
  out.end_object();
  out.end_line();
}

// What the run compares and how it blocks: from --model, or from --compare
// and --block (the default rules block on each compared field).
struct Setup {
  Model model;  // read from --model; trained later otherwise
  bool given_model = false;
  bool blocks_of_model = false;  // --model without --block: the rules it was trained on
  std::vector<Comparison> comparisons;
  std::vector<std::string> block_texts;
  std::vector<BlockingRule> rules;
};

Setup setup(const Options& o) {
  const bool dedupe = o.dedupe;
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
  return {std::move(model),
          given_model,
          given_model && o.block.empty(),
          std::move(comparisons),
          std::move(block_texts),
          std::move(rules)};
}

// Every input is opened before any is read: a missing file stops the run
// (66) before it has consumed standard input.
struct Readers {
  Readers(const Options& o, io::Context& ctx) : left(ctx.io.inputs, ctx.rejects, ctx.stats) {
    if (!o.dedupe)
      right = std::make_unique<io::RecordReader>(std::vector<std::string>{o.right}, ctx.rejects,
                                                 ctx.stats);
    if (!o.evaluate_pairs.empty())
      pairs = std::make_unique<io::RecordReader>(std::vector<std::string>{o.evaluate_pairs},
                                                 ctx.rejects, ctx.stats);
  }
  io::RecordReader left;
  std::unique_ptr<io::RecordReader> right, pairs;  // none when deduplicating, not --evaluate-pairs
};

// Reads the records of each side (the right one only when linking), each
// with its id and true-match fields, and notes values that were unusable.
void load_sides(const Options& o, const Setup& s, Readers& readers, const io::Context& ctx,
                Side& left, Side& right_side) {
  const bool dedupe = o.dedupe;
  auto id_spec = split_field_spec(o.id);
  auto truth_spec = split_field_spec(o.evaluate);
  LoadSpec spec;
  spec.comparisons = &s.comparisons;
  spec.rules = &s.rules;
  spec.strict = ctx.io.strict;
  if (!o.id.empty()) spec.id = io::parse_path(id_spec.left);
  if (!o.evaluate.empty()) spec.truth = io::parse_path(truth_spec.left);
  load_side(readers.left, spec, left);
  spec.right = true;
  if (!o.id.empty()) spec.id = io::parse_path(id_spec.right);
  if (!o.evaluate.empty()) spec.truth = io::parse_path(truth_spec.right);
  if (!dedupe) load_side(*readers.right, spec, right_side);
  note_unusable(ctx, s.comparisons, left, dedupe ? "" : "left ");
  if (!dedupe) note_unusable(ctx, s.comparisons, right_side, "right ");
}

// The pairs the blocking rules would compare, or a data error (65) where
// one rule, or all of them together, would compare more than --max-pairs.
std::uint64_t guard_pairs(const std::vector<BlockingRule>& rules, const Blocking& blocking,
                          std::uint64_t max_pairs) {
  std::uint64_t raw_pairs = 0;
  std::vector<RuleCount> counts = blocking.counts();
  for (std::size_t r = 0; r < rules.size(); ++r) {
    raw_pairs += counts[r].pairs;
    if (counts[r].pairs > max_pairs)
      throw Error(
          kExitData,
          fmt::format("blocking rule {} ({}) would compare {} pairs, more than --max-pairs {}; "
                      "its largest block is \"{}\" with {} pairs: add a key to the rule, or see "
                      "--preview",
                      r + 1, rules[r].text, counts[r].pairs, max_pairs, counts[r].largest_key,
                      counts[r].largest));
  }
  if (raw_pairs > max_pairs)
    throw Error(kExitData, fmt::format("the blocking rules would compare up to {} pairs, more than "
                                       "--max-pairs {}: see --preview",
                                       raw_pairs, max_pairs));
  return raw_pairs;
}

// --prior or --expected-matches: a user who knows how many records match
// overrides the estimate (Splink's "probability two random records match").
void replace_prior(const Options& o, Model& model, const Side& left, const Side& right,
                   Training& training) {
  if (!std::isnan(o.prior)) {
    model.prior = o.prior;
    training.prior_from = "--prior";
  } else if (!std::isnan(o.expected_matches)) {
    const double everything = all_pairs(left.size, right.size, o.dedupe);
    if (o.expected_matches > everything)
      usage(fmt::format("--expected-matches {} is more than the {:.0f} pairs there are",
                        o.expected_matches, everything));
    model.prior = std::min(o.expected_matches / everything, 0.999);
    training.prior_from = "--expected-matches";
  }
}

// The model the run weighs pairs with: the given one, its prior rescaled to
// this right side, or one trained by EM on these records (with notes on
// what it could not estimate; --train saves it).
void fit_model(const Options& o, Setup& s, const Side& left, const Side& right,
               const Blocking& blocking, std::uint64_t raw_pairs, unsigned threads,
               const io::Context& ctx, Training& training) {
  const bool dedupe = o.dedupe;
  Model& model = s.model;
  if (s.given_model) {
    model.comparisons = s.comparisons;
    model.prior = rescaled_prior(model, dedupe, right.size);
    training.estimated_prior = model.prior;
    replace_prior(o, model, left, right, training);
    return;
  }
  TrainingOptions t;
  t.random_pairs = o.random_pairs;
  t.seed = o.seed;
  t.threads = threads;
  t.em.max_iterations = o.em_iterations;
  t.candidate_estimate = raw_pairs;
  model = train_model(s.comparisons, s.rules, left, right, blocking, dedupe, t, training);
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
  for (const Pooled& p : training.pooled) {
    const Comparison& c = s.comparisons[p.comparison];
    ctx.diag.note(fmt::format(
        "note: \"{}\": levels {} to {} pooled to one weight ({:.3f}), as a closer level weighed "
        "less than a looser one",
        c.name, c.levels[p.first], c.levels[p.last], p.weight));
  }
  training.estimated_prior = model.prior;
  replace_prior(o, model, left, right, training);
  if (!o.train.empty()) write_model(o.train, model_json(model, s.block_texts, &training));
}

// Which weighed pairs are links. Linking with --best or --one-to-one says
// each left record has one partner at most: its candidates then compete
// for it.
Selection selection(const Options& o, const Model& model, std::size_t right_records) {
  Selection keep;
  keep.exclusive = !o.dedupe && (o.best || o.one_to_one);
  if (!std::isnan(o.min_weight)) {
    keep.min_weight = o.min_weight;
  } else if (keep.exclusive) {
    keep.by_probability = true;
    keep.min_probability = o.threshold;
  } else {
    keep.min_weight = weight_of_probability(o.threshold);
  }
  if (keep.exclusive) {
    const double has_partner = std::min(model.prior * static_cast<double>(right_records), 0.999);
    keep.no_partner = 1 - has_partner;
    keep.outside_odds = model.prior / (1 - model.prior) * model.outside_ratio;
    keep.right_records = right_records;
  }
  return keep;
}

// The links of a run: those written as they came, and those kept for the
// phase after (an evaluation, clusters, or --one-to-one's choice).
struct Linked {
  std::vector<Link> links;
  std::uint64_t streamed = 0;
  std::uint64_t compared = 0;  // candidate pairs weighed
};

bool collects(const Options& o) {
  const bool evaluating = !o.evaluate.empty() || !o.evaluate_pairs.empty();
  return evaluating || o.dedupe || o.one_to_one;
}

// Weighs every candidate pair and keeps the links (--best: one a left record).
Linked link_pairs(const Options& o, const Setup& s, const Side& left, const Side& right,
                  const Blocking& blocking, const Scorer& scorer, const LinkWriter& writer,
                  unsigned threads, io::Context& ctx) {
  const Selection keep = selection(o, s.model, right.size);
  const bool collect = collects(o);
  Linked linked;
  std::vector<Link>& links = linked.links;
  linked.compared = score_candidates(s.comparisons, left, right, blocking, scorer, keep, threads,
                                     [&](std::vector<Link>& chunk) {
                                       if (o.best) chunk = best_per_left(chunk);
                                       if (collect) {
                                         links.insert(links.end(), chunk.begin(), chunk.end());
                                       } else {
                                         for (const Link& l : chunk) writer.line(ctx.out, l);
                                         linked.streamed += chunk.size();
                                       }
                                     });
  if (o.one_to_one) links = one_to_one(std::move(links));
  return linked;
}

// Deduplication's output: each link with its cluster, or with --clusters
// each record with its cluster and the cluster's size.
void write_clusters(const Options& o, const Side& left, const LinkWriter& writer,
                    const std::vector<Link>& links, io::JsonlWriter& out) {
  Clusters clusters(left.size, links);
  if (o.clusters) {
    for (std::uint32_t r = 0; r < left.size; ++r) {
      out.begin_object();
      out.key("record").raw(left.id(r));
      out.key("cluster").raw(left.id(clusters.cluster_of(r)));
      out.key("cluster_size").number(static_cast<std::uint64_t>(clusters.size_of(r)));
      out.end_object();
      out.end_line();
    }
  } else {
    for (const Link& l : links) {
      out.begin_object();
      writer.keys(out, l);
      out.key("cluster").raw(left.id(clusters.cluster_of(l.left)));
      out.end_object();
      out.end_line();
    }
  }
}

// What comes out once every pair is weighed: the evaluation against the
// true matches, the clusters, or the links kept until now.
void write_results(const Options& o, const Setup& s, Readers& readers, const Side& left,
                   const Side& right, const Blocking& blocking, const LinkWriter& writer,
                   const Linked& linked, io::Context& ctx) {
  const bool dedupe = o.dedupe;
  const bool evaluating = !o.evaluate.empty() || !o.evaluate_pairs.empty();
  if (evaluating) {
    std::uint64_t unknown = 0;
    std::vector<PairKey> truth =
        readers.pairs ? true_pairs_from_file(*readers.pairs, left, right, dedupe, unknown)
                      : true_pairs_from_fields(left, right, dedupe);
    EvaluationInput in{s.comparisons, left, right, blocking, writer};
    in.dedupe = dedupe;
    in.pairs_compared = linked.compared;
    in.threshold = std::isnan(o.min_weight) ? o.threshold : probability(o.min_weight);
    in.unknown = unknown;
    in.clusters = o.clusters;
    evaluate(ctx.out, in, linked.links, std::move(truth));
  } else if (dedupe) {
    write_clusters(o, left, writer, linked.links, ctx.out);
  } else if (collects(o)) {
    for (const Link& l : linked.links) writer.line(ctx.out, l);
  }
}

// --stats: the size of the work, on stderr.
void report_stats(const Options& o, const Setup& s, const Side& left, const Side& right,
                  const Linked& linked, const Training& training, const io::Context& ctx) {
  const bool dedupe = o.dedupe;
  std::string sizes = dedupe ? fmt::format("{} records", left.size)
                             : fmt::format("{} x {} records", left.size, right.size);
  std::string line =
      fmt::format("linkage: {}, {} candidate pairs of {:.0f}, prior 1 in {:.0f}", sizes,
                  linked.compared, all_pairs(left.size, right.size, dedupe), 1 / s.model.prior);
  if (training.prior_from != "estimated")
    line += fmt::format(" ({}; estimated 1 in {:.0f})", training.prior_from,
                        1 / training.estimated_prior);
  line += fmt::format(", {} links", linked.streamed + linked.links.size());
  if (!s.given_model) line += fmt::format(", {:.1f} expected matches", training.expected_matches);
  std::uint64_t no_day = 0;
  for (const Side* side : {&left, &right})
    for (std::uint64_t n : side->not_a_day) no_day += n;
  if (dedupe) no_day /= 2;  // left and right are one side
  if (no_day > 0) line += fmt::format(", {} impossible date{}", no_day, no_day == 1 ? "" : "s");
  ctx.diag.note(line);
}

}  // namespace

// The end-of-run warnings about linkage options that compared nothing: a
// compared field that every record of a side lacks (a misspelt --compare,
// or a model trained on other names), a blocking rule no record has a key
// under. They leave the output alone.
std::vector<std::string> dead_fields(const Setup& s, const Side& left, const Side& right,
                                     bool dedupe) {
  std::vector<std::string> out;
  auto side_name = [&](bool is_left) {
    return dedupe ? "input" : is_left ? "left input" : "right input";
  };
  for (std::size_t c = 0; c < s.comparisons.size(); ++c) {
    const Comparison& cmp = s.comparisons[c];
    for (bool is_left : {true, false}) {
      if (!is_left && dedupe) continue;
      const Side& side = is_left ? left : right;
      if (side.size == 0) continue;
      bool any = false;
      for (std::size_t r = 0; r < side.size && !any; ++r) any = side.value(r, c).present;
      if (!any)
        out.push_back(fmt::format("compared field {} had no usable value in any record of the {}",
                                  io::json_string(io::path_text(is_left ? cmp.left : cmp.right)),
                                  side_name(is_left)));
    }
  }
  for (std::size_t rule = 0; rule < s.rules.size(); ++rule) {
    for (bool is_left : {true, false}) {
      if (!is_left && dedupe) continue;
      const Side& side = is_left ? left : right;
      if (side.size == 0) continue;
      bool any = false;
      for (std::size_t r = 0; r < side.size && !any; ++r) any = side.key_hash(rule, r) != 0;
      if (!any)
        out.push_back(
            fmt::format("blocking rule {}: no record of the {} had a key, so it made "
                        "no pair",
                        io::json_string(s.block_texts[rule]), side_name(is_left)));
    }
  }
  return out;
}

int run(const Options& o, io::Context& ctx) {
  check(o);
  const bool dedupe = o.dedupe;
  const unsigned threads = io::threads_or_default(o.threads);
  Setup s = setup(o);
  Readers readers(o, ctx);
  Side left, right_side;
  load_sides(o, s, readers, ctx, left, right_side);
  const Side& right = dedupe ? left : right_side;
  std::vector<Side*> sides{&left};
  if (!dedupe) sides.push_back(&right_side);
  std::vector<double> totals = count_terms(s.comparisons, sides);
  const std::vector<std::string> dead = dead_fields(s, left, right, dedupe);

  Blocking blocking(s.rules.size(), left, right, dedupe);
  Training training;
  if (o.preview) {
    // With a model (given with its own rules, or trained now for --train),
    // the preview also says how many true pairs blocking is likely to miss.
    BlockingEstimate estimate;
    if (s.blocks_of_model || (!s.given_model && !o.train.empty())) {
      const std::uint64_t raw_pairs =
          s.given_model ? 0 : guard_pairs(s.rules, blocking, o.max_pairs);
      fit_model(o, s, left, right, blocking, raw_pairs, threads, ctx, training);
      estimate = estimate_blocking(o, s.model, left, right, blocking, s.rules.size(), threads);
    }
    write_preview(ctx.out, s.rules, blocking, left, right, dedupe, o.max_pairs, estimate);
    return kExitOk;
  }
  const std::uint64_t raw_pairs = guard_pairs(s.rules, blocking, o.max_pairs);
  fit_model(o, s, left, right, blocking, raw_pairs, threads, ctx, training);

  Scorer scorer(s.model, left, right, totals);
  LinkWriter writer{s.model, scorer, left, right, o.values};
  Linked linked = link_pairs(o, s, left, right, blocking, scorer, writer, threads, ctx);
  write_results(o, s, readers, left, right, blocking, writer, linked, ctx);
  if (ctx.io.stats) report_stats(o, s, left, right, linked, training, ctx);
  for (const std::string& text : dead) ctx.diag.warning(text);
  return kExitOk;
}

}  // namespace socred::link
