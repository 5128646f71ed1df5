// One self-contained HTML page: inline style, inline SVG charts, no script,
// no font or image fetched from anywhere, so it opens offline and can be
// mailed as one file.
#pragma once

#include <string>

#include "report/document.hpp"

namespace socred::report {

std::string render_html(const Document& doc);

}  // namespace socred::report
