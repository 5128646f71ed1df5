// Dispatch of gen-events' kinds of output. People and accounts are sharded by
// contiguous ranges of person index, friends by ranges of the sorted edge
// list, events by ranges of positions in the time-ordered stream, so that
// concatenated shards are the whole output byte for byte.
#include "world/gen_events.hpp"

#include <algorithm>

#include "io/error.hpp"
#include "io/progress.hpp"
#include "world/accounts.hpp"
#include "world/calendar.hpp"
#include "world/manifest.hpp"
#include "world/people.hpp"
#include "world/text_buffer.hpp"

namespace socred::world {

namespace {

struct Shard {
  std::uint32_t index = 1, count = 1;
};

bool parse_shard(const std::string& text, Shard& s) {
  auto slash = text.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == text.size()) return false;
  unsigned long long i = 0, n = 0;
  for (std::size_t k = 0; k < text.size(); ++k) {
    if (k == slash) continue;
    if (text[k] < '0' || text[k] > '9') return false;
    unsigned long long& v = k < slash ? i : n;
    v = v * 10 + static_cast<unsigned>(text[k] - '0');
    if (v > 1000000) return false;
  }
  if (i < 1 || n < 1 || i > n) return false;
  s.index = static_cast<std::uint32_t>(i);
  s.count = static_cast<std::uint32_t>(n);
  return true;
}

// [begin, end) of the shard's slice of n items.
std::pair<std::uint64_t, std::uint64_t> slice(std::uint64_t n, const Shard& s) {
  return {n * (s.index - 1) / s.count, n * s.index / s.count};
}

NoiseSettings noise_settings(const Options& o) {
  NoiseSettings s;
  s.base = o.noise;
  for (const auto& f : o.noise_field)
    if (auto err = parse_noise_field(f, s))
      throw Error(kExitUsage, "--noise-field " + f + ": " + *err);
  if (auto err = parse_noise_profile(o.noise_profile, s))
    throw Error(kExitUsage, "--noise-profile: " + *err);
  for (const auto& g : o.noise_for)
    if (auto err = parse_noise_group(g, s))
      throw Error(kExitUsage, "--noise-for " + g + ": " + *err);
  return s;
}

// Every line goes out through here, so the progress meter counts lines
// written (gen-events reads nothing).
void write_block(io::Context& ctx, std::string_view block) {
  if (block.empty()) return;
  ctx.out.write_raw_line(block.substr(0, block.size() - 1));
  io::Progress& meter = io::Progress::get();
  if (meter.enabled())  // counting lines is a pass over the bytes: only for the meter
    meter.tick(static_cast<std::uint64_t>(std::count(block.begin(), block.end(), '\n')),
               block.size());
}

// Flushes `buf` to the writer once it holds enough to be worth a write.
void drain(io::Context& ctx, TextBuffer& buf, bool last) {
  if (buf.size() >= (1u << 16) || (last && buf.size() > 0)) {
    write_block(ctx, buf.view());
    buf.clear();
  }
}

// What every kind checks first: the shard, the start and the noise, as
// usage errors (the command line checked them too; a library caller may not).
struct Setup {
  Shard shard;
  std::int64_t start_day = 0;
  NoiseSettings noise;
};

Setup setup(const Options& o) {
  Setup s;
  if (!o.shard.empty() && !parse_shard(o.shard, s.shard))
    throw Error(kExitUsage, "--shard: " + check_shard(o.shard));
  auto start = parse_start(o.start);
  if (!start) throw Error(kExitUsage, "--start: " + check_start(o.start));
  if (*start + o.days > days_from_civil(9999, 12, 31) + 1)
    throw Error(kExitUsage, "--start and --days reach past the year 9999");
  s.start_day = *start;
  s.noise = noise_settings(o);
  return s;
}

void write_people(const Options& o, io::Context& ctx) {
  const Setup s = setup(o);
  Population pop(o.seed, o.population);
  auto [begin, end] = slice(pop.size(), s.shard);
  TextBuffer buf;
  std::string scratch;
  for (auto i = static_cast<std::uint32_t>(begin); i < end; ++i) {
    put_person(pop, i, o.truth, scratch, buf);
    drain(ctx, buf, false);
  }
  drain(ctx, buf, true);
}

void write_accounts(const Options& o, io::Context& ctx) {
  const Setup s = setup(o);
  Population pop(o.seed, o.population);
  auto [begin, end] = slice(pop.size(), s.shard);
  AccountWriter writer(pop, s.noise, o.truth);
  TextBuffer buf;
  for (auto i = static_cast<std::uint32_t>(begin); i < end; ++i) {
    writer.write(i, buf);
    drain(ctx, buf, false);
  }
  drain(ctx, buf, true);
}

void write_events(const Options& o, io::Context& ctx) {
  const Setup s = setup(o);
  Population pop(o.seed, o.population);
  EventSettings e;
  e.start_day = s.start_day;
  e.days = o.days;
  e.linked = o.linked;
  e.court_name_share = o.court_name_share;
  e.noise = s.noise;
  e.threads = o.threads;
  e.shard = s.shard.index;
  e.shards = s.shard.count;
  EventGenerator gen(pop, e);
  gen.run([&](std::string_view block) { write_block(ctx, block); });
}

void write_friends(const Options& o, io::Context& ctx) {
  const Setup s = setup(o);
  Population pop(o.seed, o.population);
  std::vector<std::uint64_t> edges = friend_edges(pop, o.friends);
  auto [begin, end] = slice(edges.size(), s.shard);
  TextBuffer buf;
  for (auto e = begin; e < end; ++e) {
    put_friend(edges[e], buf);
    drain(ctx, buf, false);
  }
  drain(ctx, buf, true);
}

void write_manifest(const Options& o, io::Context& ctx) {
  const Setup s = setup(o);
  ctx.out.write_raw_line(manifest(o, s.noise));
}

}  // namespace

const std::vector<KindOfOutput>& kinds_of_output() {
  // The options each kind reads; --progress and --warnings are the runner's.
  static const std::vector<KindOfOutput> all = {
      {"people",
       "the population register, one line per person",
       {"--seed", "--population", "--shard", "--truth"},
       write_people},
      {"accounts",
       "accounts on the private platforms, with sign-up noise",
       {"--seed", "--population", "--shard", "--truth", "--noise", "--noise-field", "--noise-for",
        "--noise-profile"},
       write_accounts},
      {"events",
       "private events and public records, ordered by time",
       {"--seed", "--population", "--start", "--days", "--shard", "--threads", "--linked",
        "--noise", "--noise-field", "--noise-for", "--noise-profile", "--court-name-share"},
       write_events},
      {"friends",
       "edges between social accounts (a small world)",
       {"--seed", "--population", "--shard", "--degree", "--rewire", "--homophily"},
       write_friends},
      {"manifest",
       "one line naming every input of the output, to keep beside it",
       {"--seed", "--population", "--start", "--days", "--noise", "--noise-field", "--noise-for",
        "--noise-profile", "--court-name-share", "--degree", "--rewire", "--homophily"},
       write_manifest},
  };
  return all;
}

std::string check_shard(const std::string& text) {
  Shard s;
  if (parse_shard(text, s)) return {};
  return "must be i/N with 1 <= i <= N (shards count from 1), got '" + text + "'";
}

std::string check_start(const std::string& text) {
  if (parse_start(text)) return {};
  return "must be a date YYYY-MM-DD (or YYYY-MM-DDT00:00:00Z), got '" + text + "'";
}

std::string check_noise_field(const std::string& text) {
  NoiseSettings s;
  auto err = parse_noise_field(text, s);
  return err ? *err : std::string();
}

std::string check_noise_group(const std::string& text) {
  NoiseSettings s;
  auto err = parse_noise_group(text, s);
  return err ? *err : std::string();
}

std::string check_noise_profile(const std::string& text) {
  NoiseSettings s;
  auto err = parse_noise_profile(text, s);
  return err ? *err : std::string();
}

int run(const Options& o, io::Context& ctx) {
  for (const KindOfOutput& k : kinds_of_output())
    if (k.name == o.kind) {
      k.write(o, ctx);
      return kExitOk;
    }
  throw Error(kExitUsage, "unknown kind of output '" + o.kind + "'");
}

}  // namespace socred::world
