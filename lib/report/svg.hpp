// Bar charts as inline SVG: horizontal bars with labels and values, a zero
// axis when values go negative, and a reference line (four fifths). Every
// bar is a <rect class="bar">, so a browser's DOM can be counted.
#pragma once

#include <string>
#include <string_view>

#include "report/document.hpp"

namespace socred::report {

std::string render_svg(const Chart& chart);
/// Text made safe for XML and HTML content and attribute values.
std::string xml_escape(std::string_view text);

}  // namespace socred::report
