// The page around the charts: headings, fact lists, tables, figures.
#include "report/html.hpp"

#include "report/svg.hpp"

namespace socred::report {

namespace {

// System fonts only: a page that names a web font would fetch it.
constexpr const char* kStyle = R"(
:root { color-scheme: light; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif;
       color: #1d2430; background: #ffffff; margin: 0; }
main { max-width: 980px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
p.subtitle { color: #5a6472; margin: 0 0 18px; }
h2 { font-size: 19px; border-bottom: 2px solid #d7dde6; padding-bottom: 4px; margin: 30px 0 12px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
ul.facts { margin: 8px 0; padding-left: 20px; }
ul.facts li.warning { color: #b3261e; font-weight: 600; }
div.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: 8px 0 4px; font-variant-numeric: tabular-nums; }
th, td { padding: 3px 10px; border-bottom: 1px solid #e4e8ee; }
th { background: #f3f5f8; text-align: left; font-weight: 600; }
td.r, th.r { text-align: right; }
tr.flagged td { color: #b3261e; font-weight: 600; background: #fdf0ef; }
p.note { color: #5a6472; font-size: 13px; margin: 2px 0 10px; }
figure { margin: 14px 0; }
figcaption { font-weight: 600; margin-bottom: 4px; }
figcaption span { font-weight: 400; color: #5a6472; }
svg.chart { max-width: 100%; height: auto; font-size: 12px; }
svg.chart text { fill: #1d2430; }
svg.chart text.value { fill: #3a4350; }
svg.chart text.flagged, svg.chart text.reference { fill: #c62828; }
footer { margin-top: 36px; color: #7a8492; font-size: 12px; }
)";

void table(std::string& out, const Table& t) {
  if (!t.title.empty()) out += "<h3>" + xml_escape(t.title) + "</h3>\n";
  // Wide tables scroll inside their box instead of widening the page.
  out += "<div class=\"scroll\"><table>\n";
  bool has_headers = false;
  for (const auto& h : t.headers) has_headers = has_headers || !h.empty();
  auto cls = [&](std::size_t c) {
    return c < t.align.size() && t.align[c] == 'r' ? std::string(" class=\"r\"") : std::string();
  };
  if (has_headers) {
    out += "<thead><tr>";
    for (std::size_t c = 0; c < t.headers.size(); ++c)
      out += "<th" + cls(c) + ">" + xml_escape(t.headers[c]) + "</th>";
    out += "</tr></thead>\n";
  }
  out += "<tbody>\n";
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const bool flagged = r < t.flagged.size() && t.flagged[r];
    out += flagged ? "<tr class=\"flagged\">" : "<tr>";
    for (std::size_t c = 0; c < t.headers.size(); ++c)
      out += "<td" + cls(c) + ">" + xml_escape(c < t.rows[r].size() ? t.rows[r][c] : "") + "</td>";
    out += "</tr>\n";
  }
  out += "</tbody></table></div>\n";
  if (!t.note.empty()) out += "<p class=\"note\">" + xml_escape(t.note) + "</p>\n";
}

}  // namespace

std::string render_html(const Document& doc) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      // Nothing may load from elsewhere, even by accident.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:\">\n<title>" +
      xml_escape(doc.title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n<main>\n";
  out += "<h1>" + xml_escape(doc.title) + "</h1>\n";
  if (!doc.subtitle.empty()) out += "<p class=\"subtitle\">" + xml_escape(doc.subtitle) + "</p>\n";
  for (const Section& s : doc.sections) {
    out += "<section>\n<h2>" + xml_escape(s.title) + "</h2>\n";
    bool in_list = false;
    for (const Block& b : s.blocks) {
      const auto* p = std::get_if<Paragraph>(&b);
      if (p && !in_list) out += "<ul class=\"facts\">\n";
      if (!p && in_list) out += "</ul>\n";
      in_list = p != nullptr;
      if (p)
        out += std::string(p->warning ? "<li class=\"warning\">" : "<li>") + xml_escape(p->text) +
               "</li>\n";
      if (const auto* t = std::get_if<Table>(&b)) table(out, *t);
      if (const auto* c = std::get_if<Chart>(&b)) {
        out += "<figure id=\"" + xml_escape(c->id) + "\">\n<figcaption>" + xml_escape(c->title);
        if (!c->axis.empty()) out += " <span>(" + xml_escape(c->axis) + ")</span>";
        out += "</figcaption>\n" + render_svg(*c) + "\n</figure>\n";
      }
    }
    if (in_list) out += "</ul>\n";
    out += "</section>\n";
  }
  out +=
      "<footer>made by socred report; self-contained: no scripts, fonts or images from "
      "elsewhere</footer>\n</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace socred::report
