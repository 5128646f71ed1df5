#include "catch.hpp"
#include "report/numbers.hpp"
#include "report/svg.hpp"
#include "report/text.hpp"

using namespace socred::report;

TEST_CASE("numbers read as people write them", "[report]") {
  CHECK(count_text(0) == "0");
  CHECK(count_text(61) == "61");
  CHECK(count_text(1234) == "1,234");
  CHECK(count_text(1234567) == "1,234,567");
  CHECK(points_text(-12500) == "-12.5");
  CHECK(points_text(1) == "0.001");
  CHECK(points_text(1234567890) == "1,234,567.89");
  CHECK(points_text(-123456000) == "-123,456");
  CHECK(points_text(-999000) == "-999");
  CHECK(points_text(INT64_MIN) == "-9,223,372,036,854,775.808");
  CHECK(signed_points_text(40500) == "+40.5");
  CHECK(signed_points_text(0) == "0");
  CHECK(percent_text(0.625) == "62.5%");
  CHECK(bin_text(350, 400, true) == "350–399");
  CHECK(bin_text(5, 6, true) == "5");
  CHECK(decimal_text(-0.0001) == "0");
}

TEST_CASE("terminal widths count wide characters twice", "[report]") {
  CHECK(display_width("Wuhan") == 5);
  CHECK(display_width("北京") == 4);
  CHECK(display_width("e\xcc\x81") == 1);  // e + combining acute
  CHECK(display_width("█▌") == 2);
}

TEST_CASE("bars are eighths of a cell, never invisible when non-zero", "[report]") {
  CHECK(bar_cells(1, 2, 4) == "██");
  CHECK(bar_cells(-1, 2, 4) == "██");
  CHECK(bar_cells(0.5625, 1, 2) == "█▏");
  CHECK(bar_cells(0.0001, 1, 10) == "▏");
  CHECK(bar_cells(0, 1, 10).empty());
  CHECK(bar_cells(5, 1, 3) == "███");  // clipped to the width
}

TEST_CASE("the text report aligns tables and draws the reference line", "[report]") {
  Document doc{"t", "", {}};
  Section s{"S", {}};
  s.blocks.emplace_back(
      Table{"", {"group", "n"}, "lr", {{"a", "5"}, {"bbb", "12"}}, {false, true}, ""});
  Chart c{"id", "ratio",       "", {{"a", 1.0, "1.00", false}, {"b", 0.5, "0.50", true}},
          0.8,  "four fifths", 1};
  s.blocks.emplace_back(c);
  doc.sections.push_back(s);
  std::string out = render_text(doc, TextStyle{false, 10});
  CHECK(out ==
        "t\n═\n\nS\n─\n"
        "  group   n\n  ─────────\n  a       5\n  bbb    12\n\n"
        "  ratio\n"
        "    a  ██████████  1.00\n"
        "    b  █████   ┊   0.50 ⚑\n"
        "       ┊ = four fifths\n");
  // Colour only when asked: the same document with colour has escapes.
  CHECK(render_text(doc, TextStyle{true, 10}).find("\x1b[31m") != std::string::npos);
  CHECK(out.find('\x1b') == std::string::npos);
}

TEST_CASE("svg escapes text and gives every bar the class bar", "[report]") {
  Chart c{"id", "a<b", "", {{"x&y", 2, "2", false}, {"z", -1, "-1", true}}, std::nullopt, "", 0};
  std::string svg = render_svg(c);
  CHECK(svg.find("a&lt;b") != std::string::npos);
  CHECK(svg.find("x&amp;y") != std::string::npos);
  CHECK(svg.find("<rect class=\"bar\"") != std::string::npos);
  CHECK(svg.find("<rect class=\"bar flagged\"") != std::string::npos);
  CHECK(xml_escape("\"'") == "&quot;&#39;");
}
