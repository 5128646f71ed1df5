// Helpers for the world tests: run gen-events' library entry point into a
// string, and split the output into lines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "io/context.hpp"
#include "io/jsonl_writer.hpp"
#include "io/rejects.hpp"
#include "world/gen_events.hpp"

namespace world_test {

inline std::string generate(const socred::world::Options& o) {
  std::string out;
  socred::io::JsonlWriter writer(&out);
  socred::io::InputOptions io;
  socred::io::Rejects rejects;
  socred::io::LineStats stats;
  socred::io::Diagnostics diag;
  socred::io::Context ctx{io, writer, rejects, stats, diag};
  socred::world::run(o, ctx);
  writer.flush();
  return out;
}

inline socred::world::Options options(const std::string& kind, unsigned population,
                                      unsigned days = 7) {
  socred::world::Options o;
  o.kind = kind;
  o.population = population;
  o.days = days;
  return o;
}

inline std::vector<std::string_view> lines(const std::string& text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    out.push_back(std::string_view(text).substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

/// The string value of "key":"..." in a line written by gen-events (no
/// escapes there), or empty.
inline std::string_view field(std::string_view line, std::string_view key) {
  std::string needle = "\"" + std::string(key) + "\":\"";
  auto at = line.find(needle);
  if (at == std::string_view::npos) return {};
  at += needle.size();
  return line.substr(at, line.find('"', at) - at);
}

}  // namespace world_test
