#include <fcntl.h>
#include <unistd.h>

#include <cmath>
#include <limits>

#include "catch.hpp"
#include "io/error.hpp"
#include "io/jsonl_writer.hpp"

using socred::io::JsonlWriter;

TEST_CASE("objects are compact with keys in the order given", "[io]") {
  std::string out;
  JsonlWriter w(&out);
  w.begin_object().key("z").number(1).key("a").begin_array().number(2).string("x").end_array();
  w.key("o").begin_object().end_object().key("n").null().key("b").boolean(false).end_object();
  w.end_line();
  w.flush();
  CHECK(out == "{\"z\":1,\"a\":[2,\"x\"],\"o\":{},\"n\":null,\"b\":false}\n");
}

TEST_CASE("strings are escaped, UTF-8 passes unchanged", "[io]") {
  std::string out;
  JsonlWriter w(&out);
  w.string(std::string_view("q\"b\\n\n\t\x01\x1f\x7f\xC3\xA9", 12));
  w.flush();
  CHECK(out == "\"q\\\"b\\\\n\\n\\t\\u0001\\u001f\x7f\xC3\xA9\"");
}

TEST_CASE("numbers round-trip: 64-bit integers exactly, doubles shortest", "[io]") {
  std::string out;
  JsonlWriter w(&out);
  w.begin_array()
      .number(std::int64_t{505874924095815681})
      .number(std::numeric_limits<std::uint64_t>::max())
      .number(std::numeric_limits<std::int64_t>::min())
      .number(0.1)
      .number(1e300)
      .number(-0.0)
      .number(std::nan(""))
      .end_array();
  w.flush();
  CHECK(out == "[505874924095815681,18446744073709551615,-9223372036854775808,0.1,1e+300,-0,null]");
}

TEST_CASE("a parsed value is re-serialised faithfully", "[io]") {
  simdjson::dom::parser parser;
  auto doc = parser.parse(std::string_view(
      R"({"a": [1, 2.5, "x\n", true, null, {"b": -3}], "c": 18446744073709551615})"));
  std::string out;
  JsonlWriter w(&out);
  w.element(doc.value());
  w.flush();
  CHECK(out == R"({"a":[1,2.5,"x\n",true,null,{"b":-3}],"c":18446744073709551615})");
}

TEST_CASE("a full device is an I/O error", "[io]") {
  int fd = ::open("/dev/full", O_WRONLY);
  if (fd < 0) return;  // no /dev/full here: nothing to check
  JsonlWriter w(fd, "out");
  w.string("x");
  try {
    w.flush();
    FAIL("no error");
  } catch (const socred::Error& e) {
    CHECK(e.status() == socred::kExitIo);
    CHECK(std::string(e.what()) == "write error: No space left on device");
  }
  ::close(fd);
}
