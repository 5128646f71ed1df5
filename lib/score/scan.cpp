// The scoring loop over one chunk of lines.
#include "score/scan.hpp"

#include <algorithm>
#include <cmath>

#include "io/error.hpp"
#include "io/json_text.hpp"
#include "io/progress.hpp"
#include "io/raw_json.hpp"
#include "rules/points.hpp"
#include "rules/time.hpp"
#include "score/person_table.hpp"

namespace socred::score {
namespace {

const std::string_view kNoSource = "(none)";

}  // namespace

Scanner::Scanner(const ScanSettings& settings)
    : s_(settings),
      matcher_(settings.rules->make_matcher(
          {settings.by, io::Path{"id"}, io::Path{"source"}, io::Path{"account"}})) {
  for (const auto& r : s_.rules->rules)
    needs_time_.push_back(r.fade.kind != rules::Fade::none || period_days(r) ? 1 : 0);
}

std::uint64_t Scanner::soft_failures() const { return soft_ + matcher_->soft_failures(); }

void Usage::start(const RuleSet& rules) {
  field_seen.assign(rules.fields.size(), 0);
  unseen = field_seen.size();
  rule_matched.assign(rules.rules.size(), 0);
}

void Usage::merge(const Usage& other) {
  for (std::size_t i = 0; i < field_seen.size() && i < other.field_seen.size(); ++i)
    field_seen[i] = field_seen[i] || other.field_seen[i];
  unseen = static_cast<std::size_t>(std::count(field_seen.begin(), field_seen.end(), 0));
  for (std::size_t r = 0; r < rule_matched.size() && r < other.rule_matched.size(); ++r)
    rule_matched[r] += other.rule_matched[r];
  for (const auto& k : other.keys)
    if (keys.size() < kMaxKeys && std::find(keys.begin(), keys.end(), k) == keys.end())
      keys.push_back(k);
  sampled += other.sampled;
  lines += other.lines;
}

namespace {

// The line's keys, and one level below, as paths ("who.city"): what a
// misspelt field most likely meant.
void sample_keys(simdjson::dom::object root, std::vector<std::string>& keys) {
  auto add = [&](std::string key) {
    if (keys.size() < Usage::kMaxKeys && std::find(keys.begin(), keys.end(), key) == keys.end())
      keys.push_back(std::move(key));
  };
  for (auto field : root) {
    std::string key(field.key);
    add(key);
    simdjson::dom::object inner;
    if (field.value.get(inner) == simdjson::SUCCESS)
      for (auto sub : inner) add(key + "." + std::string(sub.key));
  }
}

}  // namespace

void Scanner::scan(io::RecordReader& reader, EventSink& sink, ChunkResult& result) {
  scan_lines(reader, sink, result);
  sink.finish();
}

void Scanner::scan_lines(io::RecordReader& reader, EventSink& sink, ChunkResult& result) {
  const RuleSet& set = *s_.rules;
  io::Record record;
  MatchError match_error;
  Usage& usage = result.usage;
  if (usage.rule_matched.size() != set.rules.size()) usage.start(set);
  while (reader.next(record)) {
    matcher_->bind(record.root);
    ++usage.lines;
    if (usage.unseen > 0) {
      matcher_->mark_present(usage.field_seen);
      usage.unseen =
          static_cast<std::size_t>(std::count(usage.field_seen.begin(), usage.field_seen.end(), 0));
      if (usage.unseen > 0 && usage.sampled < Usage::kSampleLines) {
        ++usage.sampled;
        sample_keys(record.root, usage.keys);
      }
    }
    FieldText key = matcher_->extra(0);
    if (!key.present) {
      if (!reader.reject(record, io::field_column(record.text, s_.by.front()),
                         "missing key field \"" + io::path_text(s_.by) + "\""))
        return;
      continue;
    }
    if (!key.is_string) {
      if (!reader.reject(record, io::field_column(record.text, s_.by.front()),
                         "key field \"" + io::path_text(s_.by) + "\" is not a string"))
        return;
      continue;
    }
    std::uint64_t hash = PersonTable::hash(key.text);
    sink.key_seen(hash);

    // The time is parsed only when something needs it: the newest event,
    // an explicit --as-of, or a rule that fades or is capped.
    std::int64_t ts = 0;
    bool has_ts = false, ts_read = false;
    auto read_ts = [&] {
      if (!ts_read) {
        ts_read = true;
        has_ts = matcher_->ts(ts);
      }
      return has_ts;
    };
    if (s_.track_max_ts || s_.future_filter) read_ts();
    if (s_.track_max_ts && has_ts) {
      if (ts > result.max_ts) result.max_ts = ts;
      result.has_ts = true;
    }
    hits_.clear();
    live_.clear();
    // With an explicit --as-of, a later event has not happened yet.
    bool future = s_.future_filter && has_ts && ts > s_.as_of;
    if (!future && !matcher_->match(hits_, match_error)) {
      if (!reader.reject(record, match_error.column, match_error.message)) return;
      continue;
    }
    bool rejected = false;
    for (const Hit& hit : hits_) {
      const rules::Rule& rule = set.rules[hit.rule];
      std::int64_t period = kNoPeriod;
      if (needs_time_[hit.rule]) {
        if (!read_ts()) {
          // A rule that fades or is capped cannot place an event without a
          // time: like any missing field, its condition is false.
          if (s_.strict) {
            rejected = true;
            if (!reader.reject(record, 0,
                               "rule " + rule.name + ": field \"ts\" is missing or not a time"))
              return;
            break;
          }
          ++soft_;
          continue;
        }
        // An expired match is forgotten: no points, no flag, not matched.
        if (rule.fade.kind == rules::Fade::expire && rules::fade_factor(rule, ts, s_.as_of) == 0)
          continue;
        if (auto days = period_days(rule)) period = rules::period_of(ts, *days);
      }
      live_.push_back(Live{hit.rule, rules::final_points(rule, hit.raw, ts, s_.as_of), period});
      ++usage.rule_matched[hit.rule];
    }
    if (rejected) continue;

    EventView e;
    e.key = key.text;
    e.key_hash = hash;
    e.root = record.root;
    e.text = record.text;
    e.line = record.line;
    e.source = kNoSource;
    e.has_id = false;
    e.has_account = false;
    if (s_.friend_accounts != nullptr) {
      FieldText account = matcher_->extra(3);
      if (account.is_string) {
        e.account = account.text;
        e.has_account = true;
      }
    }
    if (!live_.empty()) {
      FieldText source = matcher_->extra(2);
      if (source.is_string) e.source = source.text;
      FieldText id = matcher_->extra(1);
      if (id.is_string) {
        e.id = id.text;
        e.has_id = true;
      }
    }
    e.live = &live_;
    sink.event(e);
  }
}

std::string annotated(const EventView& e, const RuleSet& set) {
  const std::string_view head = io::object_head(e.text);
  std::string out(head);
  if (!io::head_is_empty(head)) out += ',';
  out += "\"matches\":[";
  Milli total = 0;
  for (std::size_t i = 0; i < e.live->size(); ++i) {
    const Live& l = (*e.live)[i];
    if (i > 0) out += ',';
    out += "{\"rule\":";
    io::append_json_string(out, set.rules[l.rule].name);
    out += ",\"points\":";
    out += rules::format_milli(l.points);
    out += '}';
    total += l.points;
  }
  out += "],\"points\":";
  out += rules::format_milli(total);
  out += '}';
  return out;
}

}  // namespace socred::score
