// Reading the register. A person listed twice counts once; the counts are
// taken after every input is read, so they hold for --merge as for one run.
#include "score/people.hpp"

#include <fmt/format.h>

#include <vector>

#include "io/raw_json.hpp"
#include "io/record_reader.hpp"

namespace socred::score {

RegisterStats load_people(const std::string& path, const io::Path& by, State& state,
                          io::Context& ctx) {
  RegisterStats stats;
  io::RecordReader reader({path}, ctx.rejects, ctx.stats);
  io::Record record;
  std::vector<std::uint8_t> listed(state.persons().size(), 0);
  while (reader.next(record)) {
    if (stats.name.empty()) stats.name = *record.file;
    auto key = io::lookup(record.root, by);
    std::string_view person;
    if (!key) {
      reader.reject(record, io::field_column(record.text, by.front()),
                    "missing key field \"" + io::path_text(by) + "\"");
      continue;
    }
    if (key->get_string().get(person) != simdjson::SUCCESS) {
      reader.reject(record, io::field_column(record.text, by.front()),
                    "key field \"" + io::path_text(by) + "\" is not a string");
      continue;
    }
    const std::uint32_t p = state.person(person);
    if (p >= listed.size()) listed.resize(std::size_t{p} + 1, 0);
    if (listed[p]) continue;
    listed[p] = 1;
    ++stats.persons;
    if (state.events(p) == 0) ++stats.without_event;
  }
  if (stats.name.empty()) stats.name = path == "-" ? "<stdin>" : path;
  for (std::uint32_t p = 0; p < state.persons().size(); ++p)
    if (p >= listed.size() || !listed[p]) ++stats.outside;
  return stats;
}

std::string register_summary(const RegisterStats& s) {
  return fmt::format("{}: {} persons, {} with no event; {} persons scored are not in it", s.name,
                     s.persons, s.without_event, s.outside);
}

}  // namespace socred::score
