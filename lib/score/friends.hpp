// The friendship graph for spill (score --friends): edges between accounts
// as gen-events writes them, mapped to persons through the events' own
// account fields or a link map (--links), and turned into a person graph
// without self-loops or duplicate edges, with every dropped edge counted.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "io/context.hpp"
#include "score/person_table.hpp"
#include "score/state.hpp"

namespace socred::score {

/// The friends file as read: each distinct account, and the edges.
class FriendsFile {
 public:
  /// Reads lines {"a":ACCOUNT,"b":ACCOUNT} on `threads` threads, the same
  /// accounts and edges in the same order for any count; bad lines go to
  /// ctx.rejects.
  FriendsFile(const std::string& path, io::Context& ctx, unsigned threads = 1);
  const PersonTable& accounts() const { return accounts_; }
  const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges() const { return edges_; }
  const std::string& name() const { return name_; }

 private:
  std::string name_;
  PersonTable accounts_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges_;
};

/// Maps the friends file's accounts to persons from a link map (lines with
/// `left` and `right`, right the person) or an accounts file (`account` and
/// `person`, as gen-events accounts --truth writes). A person named there
/// but without events is added to the state (events 0). Bad lines go to
/// ctx.rejects.
void load_links(const std::string& path, State& state, io::Context& ctx);

struct GraphStats {
  std::uint64_t read = 0;        // edges in the file
  std::uint64_t unknown = 0;     // an account no event or link maps to a person
  std::uint64_t self_loops = 0;  // both accounts are the same person
  std::uint64_t duplicates = 0;  // the same two persons again
  std::uint64_t used() const { return read - unknown - self_loops - duplicates; }
};

/// Undirected person graph, adjacency lists sorted (CSR over state persons).
struct Graph {
  std::vector<std::uint64_t> offsets;  // persons + 1
  std::vector<std::uint32_t> targets;
  std::uint32_t persons() const { return static_cast<std::uint32_t>(offsets.size() - 1); }
};

Graph build_graph(const FriendsFile& friends, const State& state, GraphStats& stats);

/// "FILE: N edges: U used, K with an unknown account, S self-loops, D duplicates"
std::string graph_summary(const std::string& name, const GraphStats& stats);

}  // namespace socred::score
