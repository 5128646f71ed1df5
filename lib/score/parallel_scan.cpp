// Running Scanners on threads, and settling their results in file order.
#include "score/parallel_scan.hpp"

#include <sched.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <thread>

#include "io/error.hpp"

namespace socred::score {
namespace {

class StateSink : public EventSink {
 public:
  StateSink(State& state, std::uint32_t chunk) : state_(state), chunk_(chunk) {}
  void key_seen(std::uint64_t hash) override { state_.prefetch(hash); }
  void event(const EventView& e) override {
    std::uint32_t p = state_.person(e.key, e.key_hash);
    state_.count_events(p, 1);
    if (e.has_account) {
      std::uint32_t account = state_.friend_accounts()->find(e.account);
      if (account != UINT32_MAX) state_.link_account(account, p);
    }
    if (e.live->empty()) return;
    state_.count_matched(p, 1);
    std::uint32_t source = state_.source(e.source);
    for (const Live& l : *e.live) {
      state_.add(p, l.rule, source, l.period, l.points);
      bool top = state_.wants(p, l.points);
      bool spill_top = state_.explain_n() > 0 && state_.rules().rules[l.rule].spill;
      if (top || spill_top) {
        ExplainEntry entry;
        entry.id = std::string(e.id);
        entry.has_id = e.has_id;
        entry.rule = l.rule;
        entry.input = chunk_;  // made global by fix_places once all chunks are counted
        entry.line = e.line;
        entry.points = l.points;
        if (spill_top) state_.offer_spill_top(p, l.rule, entry);
        if (top) state_.offer(p, std::move(entry));
      }
    }
  }

 private:
  State& state_;
  std::uint32_t chunk_;
};

class NullSink : public EventSink {
 public:
  void event(const EventView&) override {}
};

}  // namespace

unsigned hardware_threads() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) {
    int n = CPU_COUNT(&set);
    if (n > 0) return static_cast<unsigned>(n);
  }
  unsigned n = std::thread::hardware_concurrency();
  return n > 0 ? n : 1;
}

std::vector<std::uint64_t> lines_before(const Inputs& inputs, const std::vector<Chunk>& chunks,
                                        const std::vector<ChunkResult>& results) {
  std::vector<std::uint64_t> before(chunks.size(), 0);
  for (std::size_t c = 0; c < chunks.size(); ++c)
    before[c] = c > 0 && chunks[c].input == chunks[c - 1].input
                    ? before[c - 1] + results[c - 1].lines
                    : inputs.list()[chunks[c].input].lines_before;
  return before;
}

PassResult scan_chunks(const Inputs& inputs, const std::vector<Chunk>& chunks,
                       const ScanSettings& settings, std::size_t explain_n, bool keep_state,
                       unsigned threads) {
  PassResult pass;
  pass.chunks.resize(chunks.size());
  if (threads < 1) threads = 1;
  if (threads > chunks.size()) threads = static_cast<unsigned>(chunks.size());
  if (threads < 1) threads = 1;

  std::vector<std::unique_ptr<State>> states(threads);
  std::vector<std::uint64_t> soft(threads, 0);
  std::atomic<std::uint32_t> next{0};
  std::atomic<std::uint32_t> first_failed{UINT32_MAX};
  std::exception_ptr error;
  std::mutex error_mutex;

  auto work = [&](unsigned t) {
    try {
      if (keep_state) {
        states[t] = std::make_unique<State>(*settings.rules, explain_n);
        states[t]->set_friend_accounts(settings.friend_accounts);
        for (const auto& in : inputs.list()) states[t]->input(in.name);
      }
      Scanner scanner(settings);
      NullSink null_sink;
      for (;;) {
        std::uint32_t c = next.fetch_add(1);
        if (c >= chunks.size()) break;
        if (first_failed.load() < c) continue;  // an earlier chunk failed: moot
        auto reader = inputs.open(chunks[c]);
        ChunkResult& result = pass.chunks[c];
        if (keep_state) {
          StateSink sink(*states[t], c);
          scanner.scan(*reader, c, sink, result, &first_failed);
        } else {
          scanner.scan(*reader, c, null_sink, result, &first_failed);
        }
        if (result.failed) {
          std::uint32_t seen = first_failed.load();
          while (c < seen && !first_failed.compare_exchange_weak(seen, c)) {
          }
        }
      }
      soft[t] = scanner.soft_failures();
    } catch (...) {
      std::lock_guard<std::mutex> lock(error_mutex);
      if (!error) error = std::current_exception();
      first_failed.store(0);  // everyone stops
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
  for (const auto& r : pass.chunks)
    if (r.has_ts) {
      pass.has_ts = true;
      if (r.max_ts > pass.max_ts) pass.max_ts = r.max_ts;
    }
  if (keep_state) {
    auto before = lines_before(inputs, chunks, pass.chunks);
    for (auto& s : states) {
      if (!s) continue;
      s->fix_places([&](ExplainEntry& e) {
        std::uint32_t c = e.input;
        e.input = chunks[c].input;
        e.line += before[c];
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

void settle(const Inputs& inputs, const std::vector<Chunk>& chunks, PassResult& pass,
            io::Context& ctx) {
  auto before = lines_before(inputs, chunks, pass.chunks);
  for (std::size_t c = 0; c < chunks.size(); ++c) {
    ChunkResult& r = pass.chunks[c];
    const std::string& name = inputs.list()[chunks[c].input].name;
    if (r.failed) {
      // Chunks before this one ran to their end without a bad line; the
      // counts are those a single thread would have reached here.
      ctx.stats.add(r.stats);
      throw Error(kExitData, r.fail_message, name, before[c] + r.fail_line, r.fail_column);
    }
    ctx.stats.add(r.stats);
    if (r.copies != nullptr) {
      // Replays the chunk's bad lines into the --on-error file, in order.
      std::rewind(r.copies);
      char* text = nullptr;
      std::size_t capacity = 0;
      io::LineStats scratch;  // already counted in r.stats
      for (ssize_t n; (n = ::getline(&text, &capacity, r.copies)) > 0;) {
        io::Line line{std::string_view(text, static_cast<std::size_t>(n) - 1), 0};
        ctx.rejects.reject(name, line, 0, "", scratch);
      }
      std::free(text);
      std::fclose(r.copies);
      r.copies = nullptr;
    }
  }
}

}  // namespace socred::score
