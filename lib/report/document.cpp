// The document model's shared operations.
#include "report/document.hpp"

#include "io/json_text.hpp"

namespace socred::report {

std::vector<const Chart*> charts(const Document& doc) {
  std::vector<const Chart*> out;
  for (const Section& s : doc.sections)
    for (const Block& b : s.blocks)
      if (const auto* c = std::get_if<Chart>(&b)) out.push_back(c);
  return out;
}

Document visible(Document doc) {
  auto fix = [](std::string& s) { s = io::visible(s); };
  fix(doc.title);
  fix(doc.subtitle);
  for (Section& s : doc.sections) {
    fix(s.title);
    for (Block& b : s.blocks) {
      if (auto* p = std::get_if<Paragraph>(&b)) fix(p->text);
      if (auto* t = std::get_if<Table>(&b)) {
        fix(t->title);
        fix(t->note);
        for (auto& h : t->headers) fix(h);
        for (auto& row : t->rows)
          for (auto& cell : row) fix(cell);
      }
      if (auto* c = std::get_if<Chart>(&b)) {
        fix(c->title);
        fix(c->axis);
        fix(c->reference_label);
        for (Bar& bar : c->bars) {
          fix(bar.label);
          fix(bar.text);
        }
      }
    }
  }
  return doc;
}

}  // namespace socred::report
