// The model as a human-readable JSON file: written by --train, read by
// --model, so that new records are linked against an existing population
// without estimating again.
#pragma once

#include <string>
#include <vector>

#include "link/fellegi_sunter.hpp"
#include "link/train.hpp"

namespace socred::link {

/// The model, its blocking rules and (when given) how it was trained, as
/// indented JSON. Weights are written for the reader; reading ignores them.
std::string model_json(const Model& model, const std::vector<std::string>& blocking,
                       const Training* training);

/// Writes model_json to `path`; a write failure is an Error (status 74).
void write_model(const std::string& path, const std::string& json);

/// Reads a model file; a missing file is status 66, a malformed one 65 with
/// the file's name and what is wrong. `blocking` receives the stored rules.
Model read_model(const std::string& path, std::vector<std::string>& blocking);

}  // namespace socred::link
