#include <cmath>
#include <map>
#include <set>
#include <string>

#include "catch.hpp"
#include "world/cities.hpp"
#include "world/messy.hpp"
#include "world/people.hpp"
#include "world_test_util.hpp"

using namespace socred::world;
using world_test::field;

namespace {

std::uint32_t person_index(std::string_view id) {
  return static_cast<std::uint32_t>(std::stoul(std::string(id.substr(1)))) - 1;
}

// The noise kind named for `key` inside the line's "noise" object, or empty.
std::string_view noise_of(std::string_view line, std::string_view key) {
  auto at = line.find("\"noise\":{");
  REQUIRE(at != std::string_view::npos);
  return field(line.substr(at), key);
}

bool within(double observed, double rate, double n) {
  return std::fabs(observed - rate) <= 4 * std::sqrt(rate * (1 - rate) / n) + 1e-9;
}

}  // namespace

TEST_CASE("every --truth reference resolves and un-noised fields are the register's", "[world]") {
  const unsigned population = 3000;
  auto o = world_test::options("accounts", population);
  o.truth = true;
  std::string accounts = world_test::generate(o);
  std::string people = world_test::generate(world_test::options("people", population));
  auto reg = world_test::lines(people);
  std::set<std::string_view> ids;
  std::map<std::uint32_t, std::string_view> phone_of;
  for (auto line : world_test::lines(accounts)) {
    std::string_view person = field(line, "person");
    REQUIRE(person.size() == 8);
    std::uint32_t i = person_index(person);
    REQUIRE(i < population);
    std::string_view who = reg[i];
    REQUIRE(field(who, "person") == person);
    CHECK(ids.insert(field(line, "account")).second);  // account ids are unique
    CHECK(field(line, "account").substr(0, field(line, "platform").size() + 1) ==
          std::string(field(line, "platform")) + ":");
    if (noise_of(line, "name").empty())
      CHECK(field(line, "name") == field(who, "name"));
    else if (noise_of(line, "name") == "missing")
      CHECK(line.find(",\"name\":\"") == line.npos);
    else
      CHECK(field(line, "name") != field(who, "name"));
    if (noise_of(line, "city").empty()) CHECK(field(line, "city") == field(who, "city"));
    if (noise_of(line, "city") == "moved") CHECK(field(line, "city") != field(who, "city"));
    if (noise_of(line, "birth_year").empty()) {
      std::string year = "\"birth_year\":" + std::string(field(who, "birthdate").substr(0, 4));
      CHECK(line.find(year) != line.npos);
    }
    if (noise_of(line, "phone").empty()) {
      auto [it, fresh] = phone_of.emplace(i, field(line, "phone"));
      CHECK(it->second == field(line, "phone"));  // one person, one true phone
      (void)fresh;
    }
  }
}

TEST_CASE("events' accounts and ids resolve to the same true person", "[world]") {
  const unsigned population = 800;
  auto a = world_test::options("accounts", population);
  a.truth = true;
  std::string accounts = world_test::generate(a);
  std::map<std::string_view, std::string_view> owner;
  for (auto line : world_test::lines(accounts))
    owner[field(line, "account")] = field(line, "person");
  std::string people = world_test::generate(world_test::options("people", population));
  auto reg = world_test::lines(people);
  auto e = world_test::options("events", population, 5);
  e.linked = true;
  std::string events = world_test::generate(e);
  int checked = 0;
  for (auto line : world_test::lines(events)) {
    std::string_view person = field(line, "person");
    std::string_view account = field(line, "account");
    if (!account.empty()) {
      REQUIRE(owner.count(account) == 1);
      CHECK(owner[account] == person);
    } else if (!field(line, "national_id").empty()) {
      CHECK(field(reg[person_index(person)], "national_id") == field(line, "national_id"));
    }
    ++checked;
  }
  CHECK(checked > 1000);
  // --linked only adds the person: without it the lines are otherwise equal.
  e.linked = false;
  std::string plain_text = world_test::generate(e);
  auto plain = world_test::lines(plain_text);
  auto linked = world_test::lines(events);
  REQUIRE(plain.size() == linked.size());
  std::string_view l = linked[0];
  auto at = l.find(",\"person\":");
  CHECK(std::string(l.substr(0, at)) + std::string(l.substr(at + 20)) == plain[0]);
}

TEST_CASE("noise rates measured within tolerance of the settings", "[world]") {
  const unsigned population = 10000;
  auto o = world_test::options("accounts", population);
  o.truth = true;
  o.noise = 0.2;
  o.noise_field = {"phone=0.05"};
  o.noise_for = {"sex=F:0.5"};
  std::string out = world_test::generate(o);
  std::string people = world_test::generate(world_test::options("people", population));
  auto reg = world_test::lines(people);
  double n_m = 0, n_f = 0, name_m = 0, phone_m = 0, city_m = 0, name_f = 0, phone_f = 0;
  std::map<std::string_view, double> name_kinds;
  for (auto line : world_test::lines(out)) {
    bool female = field(reg[person_index(field(line, "person"))], "sex") == "F";
    bool name = !noise_of(line, "name").empty(), phone = !noise_of(line, "phone").empty();
    if (female) {
      ++n_f, name_f += name, phone_f += phone;
    } else {
      ++n_m, name_m += name, phone_m += phone, city_m += !noise_of(line, "city").empty();
      if (name) ++name_kinds[noise_of(line, "name")];
    }
  }
  REQUIRE(n_m > 5000);
  REQUIRE(n_f > 5000);
  CHECK(within(name_m / n_m, 0.2, n_m));
  CHECK(within(city_m / n_m, 0.2, n_m));
  CHECK(within(phone_m / n_m, 0.05, n_m));  // the field's own rate
  CHECK(within(name_f / n_f, 0.5, n_f));    // the group's rate wins
  CHECK(within(phone_f / n_f, 0.5, n_f));
  // Kinds of name noise in their documented shares.
  CHECK(within(name_kinds["missing"] / name_m, 0.10, name_m));
  CHECK(within(name_kinds["nickname"] / name_m, 0.30, name_m));
  CHECK(within(name_kinds["variant"] / name_m, 0.25, name_m));
  double typos = name_kinds["insertion"] + name_kinds["deletion"] + name_kinds["substitution"] +
                 name_kinds["transposition"];
  CHECK(within(typos / name_m, 0.35, name_m));
}

TEST_CASE("some people have several accounts on a platform, some none", "[world]") {
  Population pop(1, 10000);
  int none = 0, several = 0;
  for (std::uint32_t i = 0; i < pop.size(); ++i) {
    none += pop[i].accounts[kGame] == 0;
    several += pop[i].accounts[kGame] > 1;
  }
  CHECK(none > 3000);
  CHECK(several > 200);
}

TEST_CASE("noise 0 gives the register's values on every account", "[world]") {
  auto o = world_test::options("accounts", 300);
  o.truth = true;
  o.noise = 0;
  std::string out = world_test::generate(o);
  for (auto line : world_test::lines(out)) CHECK(line.find("\"noise\":{}") != line.npos);
}

TEST_CASE("messy households: 2 to 5 persons of one city, 30 % of persons, one head", "[world]") {
  Population pop(11, 20000);
  Households h(pop);
  std::map<std::uint32_t, std::vector<std::uint32_t>> members;
  std::uint32_t shared = 0;
  for (std::uint32_t i = 0; i < pop.size(); ++i) {
    if (!h.shared(i)) {
      CHECK(h.head(i) == i);
      continue;
    }
    ++shared;
    CHECK(h.head(i) <= i);
    CHECK(h.shared(h.head(i)));
    CHECK(pop[h.head(i)].city == pop[i].city);
    members[h.head(i)].push_back(i);
  }
  for (const auto& [head, m] : members) {
    CHECK(m.front() == head);
    CHECK(m.size() >= 2);
    CHECK(m.size() <= 5);
  }
  // A city's last household may stay unopened: at most one person a city.
  CHECK(within(static_cast<double>(shared) / pop.size(), MessyRates::kInHousehold, pop.size()));
  // The same table from the same seed, whatever else ran before.
  Households again(pop);
  for (std::uint32_t i = 0; i < pop.size(); ++i) REQUIRE(again.head(i) == h.head(i));
}
