#include "catch.hpp"
#include "gate/decision_id.hpp"
#include "io/hash.hpp"

using namespace socred::gate;

TEST_CASE("policy_hash is the hash of the policy's bytes", "[gate]") {
  CHECK(policy_hash("") == "cbf29ce484222325");
  CHECK(policy_hash("a") == "af63dc4c8601ec8c");
}

TEST_CASE("decision ids ignore insignificant whitespace, not content", "[gate]") {
  DecisionIds ids("0123456789abcdef");
  ids.start("p1", R"({"person":"p1","score":600})");
  const auto a = ids.id("loan");
  const auto a_again = ids.id("loan");
  const auto b = ids.id("flight");
  ids.start("p1", R"({ "person" : "p1", "score" : 600 })");
  CHECK(ids.id("loan") == a);
  CHECK(a == a_again);
  CHECK(a != b);
  ids.start("p1", R"({"person":"p1","score":601})");
  CHECK(ids.id("loan") != a);
  ids.start("p1", R"({"person":"p1","score":600})");
  CHECK(ids.id("loan", R"({"person":"p1","service":"loan","ts":"2024-01-01T00:00:00Z"})") != a);
  // The canonical text is documented in gate.1; pin it.
  CHECK(a ==
        socred::io::fnv1a64("0123456789abcdef\np1\n{\"person\":\"p1\",\"score\":600}\nloan\n"));
  DecisionIds other("fedcba9876543210");
  other.start("p1", R"({"person":"p1","score":600})");
  CHECK(other.id("loan") != a);
}
