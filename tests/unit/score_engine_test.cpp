#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "catch.hpp"
#include "io/chunked_read.hpp"
#include "io/error.hpp"
#include "score/parallel_scan.hpp"
#include "score/partial.hpp"
#include "score/score_writer.hpp"
#include "score/totals.hpp"
#include "score_stand_in.hpp"

using namespace socred::score;
using score_test::rule;
using score_test::StandIn;
using score_test::when_type;

namespace {

struct TempFile {
  std::string path;
  explicit TempFile(const std::string& text) {
    char name[] = "/tmp/score-test-XXXXXX";
    int fd = mkstemp(name);
    REQUIRE(fd >= 0);
    REQUIRE(write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
    close(fd);
    path = name;
  }
  ~TempFile() { std::remove(path.c_str()); }
};

// Scores `paths` with `threads` threads and chunks of at least `chunk` bytes.
std::string score(const RuleSet& rules, const std::vector<std::string>& paths, unsigned threads,
                  std::uint64_t chunk, std::size_t explain, std::string* partial = nullptr) {
  socred::io::ChunkedInput inputs(paths, false);
  socred::io::Rejects rejects("skip");
  socred::io::ChunkedRead read(inputs, inputs.plan(threads, chunk), rejects);
  ScanSettings settings;
  settings.rules = &rules;
  PassResult pass = scan_chunks(read, settings, explain, true, threads);
  std::string out;
  {
    socred::io::JsonlWriter writer(&out);
    TotalsBuilder totals(*pass.state);
    write_scores(*pass.state, totals, explain > 0, nullptr, writer);
    writer.flush();
  }
  if (partial != nullptr) {
    socred::io::JsonlWriter writer(partial);
    TotalsBuilder totals(*pass.state);
    write_partials(*pass.state, totals, std::nullopt, writer);
    writer.flush();
  }
  return out;
}

std::string events(int n) {
  std::string text;
  const char* types[] = {"purchase", "post", "fine", "game_session"};
  const char* sources[] = {"shop", "social", "police", "game"};
  for (int i = 0; i < n; ++i) {
    int t = i * 7 % 4;
    char line[256];
    std::snprintf(line, sizeof line,
                  "{\"id\":\"e%010d\",\"ts\":\"2024-01-%02dT00:00:00Z\",\"source\":\"%s\","
                  "\"type\":\"%s\",\"person\":\"p%07d\",\"amount\":%d.%02d}\n",
                  i, 1 + i % 28, sources[t], types[t], i * 13 % 97, i % 50, i % 100);
    text += line;
    if (i % 17 == 0) text += "\n";                     // blank lines
    if (i % 29 == 0) text += "{\"type\":\"post\"}\n";  // no key: rejected
  }
  return text;
}

}  // namespace

TEST_CASE("chunks start at line starts and cover the file", "[score]") {
  std::string text = events(500);
  TempFile file(text);
  socred::io::ChunkedInput inputs({file.path}, false);
  for (unsigned parts : {1u, 2u, 3u, 7u, 64u}) {
    auto chunks = inputs.plan(parts, 1);
    REQUIRE(!chunks.empty());
    CHECK(chunks.front().begin == 0);
    CHECK(chunks.back().end == text.size());
    for (std::size_t i = 0; i < chunks.size(); ++i) {
      if (i > 0) CHECK(chunks[i].begin == chunks[i - 1].end);
      if (chunks[i].begin > 0) CHECK(text[chunks[i].begin - 1] == '\n');
    }
  }
}

TEST_CASE("any thread count and chunking gives the same bytes", "[score]") {
  StandIn rules({rule("buy"), rule("post"), rule("fine")},
                {when_type("purchase", 0.5), when_type("post", -1.25), when_type("fine", -3)}, 600);
  TempFile file(events(3000));
  std::string one = score(rules.set, {file.path}, 1, 1 << 20, 3);
  CHECK(one.size() > 1000);
  for (unsigned threads : {2u, 3u, 5u}) CHECK(score(rules.set, {file.path}, threads, 1, 3) == one);
  // A line number cited by explain is the line in the whole file.
  auto at = one.find("\"input\":\"" + file.path + ":");
  REQUIRE(at != std::string::npos);
}

TEST_CASE("explain cites the file line of each event", "[score]") {
  StandIn rules({rule("buy")}, {when_type("purchase", 2)});
  TempFile a(
      "{\"person\":\"p1\",\"type\":\"x\"}\n\n{\"id\":\"e7\",\"person\":\"p1\",\"type\":"
      "\"purchase\","
      "\"source\":\"shop\"}\n");
  std::string out = score(rules.set, {a.path}, 1, 1, 5);
  CHECK(out ==
        "{\"person\":\"p1\",\"score\":2,\"base\":0,\"events\":2,\"matched\":1,\"flags\":[],"
        "\"contributions\":{\"buy\":2},\"by_source\":{\"shop\":2},\"explain\":[{\"id\":\"e7\","
        "\"input\":\"" +
            a.path + ":3\",\"rule\":\"buy\",\"points\":2}]}\n");
}
