// The document model's one shared operation.
#include "report/document.hpp"

namespace socred::report {

std::vector<const Chart*> charts(const Document& doc) {
  std::vector<const Chart*> out;
  for (const Section& s : doc.sections)
    for (const Block& b : s.blocks)
      if (const auto* c = std::get_if<Chart>(&b)) out.push_back(c);
  return out;
}

}  // namespace socred::report
