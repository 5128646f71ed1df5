// report: summarises what a pipeline stage wrote (score lines, decision
// lines, linkage pairs or events) as text, Markdown, JSON or an HTML page.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "io/context.hpp"
#include "report/disparity.hpp"

namespace socred::report {

struct Options {
  std::string kind = "auto";         // auto|score|decision|link|event
  std::string format = "text";       // text|markdown|json|html
  std::string by;                    // a dotted path; empty: no groups
  std::vector<std::string> compare;  // two runs, A then B
  std::optional<double> cutoff;      // score lines: selected at or above
  double threshold = 0.5;            // linkage: match probability that counts as a link
  std::string truth;                 // linkage: path of the ground truth
  std::string public_sources = "police,court";
  int top = 10;
  std::uint64_t min_group = kDefaultMinGroup;  // disparities: smaller groups are never tested
  int bins = 0;                                // histogram bins, about; 0: 12
  std::string color = "auto";                  // auto|always|never
  std::string title;
};

int run(const Options& options, io::Context& ctx);

}  // namespace socred::report
