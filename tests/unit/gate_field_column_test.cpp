#include "catch.hpp"
#include "gate/field_column.hpp"

using socred::gate::field_column;

TEST_CASE("field_column finds a top-level value, the last when repeated", "[gate]") {
  CHECK(field_column(R"({"person":"p1","score":"x"})", "score") == 24);
  CHECK(field_column(R"({"a":{"score":1},"score" : 2})", "score") == 28);
  CHECK(field_column(R"({"score":1,"score":2})", "score") == 20);
  CHECK(field_column(R"({"s":"\"score\":1","t":[{"score":3}]})", "score") == 1);
  CHECK(field_column(R"({"person":"p1"})", "score") == 1);
}
