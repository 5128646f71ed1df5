// Reading the friends file and the link map, and building the person graph.
#include "score/friends.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "io/chunked_input.hpp"
#include "io/chunked_read.hpp"
#include "io/json_path.hpp"
#include "io/ordered_parallel.hpp"
#include "io/record_reader.hpp"

namespace socred::score {
namespace {

bool string_field(simdjson::dom::object o, const char* name, std::string_view& out) {
  auto v = io::last_field(o, name);
  return v && v->get(out) == simdjson::SUCCESS;
}

}  // namespace

// One chunk of the friends file parsed on a worker: its accounts' text in
// one arena and, per account in file order, where it lies and its hash.
struct FriendsChunk {
  struct Key {
    std::uint32_t at, size;
    std::uint64_t hash;
  };
  std::string text;
  std::vector<Key> keys;  // a, b, a, b...
  void add(std::string_view account) {
    keys.push_back({static_cast<std::uint32_t>(text.size()),
                    static_cast<std::uint32_t>(account.size()), PersonTable::hash(account)});
    text.append(account);
  }
};

FriendsFile::FriendsFile(const std::string& path, io::Context& ctx, unsigned threads) {
  // The lines are parsed and hashed on every core; the accounts are interned
  // on this thread in file order, so each gets the index one reader gives.
  io::ChunkedInput input({path}, false);
  io::ChunkedRead read(input, input.plan(threads * 32), ctx.rejects);
  name_ = input.name(0);
  io::ordered_parallel<FriendsChunk>(
      read.size(), threads,
      [&](std::size_t c, FriendsChunk& chunk) {
        if (read.moot(static_cast<std::uint32_t>(c))) return;
        auto reader = read.reader(static_cast<std::uint32_t>(c));
        io::Record record;
        std::string_view a, b;
        while (reader->next(record)) {
          if (!string_field(record.root, "a", a) || !string_field(record.root, "b", b)) {
            reader->reject(record, 0, "a friends line needs \"a\" and \"b\", two accounts");
            continue;
          }
          chunk.add(a);
          chunk.add(b);
        }
      },
      [&](std::size_t, FriendsChunk& chunk) {
        // The slot of a key a few ahead is loaded while this one is interned.
        constexpr std::size_t kAhead = 8;
        const auto& keys = chunk.keys;
        auto key = [&](std::size_t i) {
          return std::string_view(chunk.text.data() + keys[i].at, keys[i].size);
        };
        for (std::size_t i = 0; i < keys.size(); i += 2) {
          if (i + kAhead < keys.size()) {
            accounts_.prefetch(keys[i + kAhead].hash);
            accounts_.prefetch(keys[i + kAhead + 1].hash);
          }
          std::uint32_t ia = accounts_.intern(key(i), keys[i].hash);
          std::uint32_t ib = accounts_.intern(key(i + 1), keys[i + 1].hash);
          edges_.emplace_back(ia, ib);
        }
      });
  read.settle(ctx.stats);
}

void load_links(const std::string& path, State& state, io::Context& ctx) {
  const PersonTable* accounts = state.friend_accounts();
  io::RecordReader reader({path}, ctx.rejects, ctx.stats);
  io::Record record;
  std::string_view account, person;
  while (reader.next(record)) {
    bool link_map =
        string_field(record.root, "left", account) && string_field(record.root, "right", person);
    if (!link_map && !(string_field(record.root, "account", account) &&
                       string_field(record.root, "person", person))) {
      reader.reject(record, 0,
                    "a link line needs \"left\" and \"right\" (a link map) or \"account\" and "
                    "\"person\"");
      continue;
    }
    std::uint32_t a = accounts->find(account);
    if (a == UINT32_MAX) continue;  // not in the friends file: of no use here
    state.link_account(a, state.person(person));
  }
}

Graph build_graph(const FriendsFile& friends, const State& state, GraphStats& stats) {
  const std::uint32_t n = state.persons().size();
  Graph g;
  g.offsets.assign(std::size_t{n} + 1, 0);
  stats = GraphStats{};
  stats.read = friends.edges().size();
  // Two passes over the edges (count, then place) instead of a list of
  // pairs: the graph of a million persons is the largest thing score holds.
  auto ends = [&](const std::pair<std::uint32_t, std::uint32_t>& e, std::uint32_t& pa,
                  std::uint32_t& pb) {
    pa = state.account_person(e.first);
    pb = state.account_person(e.second);
    return pa != UINT32_MAX && pb != UINT32_MAX && pa != pb;
  };
  std::uint32_t pa, pb;
  for (const auto& e : friends.edges()) {
    if (!ends(e, pa, pb)) {
      if (pa == UINT32_MAX || pb == UINT32_MAX)
        ++stats.unknown;
      else
        ++stats.self_loops;
      continue;
    }
    ++g.offsets[pa + 1];
    ++g.offsets[pb + 1];
  }
  for (std::size_t i = 1; i < g.offsets.size(); ++i) g.offsets[i] += g.offsets[i - 1];
  g.targets.resize(g.offsets.back());
  std::vector<std::uint64_t> fill(g.offsets.begin(), g.offsets.end() - 1);
  for (const auto& e : friends.edges())
    if (ends(e, pa, pb)) {
      g.targets[fill[pa]++] = pb;
      g.targets[fill[pb]++] = pa;
    }
  // Sort and deduplicate each list in place, compacting as we go.
  std::uint64_t out = 0;
  for (std::uint32_t p = 0; p < n; ++p) {
    auto begin = g.targets.begin() + static_cast<std::ptrdiff_t>(g.offsets[p]);
    auto end = g.targets.begin() + static_cast<std::ptrdiff_t>(g.offsets[p + 1]);
    std::sort(begin, end);
    auto last = std::unique(begin, end);
    std::uint64_t kept = static_cast<std::uint64_t>(last - begin);
    std::move(begin, last, g.targets.begin() + static_cast<std::ptrdiff_t>(out));
    g.offsets[p] = out;
    out += kept;
  }
  // Each duplicate undirected edge appeared in two lists.
  stats.duplicates = (g.targets.size() - out) / 2;
  g.offsets[n] = out;
  g.targets.resize(out);
  g.targets.shrink_to_fit();
  return g;
}

std::string graph_summary(const std::string& name, const GraphStats& s) {
  return fmt::format(
      "{}: {} edges: {} used, {} with an unknown account, {} self-loops, {} "
      "duplicates",
      name, s.read, s.used(), s.unknown, s.self_loops, s.duplicates);
}

}  // namespace socred::score
