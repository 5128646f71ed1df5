// Plain text for a terminal or a pipe; ANSI colour only with style.color.
#include "report/text.hpp"

#include <algorithm>
#include <cmath>

#include "io/utf8.hpp"

namespace socred::report {

namespace {

constexpr const char* kBold = "\x1b[1m";
constexpr const char* kDim = "\x1b[2m";
constexpr const char* kRed = "\x1b[31m";
constexpr const char* kCyan = "\x1b[36m";
constexpr const char* kReset = "\x1b[0m";
constexpr std::size_t kMaxLabel = 32;

int cells_of(char32_t cp) {
  if ((cp >= 0x300 && cp <= 0x36F) || cp == 0x200B) return 0;
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD))
    return 2;
  return 1;
}

// The longest prefix of s that fits `cells`, with "…" when cut.
std::string fit(std::string_view s, std::size_t cells) {
  if (display_width(s) <= cells) return std::string(s);
  std::string out;
  std::size_t used = 0, i = 0;
  while (i < s.size()) {
    std::size_t start = i;
    int w = cells_of(io::decode_utf8(s, i));
    if (used + w + 1 > cells) break;
    out.append(s.substr(start, i - start));
    used += w;
  }
  return out + "…";
}

std::string pad(std::string_view s, std::size_t width, char align) {
  const std::size_t w = display_width(s);
  const std::string fill(width > w ? width - w : 0, ' ');
  return align == 'r' ? fill + std::string(s) : std::string(s) + fill;
}

class Writer {
 public:
  explicit Writer(const TextStyle& style) : style_(style) {}
  std::string out;

  std::string paint(const std::string& s, const char* code) const {
    return style_.color && !s.empty() ? code + s + kReset : s;
  }

  void heading(const std::string& title, const char* rule) {
    out += paint(title, kBold) + "\n";
    std::string line;
    for (std::size_t i = 0; i < display_width(title); ++i) line += rule;
    out += line + "\n";
  }

  void paragraph(const Paragraph& p) {
    out += "  " + (p.warning ? paint(p.text, kRed) : p.text) + "\n";
  }

  void table(const Table& t) {
    if (!t.title.empty()) out += "  " + paint(t.title, kBold) + "\n";
    const std::size_t columns = t.headers.size();
    std::vector<std::size_t> width(columns, 0);
    for (std::size_t c = 0; c < columns; ++c) width[c] = display_width(t.headers[c]);
    for (const auto& row : t.rows)
      for (std::size_t c = 0; c < columns && c < row.size(); ++c)
        width[c] = std::max(width[c], display_width(row[c]));
    auto line_of = [&](const std::vector<std::string>& cells) {
      std::string line = "  ";
      for (std::size_t c = 0; c < columns; ++c) {
        const char align = c < t.align.size() ? t.align[c] : 'l';
        std::string cell = pad(c < cells.size() ? cells[c] : "", width[c], align);
        if (c + 1 == columns && align == 'l')  // no trailing blanks
          while (!cell.empty() && cell.back() == ' ') cell.pop_back();
        line += (c ? "  " : "") + cell;
      }
      return line;
    };
    bool has_headers = std::any_of(t.headers.begin(), t.headers.end(),
                                   [](const std::string& h) { return !h.empty(); });
    if (has_headers) {
      out += paint(line_of(t.headers), kBold) + "\n";
      std::size_t total = 0;
      for (std::size_t c = 0; c < columns; ++c) total += width[c] + (c ? 2 : 0);
      std::string rule = "  ";
      for (std::size_t i = 0; i < total; ++i) rule += "─";
      out += paint(rule, kDim) + "\n";
    }
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      std::string line = line_of(t.rows[r]);
      bool flagged = r < t.flagged.size() && t.flagged[r];
      out += (flagged ? paint(line, kRed) : line) + "\n";
    }
    if (!t.note.empty()) out += "  " + paint(t.note, kDim) + "\n";
  }

  void chart(const Chart& c) {
    out += "  " + paint(c.title, kBold) + (c.axis.empty() ? "" : paint(" (" + c.axis + ")", kDim)) +
           "\n";
    if (c.bars.empty()) {
      out += "  (nothing to draw)\n";
      return;
    }
    std::size_t label_width = 0;
    for (const Bar& b : c.bars)
      label_width = std::max(label_width, display_width(fit(b.label, kMaxLabel)));
    const double scale = chart_scale(c);
    const int width = style_.bar_width;
    // The reference line (four fifths) as a dotted mark where no bar covers it.
    int ref_cell = -1;
    if (c.reference && scale > 0)
      ref_cell = static_cast<int>(std::lround(*c.reference / scale * width));
    for (const Bar& b : c.bars) {
      std::string cells = bar_cells(b.value, scale, width);
      int used = static_cast<int>(display_width(cells));
      std::string rest;
      for (int i = used; i < width; ++i) rest += (i == ref_cell ? "┊" : " ");
      const char* colour = b.flagged || b.value < 0 ? kRed : kCyan;
      std::string line = "    " + pad(fit(b.label, kMaxLabel), label_width, 'l') + "  " +
                         paint(cells, colour) + rest + "  " + b.text;
      if (b.flagged) line += paint(" ⚑", kRed);
      out += line + "\n";
    }
    if (c.reference)
      out += "    " + paint(std::string(label_width + 2, ' ') + "┊ = " + c.reference_label, kDim) +
             "\n";
  }

 private:
  const TextStyle& style_;
};

}  // namespace

std::size_t display_width(std::string_view s) {
  std::size_t cells = 0, i = 0;
  while (i < s.size()) cells += cells_of(io::decode_utf8(s, i));
  return cells;
}

double chart_scale(const Chart& chart) {
  if (chart.scale > 0) return chart.scale;
  double m = 0;
  for (const Bar& b : chart.bars) m = std::max(m, std::fabs(b.value));
  return m;
}

std::string bar_cells(double value, double scale, int width) {
  static const char* const kEighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  if (!(scale > 0) || !std::isfinite(value) || value == 0) return "";
  double cells = std::min(1.0, std::fabs(value) / scale) * width;
  int full = static_cast<int>(cells);
  int eighths = static_cast<int>(std::lround((cells - full) * 8));
  if (eighths == 8) {
    ++full;
    eighths = 0;
  }
  if (full == 0 && eighths == 0) eighths = 1;
  std::string out;
  for (int i = 0; i < full; ++i) out += "█";
  return out + kEighths[eighths];
}

std::string render_text(const Document& page, const TextStyle& style) {
  const Document doc = visible(page);
  Writer w(style);
  w.heading(doc.title + (doc.subtitle.empty() ? "" : " — " + doc.subtitle), "═");
  for (const Section& s : doc.sections) {
    w.out += "\n";
    w.heading(s.title, "─");
    bool first = true, after_paragraph = false;
    for (const Block& b : s.blocks) {
      // Paragraphs run together; blank lines around tables and charts.
      const bool paragraph = std::holds_alternative<Paragraph>(b);
      if (!first && !(paragraph && after_paragraph)) w.out += "\n";
      first = false;
      after_paragraph = paragraph;
      if (const auto* p = std::get_if<Paragraph>(&b)) w.paragraph(*p);
      if (const auto* t = std::get_if<Table>(&b)) w.table(*t);
      if (const auto* c = std::get_if<Chart>(&b)) w.chart(*c);
    }
  }
  return w.out;
}

}  // namespace socred::report
