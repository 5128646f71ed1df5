// Events day by day. A person's count on a day is one Poisson draw from their
// own stream (seed, person, day), so a shard can count the events before it
// without making them; each event's kind and second come from a second
// stream, and its details from a third, drawn only when it is formatted.
// One day's events are ordered by a stable counting sort on the second, which
// gives (second, person, index) order whatever the thread count.
#include "world/events.hpp"

#include <algorithm>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

#include "io/ordered_parallel.hpp"
#include "world/accounts.hpp"
#include "world/calendar.hpp"
#include "world/cities.hpp"
#include "world/messy.hpp"
#include "world/persona.hpp"
#include "world/rng.hpp"
#include "world/text_buffer.hpp"

namespace socred::world {

namespace {

constexpr std::uint32_t kSecondsPerDay = 86400;
// Events formatted per block: the pool holds a window of blocks, so small
// blocks keep memory small; each costs a lock and a wake-up, nothing beside
// formatting 4096 lines.
constexpr std::size_t kBlock = 4096;

constexpr std::string_view kTitles[] = {
    "Honor of Kings",     "Peacekeeper Elite", "Genshin Impact", "League of Legends",
    "Honkai: Star Rail",  "Identity V",        "Eggy Party",     "Happy Mahjong",
    "Fight the Landlord", "Naraka: Bladepoint"};
constexpr std::uint32_t kTitleCount = sizeof(kTitles) / sizeof(kTitles[0]);
constexpr std::string_view kStances[3] = {"critical", "neutral", "supportive"};

// Formatting buffers, reused: a fresh one per block would pay the first
// touch of its pages (megabytes) every time.
class Buffers {
 public:
  TextBuffer* take() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (free_.empty()) {
      all_.push_back(std::make_unique<TextBuffer>());
      return all_.back().get();
    }
    TextBuffer* b = free_.back();
    free_.pop_back();
    b->clear();
    return b;
  }
  void give(TextBuffer* b) {
    std::lock_guard<std::mutex> lock(mutex_);
    free_.push_back(b);
  }

 private:
  std::mutex mutex_;
  std::vector<std::unique_ptr<TextBuffer>> all_;
  std::vector<TextBuffer*> free_;
};

// One day's events, generated in person order by parts, then sorted.
struct Day {
  std::vector<std::vector<EventSlot>> parts;
  std::vector<EventSlot> sorted;
  std::vector<std::uint32_t> bucket;

  // Stable counting sort on the second; parts are in person order.
  void sort() {
    bucket.assign(kSecondsPerDay + 1, 0);
    std::size_t n = 0;
    for (const auto& part : parts) {
      n += part.size();
      for (const EventSlot& s : part) ++bucket[(s.sec_kind >> 4) + 1];
    }
    for (std::uint32_t sec = 0; sec < kSecondsPerDay; ++sec) bucket[sec + 1] += bucket[sec];
    sorted.resize(n);
    for (const auto& part : parts)
      for (const EventSlot& s : part) sorted[bucket[s.sec_kind >> 4]++] = s;
  }
};

// The next day's preparation: on its own thread (start) or, with one
// thread, run in finish(). The thread is joined before anything unwinds.
struct Ahead {
  std::thread thread;
  std::exception_ptr failure;
  std::function<void()> later;

  void start(std::function<void()> job) {
    thread = std::thread([this, job = std::move(job)] {
      try {
        job();
      } catch (...) {
        failure = std::current_exception();
      }
    });
  }
  void finish() {
    if (thread.joinable()) thread.join();
    if (failure) std::rethrow_exception(failure);
    if (later) std::exchange(later, nullptr)();
  }
  ~Ahead() {
    if (thread.joinable()) thread.join();
  }
};

// Runs fn(t, begin, end) over [0, n) split in `threads` contiguous parts.
template <typename Fn>
void parallel(std::uint32_t threads, std::size_t n, Fn&& fn) {
  if (threads <= 1 || n < threads) {
    fn(0u, std::size_t{0}, n);
    return;
  }
  std::vector<std::thread> pool;
  for (std::uint32_t t = 1; t < threads; ++t)
    pool.emplace_back([&, t] { fn(t, n * t / threads, n * (t + 1) / threads); });
  fn(0u, std::size_t{0}, n / threads);
  for (auto& th : pool) th.join();
}

void cumulate(const double* w, std::size_t n, double* out) {
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) out[i] = sum += w[i];
}

struct PersonaTables {
  double category[kPersonaCount][kCategoryCount];
  double topic[kPersonaCount][kTopicCount];
  double stance[kPersonaCount][3];
  double given[kPersonaCount][5];
  double received[kPersonaCount][5];
  double log_spend[kPersonaCount];
  double titles[kTitleCount];
  double fines[6];
  PersonaTables() {
    for (std::uint32_t p = 0; p < kPersonaCount; ++p) {
      const Persona& per = persona(p);
      cumulate(per.category, kCategoryCount, category[p]);
      cumulate(per.topic, kTopicCount, topic[p]);
      cumulate(per.stance, 3, stance[p]);
      cumulate(per.stars_given, 5, given[p]);
      cumulate(per.stars_received, 5, received[p]);
      log_spend[p] = det_log(per.spend);
    }
    double w[kTitleCount];
    for (std::uint32_t i = 0; i < kTitleCount; ++i) w[i] = 1.0 / (i + 2);
    cumulate(w, kTitleCount, titles);
    cumulate(kFineWeights, 6, fines);
  }
};

const PersonaTables& persona_tables() {
  static const PersonaTables t;
  return t;
}

std::uint64_t round_positive(double x) { return x < 0.5 ? 1 : static_cast<std::uint64_t>(x + 0.5); }

}  // namespace

EventGenerator::EventGenerator(const Population& pop, const EventSettings& s) : pop_(pop), s_(s) {
  for (int k = 0; k < kKindCount; ++k) {
    const double* local = hour_weights(static_cast<Kind>(k));
    double utc[24];
    for (int h = 0; h < 24; ++h) utc[h] = local[(h + 8) % 24];  // China Standard Time
    cumulate(utc, 24, hour_cumulative_[k]);
  }
}

EventGenerator::DayInfo EventGenerator::day_info(std::uint32_t d) const {
  DayInfo info;
  std::int64_t day = s_.start_day + d;
  int wd = weekday(day);
  Civil c = civil_from_days(day);
  bool festival = (c.month == 6 && c.day == 18) || (c.month == 11 && c.day == 11);
  for (int k = 0; k < kKindCount; ++k) info.factor[k] = weekday_factor(static_cast<Kind>(k), wd);
  if (festival) info.factor[kPurchase] *= kFestivalFactor;
  return info;
}

namespace {

double person_rates(const Person& p, const double* factor, double* out) {
  const Persona& per = persona(p.persona);
  double total = 0;
  for (int k = 0; k < kKindCount; ++k) {
    const KindInfo& info = kKinds[k];
    double r = per.rate[k] * factor[k];
    if (info.platform >= 0 && p.accounts[info.platform] == 0) r = 0;
    if (info.scales_with_activity) r *= p.activity;
    out[k] = r;
    total += r;
  }
  return total;
}

}  // namespace

void EventGenerator::rates(std::uint32_t i, std::uint32_t d, double* out) const {
  DayInfo info = day_info(d);
  person_rates(pop_[i], info.factor, out);
}

std::uint32_t EventGenerator::count(std::uint32_t i, std::uint32_t d) const {
  double r[kKindCount];
  DayInfo info = day_info(d);
  double total = person_rates(pop_[i], info.factor, r);
  return Rng(stream_key(pop_.seed(), kCountStream, i, d)).poisson(total);
}

void EventGenerator::generate(std::uint32_t d, std::uint32_t begin, std::uint32_t end,
                              std::vector<EventSlot>& out) const {
  DayInfo info = day_info(d);
  const std::uint64_t seed = pop_.seed();
  double r[kKindCount], cum[kKindCount];
  for (std::uint32_t i = begin; i < end; ++i) {
    double total = person_rates(pop_[i], info.factor, r);
    std::uint32_t n = Rng(stream_key(seed, kCountStream, i, d)).poisson(total);
    if (n == 0) continue;
    cumulate(r, kKindCount, cum);
    Rng rng(stream_key(seed, kEventStream, i, d));
    for (std::uint32_t j = 0; j < n; ++j) {
      std::uint32_t kind = rng.pick(cum, kKindCount);
      std::uint32_t hour = rng.pick(hour_cumulative_[kind], 24);
      std::uint32_t sec = hour * 3600 + rng.below(3600);
      out.push_back({sec << 4 | kind, i, j});
    }
  }
}

void EventGenerator::format(std::uint32_t d, const EventSlot* slots, std::size_t n,
                            std::uint64_t first_id, TextBuffer& out) const {
  const PersonaTables& pt = persona_tables();
  const std::uint64_t seed = pop_.seed();
  char date[10];
  format_date(s_.start_day + d, date);
  std::string name;
  for (std::size_t e = 0; e < n; ++e) {
    // Events come in time order, so persons come at random: fetch a later
    // event's person now, or the cache miss stalls every line.
    if (e + 8 < n) __builtin_prefetch(&pop_[slots[e + 8].person]);
    const EventSlot& slot = slots[e];
    const std::uint32_t i = slot.person;
    const Person& p = pop_[i];
    const std::uint32_t kind = slot.sec_kind & 15;
    const std::uint32_t sec = slot.sec_kind >> 4;
    const KindInfo& info = kKinds[kind];
    Rng rng(stream_key(seed, kDetailStream, i, d, slot.index));

    out.reserve(1024);
    out.put("{\"id\":\"e");
    out.put_padded(first_id + e, 10);
    out.put("\",\"ts\":\"");
    out.put(std::string_view(date, 10));
    out.put('T');
    out.put_padded(sec / 3600, 2);
    out.put(':');
    out.put_padded(sec / 60 % 60, 2);
    out.put(':');
    out.put_padded(sec % 60, 2);
    out.put("Z\",\"source\":");
    out.put_string(info.source);
    out.put(",\"type\":");
    out.put_string(info.type);
    out.put(',');

    // The key: an account for private sources, the national id for public
    // ones, or (some court records) a name and birthdate as the clerk wrote it.
    if (info.platform >= 0) {
      std::uint32_t accounts = p.accounts[info.platform];
      std::uint32_t k = accounts > 1 && !rng.chance(0.7) ? 1 + rng.below(accounts - 1) : 0;
      out.put_key("account");
      put_account(out, info.platform, account_number(seed, info.platform, i, k));
    } else if (kind >= kLawsuit && rng.chance(s_.court_name_share)) {
      canonical_name(p.name, name);
      if (rng.chance(s_.noise.rate(kNameField, p.city, p.female(), p.persona))) {
        if (rng.chance(0.5))
          variant_name(p.name, rng, name);
        else
          apply_typo(name, rng, static_cast<int>(rng.below(4)));
      }
      if (s_.noise.messy) {
        Rng layer(stream_key(seed, kMessyCourtStream, i, d, slot.index));
        messy_court_name(p, layer, name);
      }
      out.reserve(name.size() + 64);
      out.put_key("name");
      out.put_string(name);
      out.put(",\"birthdate\":\"");
      char birth[10];
      format_date(p.birth_days, birth);
      out.put(std::string_view(birth, 10));
      out.put('"');
    } else {
      out.put("\"national_id\":\"");
      char id[18];
      pop_.format_national_id(i, id);
      out.put(std::string_view(id, 18));
      out.put('"');
    }
    if (s_.linked) {
      char id[16];
      out.put(",\"person\":");
      out.put_string(std::string_view(id, Population::format_person_id(i, id)));
    }

    const Persona& per = persona(p.persona);
    switch (kind) {
      case kPurchase: {
        std::uint32_t c = rng.pick(pt.category[p.persona], kCategoryCount);
        const CategoryInfo& cat = category(c);
        out.put(",\"item\":");
        out.put_string(cat.items[rng.below(6)]);
        out.put(",\"category\":");
        out.put_string(cat.name);
        out.put(",\"origin\":");
        out.put_string(rng.chance(cat.imported) ? "imported" : "domestic");
        double amount = rng.lognormal(cat.log_mean + pt.log_spend[p.persona], cat.log_sd);
        out.put(",\"amount\":");
        out.put_fixed(round_positive(amount * 100), 2);
        break;
      }
      case kGameSession: {
        out.put(",\"title\":");
        out.put_string(kTitles[rng.pick(pt.titles, kTitleCount)]);
        double hours = rng.lognormal(per.game_hours_log_mean, kGameHoursLogSd);
        out.put(",\"hours\":");
        out.put_fixed(std::min<std::uint64_t>(round_positive(hours * 10), 240), 1);
        break;
      }
      case kPost:
        out.put(",\"topic\":");
        out.put_string(kTopics[rng.pick(pt.topic[p.persona], kTopicCount)]);
        out.put(",\"stance\":");
        out.put_string(kStances[rng.pick(pt.stance[p.persona], 3)]);
        break;
      case kRatingGiven:
      case kRatingReceived: {
        bool given = kind == kRatingGiven;
        out.put(given ? ",\"direction\":\"given\"" : ",\"direction\":\"received\"");
        out.put(",\"stars\":");
        out.put_uint(1 + rng.pick(given ? pt.given[p.persona] : pt.received[p.persona], 5));
        break;
      }
      case kLoanRepayment: {
        double amount = rng.lognormal(kLoanLogMean, kLoanLogSd);
        out.put(",\"amount\":");
        out.put_fixed(round_positive(amount * 100), 2);
        if (rng.chance(per.late)) {
          double late = rng.lognormal(per.days_late_log_mean, kDaysLateLogSd);
          out.put(",\"status\":\"late\",\"days_late\":");
          out.put_uint(std::min<std::uint64_t>(round_positive(late), 365));
        } else {
          out.put(",\"status\":\"on_time\",\"days_late\":0");
        }
        break;
      }
      case kRedLight: {
        std::uint32_t city = p.city;
        if (rng.chance(kRedLightElsewhere)) city = rng.pick(city_cumulative(), city_count());
        out.put(",\"city\":");
        out.put_string(cities()[city].name);
        break;
      }
      case kFine:
        out.put(",\"amount\":");
        out.put_uint(static_cast<std::uint64_t>(kFineAmounts[rng.pick(pt.fines, 6)]));
        out.put(rng.chance(per.fine_paid) ? ",\"paid\":true" : ",\"paid\":false");
        break;
      case kLawsuit:
        out.put(rng.chance(per.defendant) ? ",\"role\":\"defendant\"" : ",\"role\":\"plaintiff\"");
        break;
      default: {  // judgment, unpaid_judgment: whole yuan
        double mean = kind == kJudgment ? kJudgmentLogMean : kUnpaidLogMean;
        out.put(",\"amount\":");
        out.put_uint(round_positive(rng.lognormal(mean, kCourtLogSd)));
      }
    }
    out.put('}');
    out.put('\n');
  }
}

void EventGenerator::run(const std::function<void(std::string_view)>& write) const {
  const std::uint32_t threads = std::max<std::uint32_t>(1, s_.threads);
  const std::uint32_t people = pop_.size();

  // Shards are slices of the whole ordered stream by position; finding them
  // needs each day's total, which costs one Poisson draw per person-day.
  std::uint64_t lo = 0, hi = UINT64_MAX;
  std::vector<std::uint64_t> day_total;
  if (s_.shards > 1) {
    day_total.assign(s_.days, 0);
    std::vector<std::uint64_t> partial(threads);
    std::uint64_t total = 0;
    for (std::uint32_t d = 0; d < s_.days; ++d) {
      std::fill(partial.begin(), partial.end(), 0);
      parallel(threads, people, [&](std::uint32_t t, std::size_t b, std::size_t e) {
        std::uint64_t sum = 0;
        for (std::size_t i = b; i < e; ++i) sum += count(static_cast<std::uint32_t>(i), d);
        partial[t] = sum;
      });
      for (auto v : partial) day_total[d] += v;
      total += day_total[d];
    }
    // floor(k T / N) without overflow: T = qN + r.
    auto cut = [&](std::uint64_t k) {
      std::uint64_t q = total / s_.shards, r = total % s_.shards;
      return k * q + k * r / s_.shards;
    };
    lo = cut(s_.shard - 1);
    hi = cut(s_.shard);
  }

  // The days to make: with shards, those that hold part of the slice.
  std::vector<std::uint32_t> todo;
  std::uint64_t position = 0;  // of the first such day's first event
  std::uint64_t at = 0;
  for (std::uint32_t d = 0; d < s_.days; ++d) {
    if (!day_total.empty()) {
      if (at >= hi) break;
      if (at + day_total[d] <= lo) {
        at += day_total[d];
        position = at;
        continue;
      }
      at += day_total[d];
    }
    todo.push_back(d);
  }
  if (todo.empty()) return;

  // Day d + 1 is generated and sorted while day d is formatted and written:
  // a barrier at every day's end would leave the cores idle while the last
  // blocks of the day are written.
  Day days[2];
  auto prepare = [&](std::uint32_t d, Day& day) {
    day.parts.resize(threads);
    parallel(threads, people, [&](std::uint32_t t, std::size_t b, std::size_t e) {
      day.parts[t].clear();
      generate(d, static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), day.parts[t]);
    });
    day.sort();
  };
  Buffers spare;
  prepare(todo[0], days[0]);
  for (std::size_t i = 0; i < todo.size(); ++i) {
    const std::uint32_t d = todo[i];
    const Day& day = days[i % 2];
    Ahead ahead;
    if (i + 1 < todo.size()) {
      Day& next = days[(i + 1) % 2];
      const std::uint32_t nd = todo[i + 1];
      if (threads > 1)
        ahead.start([&, nd] { prepare(nd, next); });
      else
        ahead.later = [&, nd] { prepare(nd, next); };
    }
    // Blocks formatted on the threads while the caller writes the ones
    // before them, in order: the write overlaps the formatting.
    const std::size_t n = day.sorted.size();
    const std::size_t from = lo > position ? static_cast<std::size_t>(lo - position) : 0;
    const std::size_t to = hi - position < n ? static_cast<std::size_t>(hi - position) : n;
    const std::size_t blocks = from < to ? (to - from + kBlock - 1) / kBlock : 0;
    io::ordered_parallel<TextBuffer*>(
        blocks, threads,
        [&](std::size_t blk, TextBuffer*& buffer) {
          buffer = spare.take();
          const std::size_t first = from + blk * kBlock;
          format(d, day.sorted.data() + first, std::min(kBlock, to - first), position + first + 1,
                 *buffer);
        },
        [&](std::size_t, TextBuffer*& buffer) {
          write(buffer->view());
          spare.give(buffer);
        });
    ahead.finish();
    position += n;
  }
}

}  // namespace socred::world
