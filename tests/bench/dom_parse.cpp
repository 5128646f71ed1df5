// The speed limit for the reader benchmark: simdjson's own DOM parse of a
// JSON-lines file (parse_many over the whole file), nothing else.
#include <simdjson.h>

#include <cstdio>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: bench-dom-parse FILE\n");
    return 2;
  }
  simdjson::padded_string text;
  if (simdjson::padded_string::load(argv[1]).get(text)) {
    std::fprintf(stderr, "bench-dom-parse: cannot read %s\n", argv[1]);
    return 66;
  }
  simdjson::dom::parser parser;
  simdjson::dom::document_stream docs;
  if (parser.parse_many(text).get(docs)) return 65;
  std::size_t count = 0;
  for (auto doc : docs) {
    if (doc.error()) return 65;
    ++count;
  }
  std::printf("%zu\n", count);
  return 0;
}
