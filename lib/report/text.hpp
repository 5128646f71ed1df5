// The terminal report: aligned tables and Unicode bar charts, with colour
// only when asked for (the caller decides: a terminal and NO_COLOR unset).
#pragma once

#include <string>
#include <string_view>

#include "report/document.hpp"

namespace socred::report {

struct TextStyle {
  bool color = false;
  int bar_width = 40;  // cells of a full-length bar
};

std::string render_text(const Document& doc, const TextStyle& style);

/// Cells a string takes in a terminal: East Asian wide characters take two,
/// combining marks none (city names may be written in hanzi).
std::size_t display_width(std::string_view s);
/// A bar of `value / scale` of `width` cells in block characters, eighths
/// for the remainder; a non-zero value always shows at least a sliver.
std::string bar_cells(double value, double scale, int width);
/// The largest |value| of a chart's bars, or its fixed scale.
double chart_scale(const Chart& chart);

}  // namespace socred::report
