// The report as Markdown (GitHub's tables), for issues, wikis and notes:
// tables as pipe tables, charts as Unicode bars in a code block.
#pragma once

#include <string>

#include "report/document.hpp"

namespace socred::report {

std::string render_markdown(const Document& doc);

}  // namespace socred::report
