// The shape of a run: which inputs, which as-of, how many passes, and what
// is written (score lines, partial state, or annotated events).
#include "score/run.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <optional>

#include "io/chunked_read.hpp"
#include "io/error.hpp"
#include "io/json_path.hpp"
#include "io/json_text.hpp"
#include "io/record_reader.hpp"
#include "io/suggest.hpp"
#include "io/threads.hpp"
#include "rules/time.hpp"
#include "score/friends.hpp"
#include "score/parallel_scan.hpp"
#include "score/partial.hpp"
#include "score/people.hpp"
#include "score/rules_adapter.hpp"
#include "score/score_writer.hpp"
#include "score/spill.hpp"
#include "score/totals.hpp"

namespace socred::score {
namespace {

class AnnotateSink : public EventSink {
 public:
  AnnotateSink(const RuleSet& rules, io::JsonlWriter& out) : rules_(rules), out_(out) {}
  void event(const EventView& e) override { out_.write_raw_line(annotated(e, rules_)); }

 private:
  const RuleSet& rules_;
  io::JsonlWriter& out_;
};

// The `ts` of the last valid JSON line of every file that has one (the
// newest event when inputs are in time order, as gen-events writes them);
// nullopt when none has.
std::optional<std::int64_t> last_ts_guess(const io::ChunkedInput& inputs) {
  std::optional<std::int64_t> best;
  simdjson::dom::parser parser;
  for (std::uint32_t i = 0; i < inputs.size(); ++i) {
    // The last 256 KiB hold the last line of any ordinary event file; a
    // longer last line just means no guess (the caller then checks anyway).
    bool whole = false;
    std::string tail = inputs.tail(i, std::size_t{1} << 18, whole);
    std::size_t end = tail.size();
    while (end > 0) {
      std::size_t start = tail.rfind('\n', end - 1);
      start = start == std::string::npos ? 0 : start + 1;
      if (start == 0 && !whole) break;  // a cut line: not a whole one
      std::string_view text(tail.data() + start, end - start);
      if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
      simdjson::dom::element root;
      simdjson::dom::object obj;
      if (parser.parse(text.data(), text.size()).get(root) == simdjson::SUCCESS &&
          root.get(obj) == simdjson::SUCCESS) {
        auto ts = io::last_field(obj, "ts");
        std::string_view s;
        if (ts && ts->get(s) == simdjson::SUCCESS) {
          if (auto t = rules::parse_time(s); t && (!best || *t > *best)) best = t;
        }
        break;
      }
      if (start == 0) break;
      end = start - 1;
    }
  }
  return best;
}

void report_soft(const io::Context& ctx, std::uint64_t soft) {
  if (ctx.io.stats && !ctx.io.strict && soft > 0)
    ctx.diag.note(fmt::format(
        "conditions made false by a missing field or a type mismatch: {} (--strict makes them "
        "errors)",
        soft));
}

// The end-of-run warnings about rules that did nothing: a field no event
// had (with the nearest key of the sampled lines), else a rule that never
// counted. Warnings leave the output alone.
void warn_dead_rules(const RuleSet& set, const Usage& usage, io::Context& ctx) {
  // No event at all says nothing about the rules.
  if (usage.lines == 0 || usage.field_seen.size() != set.fields.size()) return;
  for (std::size_t r = 0; r < set.rules.size(); ++r) {
    bool field_missing = false;
    if (r < set.rule_fields.size()) {
      for (std::uint32_t f : set.rule_fields[r]) {
        if (usage.field_seen[f]) continue;
        field_missing = true;
        std::string text =
            fmt::format("rule {}: field {} was in no input line", io::visible(set.rules[r].name),
                        io::json_string(set.fields[f]));
        std::string near = io::did_you_mean(set.fields[f], usage.keys);
        if (!near.empty()) text += fmt::format(" (did you mean {}?)", io::json_string(near));
        ctx.diag.warning(text);
      }
    }
    if (!field_missing && r < usage.rule_matched.size() && usage.rule_matched[r] == 0)
      ctx.diag.warning(
          fmt::format("rule {} matched no input line", io::visible(set.rules[r].name)));
  }
}

void write(State& state, const Options& opt, const std::optional<std::int64_t>& as_of,
           const FriendsFile* friends, io::Context& ctx) {
  if (!opt.links.empty()) {
    // --links replaces the accounts the events carry.
    state.set_friend_accounts(&friends->accounts());
    load_links(opt.links, state, ctx);
  }
  if (!opt.people.empty()) {
    const RegisterStats stats = load_people(opt.people, io::parse_path(opt.by), state, ctx);
    if (ctx.io.stats) ctx.diag.note("register " + register_summary(stats));
  }
  TotalsBuilder totals(state);
  if (opt.partial) {
    write_partials(state, totals, as_of, ctx.out);
  } else if (friends != nullptr) {
    GraphStats stats;
    Graph graph = build_graph(*friends, state, stats);
    ctx.diag.note(graph_summary(friends->name(), stats));
    SpillResult spill(state, totals, graph);
    write_scores(state, totals, opt.explain > 0, &spill, ctx.out);
  } else {
    write_scores(state, totals, opt.explain > 0, nullptr, ctx.out);
  }
}

int merge(const Options& opt, const RuleSet& rules, const std::optional<std::int64_t>& as_of,
          const FriendsFile* friends, io::Context& ctx) {
  State state(rules, opt.explain);
  if (friends != nullptr && opt.links.empty()) state.set_friend_accounts(&friends->accounts());
  PartialReader partials(state, as_of);
  io::RecordReader reader(ctx.io.inputs, ctx.rejects, ctx.stats);
  io::Record record;
  std::string why;
  while (reader.next(record))
    if (!partials.add(record, why)) reader.reject(record, 0, why);
  write(state, opt, partials.as_of(), friends, ctx);
  return kExitOk;
}

int annotate(const io::ChunkedInput& inputs, ScanSettings settings, bool need_latest,
             unsigned threads, io::Context& ctx) {
  if (need_latest) {
    // Fades need the newest event's time before the first line goes out:
    // a first pass finds it (its line counts are not the run's).
    io::ChunkedRead pre(inputs, inputs.plan(threads), ctx.rejects);
    settings.track_max_ts = true;
    PassResult found = scan_chunks(pre, settings, 0, false, threads);
    if (pre.stopped()) pre.settle(ctx.stats);  // throws the first bad line
    settings.as_of = found.has_ts ? found.max_ts : 0;
    settings.track_max_ts = false;
  }
  // In input order, on one thread: the output is the input, annotated.
  auto reader = inputs.sequential(ctx.rejects, ctx.stats);
  Scanner scanner(settings);
  AnnotateSink sink(*settings.rules, ctx.out);
  ChunkResult seen;
  scanner.scan(*reader, sink, seen);
  report_soft(ctx, scanner.soft_failures());
  warn_dead_rules(*settings.rules, seen.usage, ctx);
  return kExitOk;
}

}  // namespace

int run(const Options& opt, io::Context& ctx) {
  if (opt.explain > kMaxExplain)
    throw Error(kExitUsage, fmt::format("--explain: at most {} events per person", kMaxExplain));
  if (opt.annotate && (opt.partial || opt.merge || opt.explain > 0))
    throw Error(kExitUsage,
                "--annotate writes events, not scores: it cannot be combined with "
                "--partial, --merge or --explain");
  std::optional<std::int64_t> as_of;
  if (!opt.as_of.empty()) {
    as_of = rules::parse_time(opt.as_of);
    if (!as_of)
      throw Error(kExitUsage,
                  "--as-of: expected a time (2024-03-01T12:34:56Z) or a date "
                  "(2024-03-01), got '" +
                      opt.as_of + "'");
  }
  ScanSettings settings;
  settings.by = io::parse_path(opt.by);
  RuleSet rules = load_rule_set(opt.rules, ctx.io.strict);
  if (opt.dump_plan) {
    ctx.out.write_text(rules.plan);
    return kExitOk;
  }
  settings.rules = &rules;
  settings.strict = ctx.io.strict;
  if (opt.merge && (!opt.input_name.empty() || opt.first_line > 0))
    throw Error(kExitUsage, "--input-name and --first-line name events, not partial state");
  if (!opt.links.empty() && opt.friends.empty())
    throw Error(kExitUsage, "--links maps the accounts of --friends: give --friends too");
  if (!opt.links.empty() && opt.partial)
    throw Error(kExitUsage, "--links is for the run that writes scores (--merge), not --partial");
  if (!opt.people.empty() && opt.partial)
    throw Error(kExitUsage,
                "--people is for the run that writes scores (--merge), not --partial: "
                "each part would list the whole register");
  if (opt.annotate && !opt.people.empty())
    throw Error(kExitUsage, "--annotate writes events, not scores: --people has no meaning there");
  if (opt.annotate && !opt.friends.empty())
    throw Error(kExitUsage, "--annotate writes events, not scores: --friends has no meaning there");
  const unsigned threads = io::threads_or_default(opt.threads);
  std::unique_ptr<FriendsFile> friends;
  if (!opt.friends.empty()) friends = std::make_unique<FriendsFile>(opt.friends, ctx, threads);
  if (opt.merge) return merge(opt, rules, as_of, friends.get(), ctx);
  if (friends && opt.links.empty()) settings.friend_accounts = &friends->accounts();

  const bool need_latest = !as_of && rules.any_fade();
  if (need_latest && opt.partial)
    throw Error(kExitUsage,
                "--partial needs --as-of when rules fade: each part would "
                "otherwise fade from its own latest event");
  if (as_of) {
    settings.as_of = *as_of;
    settings.future_filter = true;
  }
  io::ChunkedInput inputs(ctx.io.inputs, need_latest);
  if (!opt.input_name.empty() || opt.first_line > 0) inputs.cite_as(opt.input_name, opt.first_line);
  if (opt.annotate) return annotate(inputs, settings, need_latest, threads, ctx);

  const auto chunks = inputs.plan(threads);
  auto read = std::make_unique<io::ChunkedRead>(inputs, chunks, ctx.rejects);
  PassResult pass;
  if (need_latest) {
    // Guess the newest time from each file's last line (events come in
    // time order), score with it, and check the guess against the newest
    // time actually read; out-of-order input costs a second pass.
    settings.as_of = last_ts_guess(inputs).value_or(0);
    settings.track_max_ts = true;
    pass = scan_chunks(*read, settings, opt.explain, true, threads);
    if (!read->stopped() && pass.has_ts && pass.max_ts != settings.as_of) {
      settings.as_of = pass.max_ts;
      pass = PassResult{};
      read = std::make_unique<io::ChunkedRead>(inputs, chunks, ctx.rejects);
      pass = scan_chunks(*read, settings, opt.explain, true, threads);
    }
  } else {
    pass = scan_chunks(*read, settings, opt.explain, true, threads);
  }
  read->settle(ctx.stats);
  write(*pass.state, opt, as_of, friends.get(), ctx);
  report_soft(ctx, pass.soft_failures);
  // A part of a --partial run may rightly miss a rule another part matches.
  if (!opt.partial) warn_dead_rules(rules, pass.usage, ctx);
  return kExitOk;
}

}  // namespace socred::score
