// Writing link-map lines (DESIGN.md "Formats"): left, right, match_weight,
// match_probability, fields (per field its level and weight), then prior:
// a waterfall a person can read, from the prior to the final weight.
#pragma once

#include "io/jsonl_writer.hpp"
#include "link/candidates.hpp"

namespace socred::link {

struct LinkWriter {
  const Model& model;
  const Scorer& scorer;
  const Side& left;
  const Side& right;
  bool values = false;  // add each field's two compared values

  /// Writes the keys of one link into an object the caller has begun.
  void keys(io::JsonlWriter& out, const Link& link) const;
  /// One whole line.
  void line(io::JsonlWriter& out, const Link& link) const;
};

/// Weights are printed to 3 decimals, probabilities to 6.
double round_weight(double w);
double round_probability(double p);

}  // namespace socred::link
