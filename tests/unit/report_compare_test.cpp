#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <string>

#include "catch.hpp"
#include "io/error.hpp"
#include "report/compare.hpp"

using namespace socred::report;

namespace {
// A run written to a temporary file, removed at the end of the test.
struct TempRun {
  std::string path;
  explicit TempRun(const std::string& text) {
    char name[] = "/tmp/report-compare-XXXXXX";
    int fd = mkstemp(name);
    REQUIRE(fd >= 0);
    close(fd);
    path = name;
    std::ofstream(path) << text;
  }
  ~TempRun() { std::remove(path.c_str()); }
};

struct Compared {
  Comparison c;
  socred::io::LineStats stats;
};

Compared compare(const TempRun& a, const TempRun& b, const CompareSettings& cs = {}) {
  socred::io::Rejects rejects("stop");
  Compared out;
  out.c = compare_runs(a.path, b.path, cs, rejects, out.stats);
  return out;
}

// both, only_a, only_b, changed, gained, lost
std::array<std::uint64_t, 6> counts(const Comparison& c) {
  return {c.both, c.only_a, c.only_b, c.changed, c.gained, c.lost};
}
}  // namespace

TEST_CASE("compare: who crossed the cutoff and the rule that moved them", "[report]") {
  TempRun a(R"({"person":"p1","score":610,"contributions":{"post":-10,"loan":20}}
{"person":"p2","score":590,"contributions":{"post":0,"loan":-10}}
{"person":"p3","score":700,"contributions":{}}
)");
  TempRun b(R"({"person":"p1","score":580,"contributions":{"post":-40,"loan":20}}
{"person":"p2","score":600,"contributions":{"post":0,"loan":0}}
{"person":"p4","score":650,"contributions":{}}
)");
  CompareSettings cs;
  cs.settings.cutoff = 600;
  auto [c, stats] = compare(a, b, cs);
  CHECK(c.kind == Kind::kScore);
  CHECK(counts(c) == std::array<std::uint64_t, 6>{2, 1, 1, 2, 1, 1});
  CHECK(c.causes == Counts{{"loan", 1}, {"post", 1}});
  REQUIRE(c.examples.size() == 2);
  CHECK(c.examples[0].person == "p1");  // the larger shift first
  CHECK(c.examples[0].cause_points == -30000);
  CHECK(stats.read == 6);
}

TEST_CASE("compare: decisions matched by person and service", "[report]") {
  TempRun a(R"({"person":"p1","service":"loan","decision":"allow","reasons":[],"score":700}
{"person":"p1","service":"visa","decision":"not_permitted","reasons":[{"text":"too low"}],"score":700}
)");
  TempRun b(
      R"({"person":"p1","service":"visa","decision":"forbidden","reasons":[{"text":"blacklisted","flag":"blacklist"}],"score":700}
{"person":"p1","service":"loan","decision":"forbidden","reasons":[{"text":"blacklisted"}],"score":700}
)");
  Comparison c = compare(a, b).c;
  CHECK(c.kind == Kind::kDecision);
  CHECK(counts(c) == std::array<std::uint64_t, 6>{2, 0, 0, 2, 0, 1});
  CHECK(c.causes == Counts{{"blacklisted", 2}});
  REQUIRE(c.services.size() == 2);
  CHECK(c.services[0].service == "visa");
  CHECK(c.services[0].counts[2][1] == 1);
}

TEST_CASE("compare: a run out of person order is an error naming the line", "[report]") {
  TempRun a(R"({"person":"p2","score":1,"by_source":{}}
{"person":"p1","score":1,"by_source":{}}
)");
  TempRun b("");
  try {
    compare(a, b);
    FAIL("no error");
  } catch (const socred::Error& e) {
    CHECK(e.status() == 65);
    CHECK(e.line() == 2);
    CHECK(std::string(e.what()).find("not sorted by person: \"p1\" after \"p2\"") == 0);
  }
}

TEST_CASE("compare: points spilled from friends are a cause, named as friends", "[report]") {
  // Issue 15: a run with --friends against one without named "(unexplained)".
  TempRun a(R"({"person":"p1","score":620,"contributions":{"loan":20}}
{"person":"p2","score":600,"contributions":{}}
)");
  TempRun b(R"({"person":"p1","score":605,"contributions":{"loan":20},"spilled":{"post":-15}}
{"person":"p2","score":600,"contributions":{},"spilled":{}}
)");
  CompareSettings cs;
  socred::io::Rejects rejects("stop");
  socred::io::LineStats stats;
  Comparison c = compare_runs(a.path, b.path, cs, rejects, stats);
  CHECK(c.changed == 1);
  CHECK(c.causes.at("friends: post") == 1);
  CHECK(c.causes.count("(unexplained)") == 0);
  REQUIRE(c.examples.size() == 1);
  CHECK(c.examples[0].cause_points == -15000);

  // Decisions: the principal reason past the gap, friends named as such.
  TempRun da(R"({"person":"p1","service":"loan","decision":"allow","reasons":[],"score":620}
)");
  TempRun db(
      R"({"person":"p1","service":"loan","decision":"not_permitted","reasons":[)"
      R"({"kind":"gap","text":"your score 605 is 15 points below the 620 this service requires"},)"
      R"({"kind":"friends","text":"your friends cost you 15 points","rule":"post","points":-15}],)"
      R"("score":605}
)");
  Comparison d = compare_runs(da.path, db.path, cs, rejects, stats);
  CHECK(d.causes.at("friends: post") == 1);
}
