#include "catch.hpp"
#include "io/damerau_levenshtein.hpp"

using namespace socred::io;

TEST_CASE("Damerau-Levenshtein known values", "[io]") {
  CHECK(damerau_levenshtein("", "") == 0);
  CHECK(damerau_levenshtein("abc", "") == 3);
  CHECK(damerau_levenshtein("kitten", "sitting") == 3);
  CHECK(damerau_levenshtein("wangfang", "wangfagn") == 1);  // one transposition
  CHECK(damerau_levenshtein("ab", "ba") == 1);
  CHECK(damerau_levenshtein("setreet", "street") == 1);
  // Unrestricted: "ca" -> "ac" -> "abc" is 2 (the restricted variant says 3).
  CHECK(damerau_levenshtein("ca", "abc") == 2);
  CHECK(damerau_levenshtein("a cat", "an abct") == 3);
}

TEST_CASE("Damerau-Levenshtein limit", "[io]") {
  CHECK(damerau_levenshtein("abcdef", "a", 2) == 3);
  CHECK(damerau_levenshtein("kitten", "sitting", 1) == 2);
  CHECK(damerau_levenshtein("kitten", "sitting", 5) == 3);
}

TEST_CASE("Damerau-Levenshtein on code points", "[io]") {
  CHECK(damerau_levenshtein(std::u32string_view(U"王芳"), std::u32string_view(U"芳王")) == 1);
  CHECK(damerau_levenshtein(std::u32string_view(U"王小芳"), std::u32string_view(U"王芳")) == 1);
}
