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
  std::size_t width = 0;
  for (const Bar& b : c.bars) width = std::max(width, display_width(b.label));
  const double scale = chart_scale(c);
  for (const Bar& b : c.bars) {
    std::string label = b.label + std::string(width - display_width(b.label), ' ');
    std::string bar = bar_cells(b.value, scale, 30);
    bar += std::string(30 - display_width(bar), ' ');
    out += label + "  " + bar + "  " + b.text +
           (b.flagged ? "  <- below " + c.reference_label : "") + "\n";
  }
  if (c.bars.empty()) out += "(nothing to draw)\n";
  out += "```\n";
}

}  // namespace

std::string render_markdown(const Document& doc) {
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
