#include <string>
#include <vector>

#include "catch.hpp"
#include "io/diagnostics.hpp"

using socred::io::Diagnostic;
using socred::io::Diagnostics;
using socred::io::Severity;

TEST_CASE("without a sink, notes and warnings are kept in order", "[io]") {
  Diagnostics diag;
  diag.note("linkage: 3 records");
  diag.warning("rule vice: field \"catgory\" was in no input line");
  diag.note("done");
  REQUIRE(diag.kept().size() == 3);
  CHECK(diag.kept()[0].severity == Severity::kNote);
  CHECK(diag.kept()[0].text == "linkage: 3 records");
  CHECK(diag.kept()[1].severity == Severity::kWarning);
  CHECK(diag.kept()[1].text == "rule vice: field \"catgory\" was in no input line");
  CHECK(diag.kept()[2].text == "done");
}

TEST_CASE("warnings are counted, notes are not", "[io]") {
  Diagnostics diag;
  CHECK(diag.warnings() == 0);
  diag.note("a note");
  CHECK(diag.warnings() == 0);
  diag.warning("one");
  diag.warning("two");
  CHECK(diag.warnings() == 2);
}

TEST_CASE("a sink receives every message and nothing is kept", "[io]") {
  std::vector<std::string> seen;
  Diagnostics diag([&seen](const Diagnostic& d) {
    seen.push_back((d.severity == Severity::kWarning ? "warning: " : "") + d.text);
  });
  diag.note("n");
  diag.warning("w");
  CHECK(seen == std::vector<std::string>{"n", "warning: w"});
  CHECK(diag.kept().empty());
  CHECK(diag.warnings() == 1);  // counted whatever the sink does with it
}
