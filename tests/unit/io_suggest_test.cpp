#include "catch.hpp"
#include "io/suggest.hpp"

using socred::io::did_you_mean;

TEST_CASE("a slip suggests the nearest name", "[io]") {
  const std::vector<std::string> options{"rules", "by", "as-of", "explain", "threads"};
  CHECK(did_you_mean("rule", options) == "rules");
  CHECK(did_you_mean("explian", options) == "explain");  // a transposition is one slip
  CHECK(did_you_mean("thread", options) == "threads");
  CHECK(did_you_mean("as_of", options) == "as-of");
}

TEST_CASE("an unrelated word suggests nothing", "[io]") {
  const std::vector<std::string> options{"rules", "by", "explain"};
  CHECK(did_you_mean("zzz", options).empty());
  CHECK(did_you_mean("bx", options) == "by");
  CHECK(did_you_mean("xyz", options).empty());  // 2 edits from "by": too many for a short word
  CHECK(did_you_mean("anything", {}).empty());
}

TEST_CASE("ties go to the earlier candidate", "[io]") {
  CHECK(did_you_mean("cat", {"bat", "car"}) == "bat");
  CHECK(did_you_mean("cat", {"car", "bat"}) == "car");
}

TEST_CASE("the beginning of one name is that name", "[io]") {
  const std::vector<std::string> options{"population", "progress", "seed"};
  CHECK(did_you_mean("popul", options) == "population");
  CHECK(did_you_mean("pro", options) == "progress");
  CHECK(did_you_mean("p", options).empty());  // too short to say
  CHECK(did_you_mean("pr", {"progress", "prefix"}).empty());
  CHECK(did_you_mean("pre", {"progress", "prefix", "preview"}).empty());  // two begin so
}
