// The messy noise profile (gen-events --noise-profile messy): a second layer
// of sign-up noise over the default one, with fixed rates (gen-events.1),
// and households whose members give platforms one phone.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "world/people.hpp"
#include "world/rng.hpp"

namespace socred::world {

/// Shares of accounts (and of persons, for households) the messy layer
/// touches; gen-events.1 states them, and a test measures them.
struct MessyRates {
  static constexpr double kNameMissing = 0.20, kNameSwapped = 0.10, kNameRespelt = 0.10;
  static constexpr double kYearMissing = 0.20;
  static constexpr double kCityMissing = 0.20, kCityTypo = 0.10;
  static constexpr double kInHousehold = 0.30;
};

/// What the messy layer did to one account, for its truth ("messy").
struct MessyApplied {
  const char* name = nullptr;  // "missing", "swapped", "respelt"
  const char* birth_year = nullptr;
  const char* city = nullptr;  // "missing", "typo"
  bool any() const { return name || birth_year || city; }
};

/// Applies the messy layer to one account's fields as the default noise left
/// them (`*_present` false: the field is already missing). Draws come from the
/// account's own messy stream, so the default noise is as without the layer.
MessyApplied apply_messy(const Person& p, Rng& rng, std::string& name, bool& name_present,
                         bool& year_present, std::string& city, bool& city_present);

/// Court records keyed by name: the clerk's order and spelling (swapped,
/// respelt at the account rates); a name is never missing there.
void messy_court_name(const Person& p, Rng& rng, std::string& name);

/// Households: persons of one city, in index order, grouped in 2 to 5 (the
/// size drawn by the first member); a household's phone is its first
/// member's. One pass over the population, so every shard agrees.
class Households {
 public:
  explicit Households(const Population& pop);
  /// The first member of i's household, or i if i lives alone.
  std::uint32_t head(std::uint32_t i) const { return head_[i]; }
  bool shared(std::uint32_t i) const { return shared_[i] != 0; }

 private:
  std::vector<std::uint32_t> head_;
  std::vector<std::uint8_t> shared_;
};

}  // namespace socred::world
