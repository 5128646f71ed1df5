// The per-line work of score, shared by scoring, --annotate and the time
// pre-scan: validate the line, find the person key, match the rules, and
// turn each match into its final points (per-unit, fade, rounded once).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/json_path.hpp"
#include "io/line_reader.hpp"
#include "io/record_reader.hpp"
#include "score/person_table.hpp"
#include "score/rule_set.hpp"

namespace socred::score {

struct ScanSettings {
  const RuleSet* rules = nullptr;
  io::Path by{"person"};
  std::int64_t as_of = 0;      // what fades are measured against
  bool future_filter = false;  // an explicit --as-of: later events match nothing
  bool track_max_ts = false;   // find the newest event (default --as-of)
  bool strict = false;
  /// The friends file's accounts (score --friends): events that carry one
  /// in `account` link it to their person.
  const PersonTable* friend_accounts = nullptr;
};

/// One match that counts, with its final points.
struct Live {
  std::uint32_t rule;
  Milli points;
  std::int64_t period;  // for capped rules; kNoPeriod otherwise
};

struct EventView {
  std::string_view key;
  std::uint64_t key_hash;
  simdjson::dom::object root;
  std::string_view text;
  std::uint64_t line;       // as the reader numbers it (within a chunk, from 1)
  std::string_view source;  // "(none)" when the event has no string `source`
  std::string_view id;
  bool has_id;
  std::string_view account;  // set when friend accounts are wanted and present
  bool has_account;
  const std::vector<Live>* live;
};

class EventSink {
 public:
  virtual ~EventSink() = default;
  /// Called as soon as the key is known, before the rules run.
  virtual void key_seen(std::uint64_t /*hash*/) {}
  virtual void event(const EventView& e) = 0;
  /// Called once the reading ends, however it ends: a sink may hold the
  /// last event back until then.
  virtual void finish() {}
};

/// What the rules met in the events, for the end-of-run warnings about
/// dead configuration: which fields occurred, how often each rule counted,
/// and, while some field has not occurred, the keys of up to kSampleLines
/// lines (the "did you mean" candidates). Once every field has occurred a
/// line costs nothing more.
struct Usage {
  static constexpr std::uint64_t kSampleLines = 10000;
  static constexpr std::size_t kMaxKeys = 1000;
  std::vector<std::uint8_t> field_seen;     // per RuleSet::fields
  std::size_t unseen = 0;                   // fields not yet seen
  std::vector<std::uint64_t> rule_matched;  // per rule: matches that counted
  std::vector<std::string> keys;            // sampled keys, first seen first
  std::uint64_t sampled = 0;
  std::uint64_t lines = 0;  // records the rules were tried on

  void start(const RuleSet& rules);
  /// Adds another chunk's usage (keys in order, up to the sample size).
  void merge(const Usage& other);
};

/// The newest event time one chunk saw (the default --as-of), and what the
/// rules met.
struct ChunkResult {
  bool has_ts = false;
  std::int64_t max_ts = INT64_MIN;
  Usage usage;
};

/// One per thread.
class Scanner {
 public:
  explicit Scanner(const ScanSettings& settings);
  /// Reads every record of `reader` into `sink`; a line the rules cannot
  /// use goes back to the reader's reject path, which may end the reading.
  void scan(io::RecordReader& reader, EventSink& sink, ChunkResult& result);
  std::uint64_t soft_failures() const;

 private:
  void scan_lines(io::RecordReader& reader, EventSink& sink, ChunkResult& result);

  const ScanSettings& s_;
  std::unique_ptr<Matcher> matcher_;
  std::vector<Hit> hits_;
  std::vector<Live> live_;
  std::vector<char> needs_time_;  // per rule: fade or cap
  std::uint64_t soft_ = 0;
};

/// The event as read, with `"matches":[{"rule":..,"points":..}],"points":..`
/// appended (--annotate).
std::string annotated(const EventView& e, const RuleSet& set);

}  // namespace socred::score
