// The manifest line. Threads and shards are left out on purpose: the output
// does not depend on them.
#include "world/manifest.hpp"

#include <fmt/format.h>

#include "world/calendar.hpp"

#ifndef SOCRED_VERSION
#define SOCRED_VERSION "0.0.0"
#endif

namespace socred::world {

std::string manifest(const Options& o, const NoiseSettings& n) {
  std::string out = fmt::format(
      "{{\"tool\":\"gen-events\",\"version\":\"{}\",\"seed\":{},\"population\":{},"
      "\"start\":\"{}\",\"days\":{},\"noise\":{{\"base\":{}",
      SOCRED_VERSION, o.seed, o.population, date_text(*parse_start(o.start)), o.days, n.base);
  for (int f = 0; f < kNoiseFieldCount; ++f)
    if (n.field[f] >= 0) out += fmt::format(",\"{}\":{}", kNoiseFieldNames[f], n.field[f]);
  if (n.messy) out += ",\"profile\":\"messy\"";  // absent: the default, as before profiles
  out += ",\"groups\":[";
  for (std::size_t g = 0; g < n.groups.size(); ++g)
    out += fmt::format("{}\"{}\"", g ? "," : "", n.groups[g].text);
  out += fmt::format("]}},\"court_name_share\":{},\"degree\":{},\"rewire\":{},\"homophily\":{}}}",
                     o.court_name_share, o.friends.degree, o.friends.rewire, o.friends.homophily);
  return out;
}

}  // namespace socred::world
