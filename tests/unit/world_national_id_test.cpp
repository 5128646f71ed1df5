#include "catch.hpp"
#include "world/calendar.hpp"
#include "world/national_id.hpp"

using namespace socred::world;

TEST_CASE("check characters of published sample ids", "[world]") {
  // GB 11643-1999's own example and a widely quoted one ending in X.
  CHECK(national_id_check("11010519491231002") == 'X');
  CHECK(national_id_check("44052418800101001") == '4');
  CHECK(national_id_valid("11010519491231002X"));
  CHECK(national_id_valid("440524188001010014"));
}

TEST_CASE("an id is built from region, birthdate and sequence", "[world]") {
  std::string id = national_id(653101, days_from_civil(1987, 6, 4), 7);
  CHECK(id.substr(0, 17) == "65310119870604007");
  CHECK(national_id_valid(id));
}

TEST_CASE("invalid ids are rejected", "[world]") {
  CHECK_FALSE(national_id_valid("110105194912310021"));  // wrong check
  CHECK_FALSE(national_id_valid("11010519491331002X"));  // month 13
  CHECK_FALSE(national_id_valid("11010519490229002X"));  // 1949 not a leap year
  CHECK_FALSE(national_id_valid("11010519491231002"));   // short
  CHECK_FALSE(national_id_valid("1101051949123100AX"));  // letter in the body
}

TEST_CASE("dates: day numbers, weekdays and --start parsing", "[world]") {
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(days_from_civil(2024, 3, 1) == 19783);
  CHECK(weekday(days_from_civil(2024, 1, 1)) == 0);  // a Monday
  CHECK(date_text(days_from_civil(2000, 2, 29)) == "2000-02-29");
  CHECK(parse_start("2024-01-01T00:00:00Z") == days_from_civil(2024, 1, 1));
  CHECK_FALSE(parse_start("2024-01-01T12:00:00Z"));
  CHECK_FALSE(parse_start("2023-02-29"));
  CHECK_FALSE(parse_start("24-01-01"));
}
