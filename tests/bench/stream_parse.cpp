// The honest floor for the score and reader benchmarks: simdjson's DOM
// parse_many over a JSON-lines file read through one reused buffer, every
// line validated whole, nothing else. A tool that streams its input can do
// no better than this; the whole-file load of bench-dom-parse pays the
// first touch of every page of a file-sized allocation, which on this
// machine costs more than the parse.
#include <fcntl.h>
#include <simdjson.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <vector>

namespace {

constexpr std::size_t kChunk = std::size_t(1) << 20;

// Parses the complete lines in text[0, size) and counts them; false on a
// JSON error.
bool parse_lines(simdjson::dom::parser& parser, const char* text, std::size_t size,
                 std::size_t& count) {
  simdjson::dom::document_stream docs;
  const std::size_t batch = size > kChunk ? size : kChunk;  // a batch holds a whole line
  if (parser.parse_many(reinterpret_cast<const uint8_t*>(text), size, batch).get(docs))
    return false;
  for (auto doc : docs) {
    if (doc.error()) return false;
    ++count;
  }
  return docs.truncated_bytes() == 0;  // a cut last document is an error, not an end
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: bench-stream-parse FILE\n");
    return 2;
  }
  const int fd = ::open(argv[1], O_RDONLY);
  if (fd < 0) {
    std::fprintf(stderr, "bench-stream-parse: cannot open %s\n", argv[1]);
    return 66;
  }
  simdjson::dom::parser parser;
  // parse_many reads up to SIMDJSON_PADDING bytes past the end it is given.
  std::vector<char> buffer(kChunk + simdjson::SIMDJSON_PADDING);
  std::size_t held = 0, count = 0;
  for (;;) {
    if (held == buffer.size() - simdjson::SIMDJSON_PADDING)  // a line longer than the buffer
      buffer.resize(2 * buffer.size());
    const std::size_t room = buffer.size() - simdjson::SIMDJSON_PADDING - held;
    const ssize_t got = ::read(fd, buffer.data() + held, room);
    if (got < 0) return 74;
    held += std::size_t(got);
    const bool end = got == 0;
    std::size_t complete = held;
    if (!end) {
      const void* last = memrchr(buffer.data(), '\n', held);
      if (last == nullptr) continue;
      complete = std::size_t(static_cast<const char*>(last) - buffer.data()) + 1;
    }
    if (complete > 0 && !parse_lines(parser, buffer.data(), complete, count)) return 65;
    std::memmove(buffer.data(), buffer.data() + complete, held - complete);
    held -= complete;
    if (end) break;
  }
  ::close(fd);
  std::printf("%zu\n", count);
  return 0;
}
