#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "catch.hpp"
#include "world/calendar.hpp"
#include "world/events.hpp"
#include "world/persona.hpp"
#include "world/text_buffer.hpp"
#include "world_test_util.hpp"

using namespace socred::world;
using world_test::field;

namespace {

std::uint32_t person_index(std::string_view id) {
  return static_cast<std::uint32_t>(std::stoul(std::string(id.substr(1)))) - 1;
}

double number_after(std::string_view line, std::string_view key) {
  std::string needle = "\"" + std::string(key) + "\":";
  auto at = line.find(needle);
  REQUIRE(at != std::string_view::npos);
  return std::stod(std::string(line.substr(at + needle.size(), 24)));
}

}  // namespace

TEST_CASE("events are ordered by ts, ids count up from e0000000001", "[world]") {
  auto o = world_test::options("events", 300, 5);
  std::string out = world_test::generate(o);
  auto lines = world_test::lines(out);
  REQUIRE(lines.size() > 1000);
  std::string_view last_ts;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string id = std::to_string(i + 1);
    REQUIRE(field(lines[i], "id") == "e" + std::string(10 - id.size(), '0') + id);
    std::string_view ts = field(lines[i], "ts");
    REQUIRE(ts.size() == 20);
    CHECK(ts >= last_ts);
    CHECK(ts >= "2024-01-01T00:00:00Z");
    CHECK(ts < "2024-01-06T00:00:00Z");
    last_ts = ts;
  }
}

TEST_CASE("events: same bytes for any thread count and any shard split", "[world]") {
  auto o = world_test::options("events", 400, 4);
  std::string whole = world_test::generate(o);
  CHECK(world_test::generate(o) == whole);
  o.threads = 3;
  CHECK(world_test::generate(o) == whole);
  for (unsigned n : {2u, 3u, 7u}) {
    std::string joined;
    for (unsigned i = 1; i <= n; ++i) {
      o.shard = std::to_string(i) + "/" + std::to_string(n);
      o.threads = i % 2 + 1;
      joined += world_test::generate(o);
    }
    CHECK(joined == whole);
  }
}

TEST_CASE("people, accounts and friends: shards concatenate to the whole", "[world]") {
  for (std::string kind : {"people", "accounts", "friends"}) {
    auto o = world_test::options(kind, 700);
    o.truth = true;
    std::string whole = world_test::generate(o), joined;
    for (unsigned i = 1; i <= 4; ++i) {
      o.shard = std::to_string(i) + "/4";
      joined += world_test::generate(o);
    }
    CHECK(joined == whole);
  }
}

TEST_CASE("the shape on 10k persons: heavy tails, log-normal amounts", "[world]") {
  auto o = world_test::options("events", 10000, 7);
  o.linked = true;
  std::string out = world_test::generate(o);
  Population pop(o.seed, o.population);
  std::vector<std::uint32_t> per_person(10000);
  double sum = 0, sq = 0;
  int n = 0;
  for (auto line : world_test::lines(out)) {
    std::uint32_t i = person_index(field(line, "person"));
    ++per_person[i];
    // Groceries of personas that spend as documented (factor 1).
    if (field(line, "category") != "groceries" || persona(pop[i].persona).spend != 1.0) continue;
    double l = std::log(number_after(line, "amount"));
    sum += l;
    sq += l * l;
    ++n;
  }
  std::sort(per_person.begin(), per_person.end());
  std::uint32_t median = per_person[5000], busiest = per_person.back();
  INFO("median " << median << ", busiest " << busiest);
  REQUIRE(median > 0);
  CHECK(busiest >= 100 * median);
  REQUIRE(n > 10000);
  double mean = sum / n, sd = std::sqrt(sq / n - mean * mean);
  CHECK(mean == Approx(category(kGroceries).log_mean).margin(0.03));
  CHECK(sd == Approx(category(kGroceries).log_sd).margin(0.03));
}

TEST_CASE("activity multipliers have the documented log-normal mean", "[world]") {
  Population pop(1, 10000);
  double sum = 0;
  for (std::uint32_t i = 0; i < pop.size(); ++i) sum += pop[i].activity;
  CHECK(sum / pop.size() == Approx(std::exp(kActivitySigma * kActivitySigma / 2)).epsilon(0.1));
}

TEST_CASE("per-persona rates match the documented means", "[world]") {
  // 28 days: whole weeks (weekday factors average 1) without a festival.
  Population pop(1, 10000);
  EventSettings s;
  s.start_day = days_from_civil(2024, 1, 1);
  s.days = 28;
  EventGenerator gen(pop, s);
  // observed[p][k] events; expected[p][k] = sum over persons of their rate.
  double observed[kPersonaCount][kKindCount] = {}, expected[kPersonaCount][kKindCount] = {};
  std::vector<EventSlot> slots;
  for (std::uint32_t d = 0; d < s.days; ++d) {
    slots.clear();
    gen.generate(d, 0, pop.size(), slots);
    for (const EventSlot& e : slots) observed[pop[e.person].persona][e.sec_kind & 15] += 1;
  }
  for (std::uint32_t i = 0; i < pop.size(); ++i) {
    const Person& p = pop[i];
    const Persona& per = persona(p.persona);
    for (int k = 0; k < kKindCount; ++k) {
      const KindInfo& info = kKinds[k];
      if (info.platform >= 0 && p.accounts[info.platform] == 0) continue;
      double r = per.rate[k] * (info.scales_with_activity ? p.activity : 1.0);
      expected[p.persona][k] += r * s.days;
    }
  }
  int checked = 0;
  for (std::uint32_t p = 0; p < kPersonaCount; ++p) {
    for (int k = 0; k < kKindCount; ++k) {
      double want = expected[p][k];
      if (want < 30) continue;  // too few to say anything
      INFO(persona(p).name << " kind " << k << ": " << observed[p][k] << " vs " << want);
      // Poisson counts: within 4 standard deviations.
      CHECK(std::fabs(observed[p][k] - want) <= 4 * std::sqrt(want));
      ++checked;
    }
  }
  CHECK(checked >= 50);
}

TEST_CASE("court records close at the weekend; purchases peak in the evening", "[world]") {
  auto o = world_test::options("events", 3000, 14);
  std::string out = world_test::generate(o);
  int court_weekend = 0, court = 0, evening = 0, night = 0;
  for (auto line : world_test::lines(out)) {
    std::string_view ts = field(line, "ts");
    int day = std::stoi(std::string(ts.substr(8, 2)));
    int hour = std::stoi(std::string(ts.substr(11, 2)));
    int local = (hour + 8) % 24;
    if (field(line, "source") == "court") {
      ++court;
      // 2024-01-06/07 and 13/14 are Saturdays and Sundays.
      court_weekend += day == 6 || day == 7 || day == 13 || day == 14;
      CHECK(local >= 9);
      CHECK(local < 18);
    }
    if (field(line, "type") == "purchase") {
      evening += local >= 19 && local < 22;
      night += local >= 2 && local < 5;
    }
  }
  CHECK(court > 0);
  CHECK(court_weekend == 0);
  CHECK(evening > 10 * night);
}

TEST_CASE("court records: a share carries name and birthdate instead", "[world]") {
  // Court records are rare: make every event's slot, format only theirs.
  Population pop(1, 5000);
  EventSettings s;
  s.start_day = days_from_civil(2024, 1, 1);
  s.days = 60;
  s.linked = true;
  s.court_name_share = 0.3;
  s.noise.base = 0.5;
  EventGenerator gen(pop, s);
  std::string people = world_test::generate(world_test::options("people", 5000));
  auto register_lines = world_test::lines(people);
  std::vector<EventSlot> slots;
  TextBuffer text;
  for (std::uint32_t d = 0; d < s.days; ++d) {
    slots.clear();
    gen.generate(d, 0, pop.size(), slots);
    for (const EventSlot& e : slots)
      if ((e.sec_kind & 15) >= kLawsuit) gen.format(d, &e, 1, 1, text);
  }
  std::string out(text.view());
  int by_name = 0, by_id = 0, misspelled = 0;
  for (auto line : world_test::lines(out)) {
    REQUIRE(field(line, "source") == "court");
    std::string_view who = register_lines[person_index(field(line, "person"))];
    if (field(line, "national_id").empty()) {
      ++by_name;
      CHECK(field(line, "birthdate") == field(who, "birthdate"));
      misspelled += field(line, "name") != field(who, "name");
    } else {
      ++by_id;
      CHECK(field(line, "national_id") == field(who, "national_id"));
    }
  }
  REQUIRE(by_name + by_id > 200);
  CHECK(by_name / double(by_name + by_id) == Approx(0.3).margin(0.06));
  CHECK(misspelled / double(by_name) == Approx(0.5).margin(0.12));
}
