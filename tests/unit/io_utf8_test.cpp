#include "catch.hpp"
#include "io/utf8.hpp"

using namespace socred::io;

TEST_CASE("utf8 round trip", "[io]") {
  std::string s;
  for (char32_t cp : {U'a', U'é', U'王', U'\U0001F600'}) append_utf8(s, cp);
  CHECK(s == "aé王\U0001F600");
  std::u32string out;
  to_code_points(s, out);
  CHECK(out == U"aé王\U0001F600");
}

TEST_CASE("utf8 decoding keeps bytes that are not UTF-8", "[io]") {
  std::u32string out;
  to_code_points("a\xff\xe7\x8e", out);  // a stray byte, then a truncated sequence
  CHECK(out == std::u32string{U'a', 0xFF, 0xE7, 0x8E});
  to_code_points("\xe7x", out);  // a lead byte without its continuation
  CHECK(out == std::u32string{0xE7, U'x'});
}
