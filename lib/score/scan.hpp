// The per-line work of score, shared by scoring, --annotate and the time
// pre-scan: validate the line, find the person key, match the rules, and
// turn each match into its final points (per-unit, fade, rounded once).
#pragma once

#include <atomic>
#include <cstdint>
#include <cstdio>
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

enum class OnError { kStop, kSkip, kCopy };

struct ScanSettings {
  const RuleSet* rules = nullptr;
  io::Path by{"person"};
  std::int64_t as_of = 0;      // what fades are measured against
  bool future_filter = false;  // an explicit --as-of: later events match nothing
  bool track_max_ts = false;   // find the newest event (default --as-of)
  bool strict = false;
  OnError on_error = OnError::kStop;
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
  std::uint64_t line;       // within the chunk, from 1
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
};

/// What one chunk did, merged in chunk order at the end.
struct ChunkResult {
  io::LineStats stats;
  std::uint64_t lines = 0;  // lines in the chunk: global numbers are prefix sums
  bool failed = false;      // --on-error stop: the first bad line
  std::uint64_t fail_line = 0, fail_column = 0;
  std::string fail_message;
  std::FILE* copies = nullptr;  // --on-error FILE: bad lines, in order (a tmpfile)
  bool has_ts = false;
  std::int64_t max_ts = INT64_MIN;

  ChunkResult() = default;
  ChunkResult(const ChunkResult&) = delete;
  ChunkResult& operator=(const ChunkResult&) = delete;
  ChunkResult(ChunkResult&& o) noexcept { *this = std::move(o); }
  ChunkResult& operator=(ChunkResult&& o) noexcept;
  ~ChunkResult();
};

/// One per thread.
class Scanner {
 public:
  explicit Scanner(const ScanSettings& settings);
  /// Reads every line of `reader` into `sink`. Under --on-error stop the
  /// chunk ends at its first bad line; it also ends early once a chunk
  /// before it (`chunk` > *first_failed) has failed, as its work is moot.
  void scan(io::LineReader& reader, std::uint32_t chunk, EventSink& sink, ChunkResult& result,
            const std::atomic<std::uint32_t>* first_failed = nullptr);
  std::uint64_t soft_failures() const;

 private:
  bool bad(const io::Line& line, std::uint64_t column, const std::string& message,
           ChunkResult& result);

  const ScanSettings& s_;
  std::unique_ptr<Matcher> matcher_;
  io::JsonLineParser parser_;
  std::vector<Hit> hits_;
  std::vector<Live> live_;
  std::vector<char> needs_time_;  // per rule: fade or cap
  std::uint64_t soft_ = 0;
};

/// `s` as a JSON string, quoted and escaped.
void append_json_string(std::string& out, std::string_view s);

/// The event as read, with `"matches":[{"rule":..,"points":..}],"points":..`
/// appended (--annotate).
std::string annotated(const EventView& e, const RuleSet& set);

}  // namespace socred::score
