// Running Scanners on threads over the chunks of one read.
#include "score/parallel_scan.hpp"

#include <exception>
#include <mutex>
#include <string>
#include <thread>

namespace socred::score {
namespace {

// Each event's sums are added one event late: its person's row is
// prefetched when the event arrives and written while the next line is
// parsed, so the cache miss overlaps with work instead of stalling it.
// Nothing depends on the order (sums add, explain keeps a total order,
// accounts go to the smaller key), and finish() adds the last one.
class StateSink : public EventSink {
 public:
  StateSink(State& state, std::uint32_t chunk) : state_(state), chunk_(chunk) {}
  void key_seen(std::uint64_t hash) override { state_.prefetch(hash); }
  void event(const EventView& e) override {
    std::uint32_t p = state_.person(e.key, e.key_hash);
    state_.prefetch_person(p);
    std::uint64_t account_hash = 0;
    if (e.has_account) {
      account_hash = PersonTable::hash(e.account);
      state_.friend_accounts()->prefetch(account_hash);
    }
    finish();
    pending_ = true;
    p_ = p;
    has_account_ = e.has_account;
    if (has_account_) {
      account_.assign(e.account.data(), e.account.size());
      account_hash_ = account_hash;
    }
    live_.assign(e.live->begin(), e.live->end());
    if (live_.empty()) return;
    source_ = state_.source(e.source);
    for (const Live& l : live_) state_.prefetch_cell(p, l.rule, source_, l.period);
    if (state_.explain_n() > 0) {
      id_.assign(e.id.data(), e.id.size());
      has_id_ = e.has_id;
      line_ = e.line;
    }
  }
  void finish() override {
    if (!pending_) return;
    pending_ = false;
    const std::uint32_t p = p_;
    if (has_account_) {
      std::uint32_t account = state_.friend_accounts()->find(account_, account_hash_);
      if (account != UINT32_MAX) state_.link_account(account, p);
    }
    state_.count_events(p, 1);
    if (live_.empty()) return;
    state_.count_matched(p, 1);
    for (const Live& l : live_) {
      state_.add(p, l.rule, source_, l.period, l.points);
      bool top = state_.wants(p, l.points);
      bool spill_top = state_.explain_n() > 0 && state_.rules().rules[l.rule].spill;
      if (top || spill_top) {
        ExplainEntry entry;
        entry.id = id_;
        entry.has_id = has_id_;
        entry.rule = l.rule;
        entry.input = chunk_;  // made global by fix_places once all chunks are counted
        entry.line = line_;
        entry.points = l.points;
        if (spill_top) state_.offer_spill_top(p, l.rule, entry);
        if (top) state_.offer(p, std::move(entry));
      }
    }
  }

 private:
  State& state_;
  std::uint32_t chunk_;
  // The event not added yet.
  bool pending_ = false;
  std::uint32_t p_ = 0;
  bool has_account_ = false;
  std::string account_;
  std::uint64_t account_hash_ = 0;
  std::vector<Live> live_;
  std::uint32_t source_ = 0;
  std::string id_;
  bool has_id_ = false;
  std::uint64_t line_ = 0;
};

class NullSink : public EventSink {
 public:
  void event(const EventView&) override {}
};

}  // namespace

PassResult scan_chunks(io::ChunkedRead& read, const ScanSettings& settings, std::size_t explain_n,
                       bool keep_state, unsigned threads) {
  PassResult pass;
  const std::uint32_t n_chunks = read.size();
  std::vector<ChunkResult> results(n_chunks);
  if (threads > n_chunks) threads = n_chunks;
  if (threads < 1) threads = 1;

  std::vector<std::unique_ptr<State>> states(threads);
  std::vector<std::uint64_t> soft(threads, 0);
  std::atomic<std::uint32_t> next{0};
  std::exception_ptr error;
  std::mutex error_mutex;

  auto work = [&](unsigned t) {
    try {
      if (keep_state) {
        states[t] = std::make_unique<State>(*settings.rules, explain_n);
        states[t]->set_friend_accounts(settings.friend_accounts);
        for (std::uint32_t i = 0; i < read.input().size(); ++i)
          states[t]->input(read.input().name(i));
      }
      Scanner scanner(settings);
      NullSink null_sink;
      for (;;) {
        std::uint32_t c = next.fetch_add(1);
        if (c >= n_chunks) break;
        if (read.moot(c)) continue;
        auto reader = read.reader(c);
        if (keep_state) {
          StateSink sink(*states[t], c);
          scanner.scan(*reader, sink, results[c]);
        } else {
          scanner.scan(*reader, null_sink, results[c]);
        }
      }
      soft[t] = scanner.soft_failures();
    } catch (...) {
      std::lock_guard<std::mutex> lock(error_mutex);
      if (!error) error = std::current_exception();
      read.abandon();  // everyone stops
    }
  };
  if (threads == 1) {
    work(0);
  } else {
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work, t);
    for (auto& th : pool) th.join();
  }
  if (error) std::rethrow_exception(error);

  for (auto s : soft) pass.soft_failures += s;
  pass.usage.start(*settings.rules);
  for (const auto& r : results) pass.usage.merge(r.usage);
  for (const auto& r : results)
    if (r.has_ts) {
      pass.has_ts = true;
      if (r.max_ts > pass.max_ts) pass.max_ts = r.max_ts;
    }
  if (keep_state) {
    for (auto& s : states) {
      if (!s) continue;
      s->fix_places([&](ExplainEntry& e) {
        std::uint32_t c = e.input;
        e.input = read.input_of(c);
        e.line = read.input_line(c, e.line);
      });
    }
    pass.state = std::move(states[0]);
    for (unsigned t = 1; t < threads; ++t) {
      if (states[t]) pass.state->merge(*states[t]);
      states[t].reset();  // give the memory back as soon as it is merged
    }
  }
  return pass;
}

}  // namespace socred::score
