// Markdown: escaped cells, right-aligned numeric columns, bars in code blocks.
#include "report/markdown.hpp"

#include "report/text.hpp"

namespace socred::report {

namespace {

// Characters that would end a cell or start markup inside one.
std::string cell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|' || c == '\\' || c == '*' || c == '_' || c == '`' || c == '<' || c == '[')
      out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

// Inside a code fence markup does not render, so only what could end the
// fence is escaped: a newline (a label would start a line) and backquotes.
std::string fenced(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '`') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

void table(std::string& out, const Table& t) {
  if (!t.title.empty()) out += "**" + cell(t.title) + "**\n\n";
  out += "|";
  for (const auto& h : t.headers) out += " " + (h.empty() ? std::string(" ") : cell(h)) + " |";
  out += "\n|";
  for (std::size_t c = 0; c < t.headers.size(); ++c)
    out += (c < t.align.size() && t.align[c] == 'r') ? " ---: |" : " --- |";
  out += "\n";
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const bool flagged = r < t.flagged.size() && t.flagged[r];
    out += "|";
    for (std::size_t c = 0; c < t.headers.size(); ++c) {
      std::string v = c < t.rows[r].size() ? cell(t.rows[r][c]) : "";
      if (flagged && !v.empty()) v = "**" + v + "**";
      out += " " + v + " |";
    }
    out += "\n";
  }
  if (!t.note.empty()) out += "\n_" + cell(t.note) + "_\n";
}

void chart(std::string& out, const Chart& c) {
  out +=
      "**" + cell(c.title) + "**" + (c.axis.empty() ? "" : " (" + cell(c.axis) + ")") + "\n\n```\n";
  // No label may end the fence (a newline and three backquotes) and let
  // raw HTML through.
  std::vector<std::string> labels;
  std::size_t width = 0;
  for (const Bar& b : c.bars) {
    labels.push_back(fenced(b.label));
    width = std::max(width, display_width(labels.back()));
  }
  const double scale = chart_scale(c);
  for (std::size_t i = 0; i < c.bars.size(); ++i) {
    const Bar& b = c.bars[i];
    std::string label = labels[i] + std::string(width - display_width(labels[i]), ' ');
    std::string bar = bar_cells(b.value, scale, 30);
    bar += std::string(30 - display_width(bar), ' ');
    out += label + "  " + bar + "  " + fenced(b.text) +
           (b.flagged ? "  <- below " + c.reference_label : "") + "\n";
  }
  if (c.bars.empty()) out += "(nothing to draw)\n";
  out += "```\n";
}

}  // namespace

std::string render_markdown(const Document& page) {
  const Document doc = visible(page);
  std::string out = "# " + cell(doc.title) + "\n";
  if (!doc.subtitle.empty()) out += "\n" + cell(doc.subtitle) + "\n";
  for (const Section& s : doc.sections) {
    out += "\n## " + cell(s.title) + "\n";
    bool after_paragraph = false;
    for (const Block& b : s.blocks) {
      const bool paragraph = std::holds_alternative<Paragraph>(b);
      if (!(paragraph && after_paragraph)) out += "\n";
      after_paragraph = paragraph;
      if (const auto* p = std::get_if<Paragraph>(&b)) out += "- " + cell(p->text) + "\n";
      if (const auto* t = std::get_if<Table>(&b)) table(out, *t);
      if (const auto* c = std::get_if<Chart>(&b)) chart(out, *c);
    }
  }
  return out;
}

}  // namespace socred::report
