// Link lines. Field weights are rounded one by one and the total from the
// unrounded sum, so the parts may differ from the total in the last digit.
#include "link/link_output.hpp"

#include <cmath>

namespace socred::link {

double round_weight(double w) {
  double r = std::round(w * 1000) / 1000;
  return r == 0 ? 0 : r;  // never "-0"
}

double round_probability(double p) { return std::round(p * 1e6) / 1e6; }

void LinkWriter::keys(io::JsonlWriter& out, const Link& link) const {
  out.key("left").raw(left.id(link.left));
  out.key("right").raw(right.id(link.right));
  out.key("match_weight").number(round_weight(link.weight));
  out.key("match_probability").number(round_probability(link.probability));
  out.key("fields").begin_object();
  for (std::size_t c = 0; c < model.comparisons.size(); ++c) {
    const int level = level_in(link.pattern, c);
    out.key(model.comparisons[c].name).begin_object();
    out.key("level").string(model.comparisons[c].levels[static_cast<std::size_t>(level)]);
    out.key("weight").number(round_weight(scorer.field_weight(c, level, link.left)));
    if (values) {
      const Value& a = left.value(link.left, c);
      const Value& b = right.value(link.right, c);
      out.key("left");
      if (a.present)
        out.string(text_of(a, left.arena));
      else
        out.null();
      out.key("right");
      if (b.present)
        out.string(text_of(b, right.arena));
      else
        out.null();
    }
    out.end_object();
  }
  out.end_object();
  out.key("prior").number(round_weight(scorer.prior_weight()));
}

void LinkWriter::line(io::JsonlWriter& out, const Link& link) const {
  out.begin_object();
  keys(out, link);
  out.end_object();
  out.end_line();
}

}  // namespace socred::link
