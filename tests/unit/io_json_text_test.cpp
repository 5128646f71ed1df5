#include <simdjson.h>

#include <string>

#include "catch.hpp"
#include "io/json_text.hpp"

using socred::io::append_json_string;
using socred::io::json_string;
using socred::io::visible;

TEST_CASE("JSON strings: quotes, backslashes and controls escaped, the rest as it is", "[io]") {
  CHECK(json_string("") == "\"\"");
  CHECK(json_string("plain é 中") == "\"plain é 中\"");
  CHECK(json_string("q\"b\\") == R"("q\"b\\")");
  CHECK(json_string("\n\r\t\b\f") == R"("\n\r\t\b\f")");
  CHECK(json_string(std::string_view("\0\x01\x1b\x1f", 4)) == R"("\u0000\u0001\u001b\u001f")");
  // DEL, C1 and bidirectional overrides are valid in JSON strings: unchanged.
  CHECK(json_string("\x7f\xC2\x9b\xE2\x80\xAE") == "\"\x7f\xC2\x9b\xE2\x80\xAE\"");
  std::string s = "x";
  append_json_string(s, "a\nb");
  CHECK(s == "x\"a\\nb\"");
  fmt::memory_buffer buf;
  append_json_string(buf, "a\nb");
  CHECK(fmt::to_string(buf) == "\"a\\nb\"");
}

TEST_CASE("JSON strings read back as the bytes they were made from, at every place", "[io]") {
  // Every length around the 16-byte blocks, a special byte at every place.
  simdjson::dom::parser parser;
  const char specials[] = {'"', '\\', '\n', '\x01', '\x1f', '\x7f', ' ', '\x00', '\t'};
  for (std::size_t length = 0; length < 40; ++length) {
    for (std::size_t at = 0; at <= length; ++at) {
      for (char special : specials) {
        std::string text(length, 'a');
        if (at < length) text[at] = special;
        const std::string json = json_string(text);
        std::string_view back;
        REQUIRE(parser.parse(json).get_string().get(back) == simdjson::SUCCESS);
        REQUIRE(back == text);
        // Short escapes where JSON has them, so a newline is always \n.
        if (at < length && special == '\n') REQUIRE(json.find("\\n") != std::string::npos);
      }
    }
  }
}

TEST_CASE("visible: controls that act on a terminal show as JSON escapes", "[io]") {
  CHECK(visible("plain text, tab\tand\nnewline") == "plain text, tab\tand\nnewline");
  CHECK(visible("\x1b[2J") == "\\u001b[2J");                           // clear screen
  CHECK(visible("\x1b]52;c;aGk=\x07") == "\\u001b]52;c;aGk=\\u0007");  // OSC 52, BEL
  CHECK(visible("a\rb\bc\fd") == "a\\rb\\bc\\fd");
  CHECK(visible(std::string_view("\0", 1)) == "\\u0000");
  CHECK(visible("\x7f") == "\\u007f");
  CHECK(visible("\xC2\x80 \xC2\x9b \xC2\x9f") == "\\u0080 \\u009b \\u009f");  // C1
  CHECK(visible("\xC2\xA0\xC2\xA9") == "\xC2\xA0\xC2\xA9");                   // U+00A0, U+00A9 show
  CHECK(visible("evil\xE2\x80\xAEtxt.exe") == "evil\\u202etxt.exe");
  CHECK(visible("\xE2\x80\x8E\xE2\x80\x8F") == "\\u200e\\u200f");
  CHECK(visible("\xE2\x80\xAA\xE2\x80\xAB\xE2\x80\xAC\xE2\x80\xAD") ==
        "\\u202a\\u202b\\u202c\\u202d");
  CHECK(visible("\xE2\x81\xA6\xE2\x81\xA7\xE2\x81\xA8\xE2\x81\xA9") ==
        "\\u2066\\u2067\\u2068\\u2069");
  // Neighbours of the bidirectional controls are ordinary text.
  CHECK(visible("\xE2\x80\x8D\xE2\x80\xA9\xE2\x80\xAF\xE2\x81\xA5\xE2\x81\xAA") ==
        "\xE2\x80\x8D\xE2\x80\xA9\xE2\x80\xAF\xE2\x81\xA5\xE2\x81\xAA");
  CHECK(visible("é 中 😀 \\u001b") == "é 中 😀 \\u001b");  // backslashes as they are
}

TEST_CASE("visible: bytes that are not UTF-8 show as \\xHH, one by one", "[io]") {
  CHECK(visible("\xff") == "\\xff");
  CHECK(visible("a\x80z") == "a\\x80z");                // a lone continuation byte
  CHECK(visible("\xC3") == "\\xc3");                    // a sequence cut short
  CHECK(visible("\xC3(") == "\\xc3(");                  // ... by a byte that is not its own
  CHECK(visible("\xC0\xAF") == "\\xc0\\xaf");           // an overlong '/'
  CHECK(visible("\xE0\x80\xAF") == "\\xe0\\x80\\xaf");  // overlong, three bytes
  CHECK(visible("\xED\xA0\x80") == "\\xed\\xa0\\x80");  // a UTF-16 surrogate
  CHECK(visible("\xF4\x90\x80\x80") == "\\xf4\\x90\\x80\\x80");  // past U+10FFFF
  CHECK(visible("\xF0\x9F\x98") == "\\xf0\\x9f\\x98");           // four bytes cut short
  CHECK(visible("\xC2\x9b\xC2") == "\\u009b\\xc2");              // a C1 control, then a cut
}
