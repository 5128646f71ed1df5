// Reading the friends file and the link map, and building the person graph.
#include "score/friends.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "io/json_path.hpp"
#include "io/record_reader.hpp"

namespace socred::score {
namespace {

bool string_field(simdjson::dom::object o, const char* name, std::string_view& out) {
  auto v = io::last_field(o, name);
  return v && v->get(out) == simdjson::SUCCESS;
}

}  // namespace

FriendsFile::FriendsFile(const std::string& path, io::Context& ctx) {
  io::RecordReader reader({path}, ctx.rejects, ctx.stats);
  io::Record record;
  std::string_view a, b;
  while (reader.next(record)) {
    if (name_.empty()) name_ = *record.file;
    if (!string_field(record.root, "a", a) || !string_field(record.root, "b", b)) {
      reader.reject(record, 0, "a friends line needs \"a\" and \"b\", two accounts");
      continue;
    }
    edges_.emplace_back(accounts_.intern(a), accounts_.intern(b));
  }
  if (name_.empty()) name_ = path == "-" ? "<stdin>" : path;
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
