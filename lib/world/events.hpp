// The event stream: every person's traces day by day, ordered by time over
// the whole population, in memory proportional to one day's events.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "world/noise.hpp"
#include "world/people.hpp"

namespace socred::world {

struct EventSettings {
  std::int64_t start_day = 0;  // days since 1970-01-01 (UTC midnight)
  std::uint32_t days = 30;
  bool linked = false;
  double court_name_share = 0.2;
  NoiseSettings noise;
  std::uint32_t threads = 1;
  std::uint32_t shard = 1, shards = 1;  // emit the shard-th of `shards` slices
};

/// One event before formatting: its second of the day and kind, whose person
/// and which of the person's events that day (details are redrawn from
/// (seed, person, day, index) when formatted).
struct EventSlot {
  std::uint32_t sec_kind;  // second of the UTC day << 4 | kind
  std::uint32_t person;
  std::uint32_t index;
};

class EventGenerator {
 public:
  EventGenerator(const Population& pop, const EventSettings& s);

  /// Number of events of person `i` on day `d` (0-based from the start).
  std::uint32_t count(std::uint32_t i, std::uint32_t d) const;
  /// Expected events per day of each kind for person `i` on day `d`.
  void rates(std::uint32_t i, std::uint32_t d, double* out) const;
  /// Day `d`'s events of persons [begin, end), appended in person order.
  void generate(std::uint32_t d, std::uint32_t begin, std::uint32_t end,
                std::vector<EventSlot>& out) const;

  /// Appends the lines of `n` slots of day `d`, numbered from `first_id`.
  void format(std::uint32_t d, const EventSlot* slots, std::size_t n, std::uint64_t first_id,
              class TextBuffer& out) const;

  /// Streams the selected shard; `write` receives blocks of whole lines.
  void run(const std::function<void(std::string_view)>& write) const;

 private:
  struct DayInfo {
    double factor[kKindCount];  // weekday and festival factors
  };
  DayInfo day_info(std::uint32_t d) const;

  const Population& pop_;
  EventSettings s_;
  double hour_cumulative_[kKindCount][24];  // by UTC hour
};

}  // namespace socred::world
