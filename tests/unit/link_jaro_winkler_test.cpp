#include "catch.hpp"
#include "link/jaro_winkler.hpp"

using namespace socred::link;

TEST_CASE("Jaro-Winkler known values", "[link]") {
  // Winkler (1990) and the usual references.
  CHECK(jaro("MARTHA", "MARHTA") == Approx(0.944444).epsilon(1e-5));
  CHECK(jaro_winkler("MARTHA", "MARHTA") == Approx(0.961111).epsilon(1e-5));
  CHECK(jaro("DWAYNE", "DUANE") == Approx(0.822222).epsilon(1e-5));
  CHECK(jaro_winkler("DWAYNE", "DUANE") == Approx(0.84).epsilon(1e-5));
  CHECK(jaro("DIXON", "DICKSONX") == Approx(0.766667).epsilon(1e-5));
  CHECK(jaro_winkler("DIXON", "DICKSONX") == Approx(0.813333).epsilon(1e-5));
  CHECK(jaro_winkler("CRATE", "TRACE") == Approx(0.733333).epsilon(1e-5));
}

TEST_CASE("Jaro-Winkler edge cases", "[link]") {
  CHECK(jaro_winkler("", "") == 1.0);
  CHECK(jaro_winkler("a", "") == 0.0);
  CHECK(jaro_winkler("abc", "xyz") == 0.0);
  CHECK(jaro_winkler("same", "same") == 1.0);
  CHECK(jaro_winkler("a", "a") == 1.0);
  // Symmetric.
  CHECK(jaro_winkler("wangfang", "wangfagn") == Approx(jaro_winkler("wangfagn", "wangfang")));
}

TEST_CASE("Jaro-Winkler counts code points, not bytes", "[link]") {
  CHECK(jaro_winkler(std::u32string_view(U"王芳"), std::u32string_view(U"王芳")) == 1.0);
  CHECK(jaro_winkler(std::u32string_view(U"王小芳"), std::u32string_view(U"王芳")) ==
        Approx(jaro_winkler("wxf", "wf")));
}

TEST_CASE("Jaro-Winkler on long strings", "[link]") {
  std::string a(300, 'a'), b(300, 'a');
  b[150] = 'b';
  CHECK(jaro_winkler(a, b) > 0.99);
}
