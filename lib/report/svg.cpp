// Geometry in fixed pixels so the page needs no script to lay charts out;
// the SVG scales with its viewBox when the window is narrow.
#include "report/svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/text.hpp"

namespace socred::report {

namespace {

constexpr int kWidth = 720;
constexpr int kLabelWidth = 190;  // right-aligned labels end here
constexpr int kValueWidth = 110;  // room for the value printed after a bar
constexpr int kRow = 22;
constexpr int kBarHeight = 15;
constexpr int kTop = 18;  // room for the reference line's label
constexpr std::size_t kMaxLabel = 28;

std::string shorten(const std::string& s) {
  if (display_width(s) <= kMaxLabel) return s;
  // Cut on a code point boundary, then mark the cut.
  std::string out;
  std::size_t i = 0, cells = 0;
  while (i < s.size() && cells + 1 < kMaxLabel) {
    std::size_t len = 1;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0)
      len = 4;
    else if (c >= 0xE0)
      len = 3;
    else if (c >= 0xC0)
      len = 2;
    out.append(s, i, len);
    cells += display_width(s.substr(i, len));
    i += len;
  }
  return out + "…";
}

std::string px(double v) { return fmt::format("{:.1f}", v); }

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string render_svg(const Chart& chart) {
  const double scale = chart_scale(chart);
  const bool negatives =
      std::any_of(chart.bars.begin(), chart.bars.end(), [](const Bar& b) { return b.value < 0; });
  const double area = kWidth - kLabelWidth - kValueWidth - 10;
  // With negative values the zero axis sits in the middle of the bar area.
  const double zero = kLabelWidth + 10 + (negatives ? area / 2 : 0);
  const double span = negatives ? area / 2 : area;
  const int rows = static_cast<int>(chart.bars.size());
  const int height = kTop + std::max(rows, 1) * kRow + 8;
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {} {}\" "
      "width=\"{}\" height=\"{}\" role=\"img\" aria-label=\"{}\">\n",
      kWidth, height, kWidth, height, xml_escape(chart.title));
  if (rows == 0)
    out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"empty\">nothing to draw</text>\n",
                       kLabelWidth + 10, kTop + 14);
  for (int i = 0; i < rows; ++i) {
    const Bar& b = chart.bars[i];
    const double y = kTop + i * kRow;
    double length =
        scale > 0 && std::isfinite(b.value) ? std::min(1.0, std::fabs(b.value) / scale) * span : 0;
    const double x = b.value < 0 ? zero - length : zero;
    const char* fill = b.flagged ? "#c62828" : b.value < 0 ? "#e07b39" : "#3f6fb5";
    std::string cls = b.flagged ? "bar flagged" : b.value < 0 ? "bar negative" : "bar";
    out += fmt::format("<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
                       kLabelWidth, px(y + 12), xml_escape(shorten(b.label)));
    out += fmt::format(
        "<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" rx=\"2\">"
        "<title>{}: {}</title></rect>\n",
        cls, px(x), px(y + 2), px(length), kBarHeight, fill, xml_escape(b.label),
        xml_escape(b.text));
    double text_x = b.value < 0 ? zero + 4 : zero + length + 4;
    if (b.range && scale > 0) {
      // The interval as a whisker across the bar, cut at the chart's edge.
      auto at = [&](double v) { return zero + std::clamp(v / scale, 0.0, 1.0) * span; };
      const double x1 = at(b.range->first), x2 = at(b.range->second),
                   mid = y + 2 + kBarHeight / 2.0;
      out += fmt::format(
          "<line class=\"interval\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#1d2430\" "
          "stroke-width=\"1.5\"><title>95% interval: {}–{}</title></line>\n",
          px(x1), px(mid), px(x2), px(mid), fmt::format("{:.2f}", b.range->first),
          fmt::format("{:.2f}", b.range->second));
      text_x = std::max(text_x, x2 + 4);
    }
    out += fmt::format("<text class=\"value{}\" x=\"{}\" y=\"{}\">{}{}</text>\n",
                       b.flagged ? " flagged" : "", px(text_x), px(y + 12), xml_escape(b.text),
                       b.flagged ? " ⚑" : "");
  }
  const double bottom = kTop + std::max(rows, 1) * kRow;
  out += fmt::format(
      "<line class=\"axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#555\"/>\n", px(zero),
      kTop - 2, px(zero), px(bottom));
  if (chart.reference && scale > 0) {
    const double x = zero + std::min(1.0, *chart.reference / scale) * span;
    out += fmt::format(
        "<line class=\"reference\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#c62828\" "
        "stroke-dasharray=\"4 3\"/>\n<text class=\"reference\" x=\"{}\" y=\"{}\" "
        "text-anchor=\"middle\">{}</text>\n",
        px(x), kTop - 4, px(x), px(bottom), px(x), kTop - 7, xml_escape(chart.reference_label));
  }
  out += "</svg>";
  return out;
}

}  // namespace socred::report
