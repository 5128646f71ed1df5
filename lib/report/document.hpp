// What a report shows, independent of how it is drawn: sections of short
// facts, tables and bar charts. The text, Markdown and HTML renderers draw
// the same document, and the JSON output lists the same charts, so a bar on
// the page is a bar in the numbers.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "io/rejects.hpp"
#include "report/disparity.hpp"
#include "report/kind.hpp"
#include "report/tally.hpp"

namespace socred::report {

struct Paragraph {
  std::string text;
  bool warning = false;  // drawn in the warning colour
};

struct Table {
  std::string title;
  std::vector<std::string> headers;
  std::string align;  // one 'l' or 'r' per column
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> flagged;  // per row: a warning (below four fifths...)
  std::string note;
};

struct Bar {
  std::string label;
  double value = 0;
  std::string text;  // the value as printed beside the bar
  bool flagged = false;
  std::optional<std::pair<double, double>> range = std::nullopt;  // an interval across the bar
};

struct Chart {
  std::string id;  // stable name, also in the JSON output
  std::string title;
  std::string axis;  // what the values are ("points", "allow rate")
  std::vector<Bar> bars;
  std::optional<double> reference;  // a line drawn across (0.8: four fifths)
  std::string reference_label;
  double scale = 0;  // the value of a full-length bar; 0: the largest |value|
};

using Block = std::variant<Paragraph, Table, Chart>;

struct Section {
  std::string title;
  std::vector<Block> blocks;
};

struct Document {
  std::string title;
  std::string subtitle;
  std::vector<Section> sections;
};

/// What was read and how it was asked for: the reconciliation and settings
/// every report starts with.
struct Meta {
  std::vector<std::string> files;  // as named on the command line ("-": stdin)
  io::LineStats stats;
  Kind kind = Kind::kAuto;
  bool detected = true;  // false: --kind said so
  std::optional<io::Path> by;
  Settings settings;
  int top = 10;
  int bins = 0;                                // 0: about 12
  std::uint64_t min_group = kDefaultMinGroup;  // smaller groups are "too few" to test
};

/// Every chart of a document, in order (the JSON output lists them).
std::vector<const Chart*> charts(const Document& doc);
/// The document with every text through io::visible: what the text and
/// Markdown renderers draw, so that data can never act on a terminal.
Document visible(Document doc);

}  // namespace socred::report
