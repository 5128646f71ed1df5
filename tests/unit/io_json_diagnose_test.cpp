#include <string>

#include "catch.hpp"
#include "io/json_diagnose.hpp"

using socred::io::diagnose_json;

static std::string diag(std::string_view text) {
  auto d = diagnose_json(text);
  if (d.column == 0) return "ok";
  return std::to_string(d.column) + ": " + d.message;
}

TEST_CASE("valid objects have no diagnosis", "[io]") {
  CHECK(diag(R"({})") == "ok");
  CHECK(diag(R"( {"a":[1,-2.5e3,true,false,null,{"b":"\u00e9\ud83d\ude00"}]} )") == "ok");
  CHECK(diag(R"({"a":1,"a":2})") == "ok");
  CHECK(diag("{\"s\":\"\xE4\xBD\xA0\"}") == "ok");
}

TEST_CASE("each malformed shape is named at its column", "[io]") {
  CHECK(diag(R"({"person":"a","points":3,"x":tru})") == "30: expected a value, found 'tru'");
  CHECK(diag(R"([1])") == "1: expected a JSON object, found an array");
  CHECK(diag(R"("s")") == "1: expected a JSON object, found a string");
  CHECK(diag(R"({"a":1} junk)") == "9: unexpected 'junk' after the object");
  CHECK(diag(R"({"a":1)") ==
        "7: expected ',' or '}' after an object member, found the end of the line");
  CHECK(diag(R"({"a" 1})") == "6: expected ':' after an object key, found '1'");
  CHECK(diag(R"({a:1})") == "2: expected a string key, found 'a'");
  CHECK(diag(R"({"a":[1 2]})") == "9: expected ',' or ']' after an array element, found '2'");
  CHECK(diag(R"({"a":"x)") == "6: unterminated string");
  CHECK(diag(R"({"a":"\x"})") == "7: invalid escape '\\x' in string");
  CHECK(diag(R"({"a":"\u12G4"})") == "7: invalid \\u escape in string: expected four hex digits");
  CHECK(diag(R"({"a":01})") == "6: invalid number '01'");
  CHECK(diag(R"({"a":1.})") == "6: invalid number '1.'");
  CHECK(diag(R"({"a":-})") == "6: invalid number '-'");
  CHECK(diag("{\"a\":\"\t\"}") == "7: control character 0x09 in string (escape it)");
  CHECK(diag("{\"a\":\"\xFF\"}") == "7: invalid UTF-8 byte 0xFF in string");
  CHECK(diag("{\"a\":\"\xC0\xAF\"}") == "7: invalid UTF-8 byte 0xC0 in string");
  CHECK(diag(R"({"a":18446744073709551616})") ==
        "6: integer 18446744073709551616 does not fit in 64 bits");
  CHECK(diag(R"({"a":-9223372036854775809})") ==
        "6: integer -9223372036854775809 does not fit in 64 bits");
  CHECK(diag(R"({"a":18446744073709551615,"b":-9223372036854775808})") == "ok");
  CHECK(diag(R"({"a":1,"b":1e400})") ==
        "12: number out of range (1e400): a double holds at most 1.8e308");
  CHECK(diag(R"({"a":-1.5E+309})") ==
        "6: number out of range (-1.5E+309): a double holds at most 1.8e308");
  CHECK(diag(R"({"a":1e-400,"b":1.7e308})") == "ok");
  CHECK(diag("") == "1: expected a JSON object, found the end of the line");
}

TEST_CASE("nesting beyond the limit is an error, not a crash", "[io]") {
  std::string deep = "{\"a\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
  CHECK(diag(deep) == "1029: nesting deeper than 1024 levels");
}
