// The cities people live in: weights by urban population, the district
// region codes their identity numbers carry, and the share of residents
// whose names are Uyghur (romanised differently from Han names).
#pragma once

#include <cstdint>
#include <string_view>

namespace socred::world {

struct City {
  std::string_view name;
  double weight;               // urban population, millions (approximate)
  std::uint32_t districts[4];  // GB/T 2260 county-level codes, 0 = unused
  double uyghur_share;         // residents with Uyghur names
};

/// All cities; the order is part of the output's definition (append only).
const City* cities();
std::uint32_t city_count();
/// Cumulative weights, for Rng::pick.
const double* city_cumulative();
/// Index of a city by name, or -1.
int city_index(std::string_view name);

}  // namespace socred::world
