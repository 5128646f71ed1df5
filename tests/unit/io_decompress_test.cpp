#include <zlib.h>
#include <zstd.h>

#include <string>
#include <vector>

#include "catch.hpp"
#include "io/byte_source.hpp"
#include "io/error.hpp"
#include "io/line_reader.hpp"

using namespace socred::io;

namespace {

std::string gzip(const std::string& text) {
  z_stream z{};
  REQUIRE(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&z, text.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string zstd(const std::string& text) {
  std::string out(ZSTD_compressBound(text.size()), '\0');
  std::size_t n = ZSTD_compress(out.data(), out.size(), text.data(), text.size(), 3);
  REQUIRE(!ZSTD_isError(n));
  out.resize(n);
  return out;
}

std::string lines(int n) {
  std::string text;
  for (int i = 1; i <= n; ++i) text += "{\"n\":" + std::to_string(i) + ",\"pad\":\"xxxxxxxx\"}\n";
  return text;
}

// The lines read back, through the sniffing decoder.
std::vector<std::string> read(const std::string& bytes) {
  LineReader reader(decoded(memory_source(bytes), "t"), "t");
  std::vector<std::string> out;
  Line line;
  while (reader.next(line)) {
    REQUIRE(line.number == out.size() + 1);
    out.emplace_back(line.text);
  }
  return out;
}

std::vector<std::string> split(const std::string& text) {
  LineReader reader(memory_source(text), "t");
  std::vector<std::string> out;
  Line line;
  while (reader.next(line)) out.emplace_back(line.text);
  return out;
}

}  // namespace

TEST_CASE("gzip, concatenated gzip members and zstd read as the plain lines", "[io]") {
  std::string text = lines(5000);
  auto plain = split(text);
  CHECK(read(text) == plain);
  CHECK(read(gzip(text)) == plain);
  CHECK(read(gzip(text.substr(0, 1000)) + gzip(text.substr(1000))) == plain);
  CHECK(read(zstd(text)) == plain);
  CHECK(read(zstd(text.substr(0, 777)) + zstd(text.substr(777))) == plain);
  CHECK(read(gzip("")).empty());
  CHECK(read(gzip("\xEF\xBB\xBF{}\n")) == std::vector<std::string>{"{}"});
}

TEST_CASE("a cut or corrupt stream is an error at the line reached, after the lines before",
          "[io]") {
  // zstd decodes whole blocks (128 KiB): enough of them that a cut in the
  // middle leaves some.
  std::string text = lines(50000);
  const auto plain = split(text);
  for (const std::string& packed : {gzip(text), zstd(text)}) {
    std::string cut = packed.substr(0, packed.size() / 2);
    LineReader reader(decoded(memory_source(cut), "cut"), "cut");
    Line line;
    std::uint64_t got = 0;
    try {
      while (reader.next(line)) {
        CHECK(line.text == plain[got]);
        ++got;
      }
      FAIL("no error at the cut");
    } catch (const socred::Error& e) {
      CHECK(e.status() == socred::kExitData);
      CHECK(e.file() == "cut");
      CHECK(e.line() == got + 1);
      CHECK(got > 0);
      CHECK(got < 50000);
    }
  }
  // Only the trailer missing: every line is there, and still an error.
  std::string packed = gzip(text);
  CHECK_THROWS_AS(read(packed.substr(0, packed.size() - 4)), socred::Error);
  std::string corrupt = gzip(text);
  corrupt[corrupt.size() / 2] ^= 0x55;
  CHECK_THROWS_AS(read(corrupt), socred::Error);
  CHECK_THROWS_AS(read(gzip(text) + "garbage"), socred::Error);
}
