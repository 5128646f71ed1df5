#include <set>
#include <string>

#include "catch.hpp"
#include "world/calendar.hpp"
#include "world/cities.hpp"
#include "world/national_id.hpp"
#include "world/people.hpp"
#include "world_test_util.hpp"

using namespace socred::world;
using world_test::field;

TEST_CASE("every national id is valid, unique, and agrees with the record", "[world]") {
  auto o = world_test::options("people", 20000);
  std::string out = world_test::generate(o);
  auto lines = world_test::lines(out);
  REQUIRE(lines.size() == 20000);
  std::set<std::string_view> ids;
  for (auto line : lines) {
    std::string_view id = field(line, "national_id");
    REQUIRE(national_id_valid(id));
    ids.insert(id);
    // Birthdate: digits 7-14.
    std::string_view birth = field(line, "birthdate");
    CHECK(std::string(id.substr(6, 4)) + "-" + std::string(id.substr(10, 2)) + "-" +
              std::string(id.substr(12, 2)) ==
          birth);
    // Sex: the parity of digit 17.
    bool odd = (id[16] - '0') % 2 == 1;
    CHECK((field(line, "sex") == "M") == odd);
    // Region: one of the city's district codes.
    int city = city_index(field(line, "city"));
    REQUIRE(city >= 0);
    std::uint32_t region = static_cast<std::uint32_t>(std::stoul(std::string(id.substr(0, 6))));
    const auto& d = cities()[city].districts;
    CHECK((region == d[0] || region == d[1] || region == d[2] || region == d[3]));
  }
  CHECK(ids.size() == lines.size());
}

TEST_CASE("person ids count from p0000001 in order", "[world]") {
  auto lines_text = world_test::generate(world_test::options("people", 12));
  auto lines = world_test::lines(lines_text);
  CHECK(field(lines[0], "person") == "p0000001");
  CHECK(field(lines[11], "person") == "p0000012");
  CHECK(Population::person_id(9999999) == "p10000000");
}

TEST_CASE("a person is the same whatever the population size", "[world]") {
  // Only identity sequences depend on earlier persons; the rest is the
  // person's own stream.
  Population small(5, 100), big(5, 5000);
  for (std::uint32_t i = 0; i < 100; ++i) {
    CHECK(small[i].birth_days == big[i].birth_days);
    CHECK(small[i].persona == big[i].persona);
    CHECK(small[i].city == big[i].city);
    CHECK(small.national_id(i) == big.national_id(i));
  }
}

TEST_CASE("people: same arguments give the same bytes; --truth adds persona", "[world]") {
  auto o = world_test::options("people", 500);
  std::string a = world_test::generate(o), b = world_test::generate(o);
  CHECK(a == b);
  o.truth = true;
  std::string t = world_test::generate(o);
  auto plain = world_test::lines(a), truth = world_test::lines(t);
  REQUIRE(plain.size() == truth.size());
  for (std::size_t i = 0; i < plain.size(); ++i) {
    CHECK(truth[i].substr(0, plain[i].size() - 1) == plain[i].substr(0, plain[i].size() - 1));
    CHECK(!field(truth[i], "persona").empty());
  }
  o.truth = false;
  o.seed = 2;
  CHECK(world_test::generate(o) != a);
}

TEST_CASE("the population mixes sexes, ages, cities and personas as documented", "[world]") {
  Population pop(1, 20000);
  int female = 0, uyghur_kashgar = 0, kashgar = 0, shanghai = 0;
  int persona_count[8] = {};
  for (std::uint32_t i = 0; i < pop.size(); ++i) {
    const Person& p = pop[i];
    female += p.female();
    ++persona_count[p.persona];
    int year = civil_from_days(p.birth_days).year;
    CHECK(year >= 1944);
    CHECK(year <= 2005);
    if (cities()[p.city].name == "Kashgar") {
      ++kashgar;
      uyghur_kashgar += p.name.uyghur;
    }
    if (cities()[p.city].name == "Shanghai") ++shanghai;
  }
  CHECK(female / 20000.0 == Approx(0.49).margin(0.015));
  CHECK(persona_count[0] / 20000.0 == Approx(0.25).margin(0.015));
  CHECK(persona_count[7] / 20000.0 == Approx(0.06).margin(0.008));
  CHECK(shanghai > 10 * kashgar);
  CHECK(uyghur_kashgar > kashgar / 2);
}
