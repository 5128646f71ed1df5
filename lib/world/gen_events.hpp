// gen-events: the options of the tool and the run that dispatches to the
// kind of output asked for (people, accounts, events, friends, manifest).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "io/context.hpp"
#include "world/events.hpp"
#include "world/friends.hpp"
#include "world/noise.hpp"

namespace socred::world {

struct Options {
  std::string kind;  // people, accounts, events, friends, manifest
  std::uint64_t seed = 1;
  std::uint32_t population = 1000;
  std::string start = "2024-01-01";
  std::uint32_t days = 30;
  std::string shard;  // "i/N", empty: the whole output
  std::uint32_t threads = 1;
  bool truth = false;
  bool linked = false;
  double noise = 0.1;
  std::vector<std::string> noise_field;   // FIELD=RATE
  std::vector<std::string> noise_for;     // GROUP=VALUE:RATE
  std::string noise_profile = "default";  // or "messy"
  double court_name_share = 0.2;
  FriendSettings friends;
};

/// A kind of output: its name, a line for --help, the options it reads (as
/// the command line spells them: the others cannot change its bytes) and
/// what writes it.
struct KindOfOutput {
  std::string name;
  std::string help;
  std::vector<std::string> options;
  void (*write)(const Options&, io::Context&);
};

/// Every kind of output, in the order --help lists them: the one list.
const std::vector<KindOfOutput>& kinds_of_output();

/// Validators for CLI11: an empty string means the text is fine.
std::string check_shard(const std::string& text);
std::string check_start(const std::string& text);
std::string check_noise_field(const std::string& text);
std::string check_noise_group(const std::string& text);
std::string check_noise_profile(const std::string& text);

/// Writes the kind of output `o.kind` names.
int run(const Options& o, io::Context& ctx);

}  // namespace socred::world
