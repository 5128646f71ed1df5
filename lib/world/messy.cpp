// The messy layer's draws and the households. Every kind of a field is drawn
// first, from one uniform each, so that the draws a transform makes after
// them never change which kinds another account gets.
#include "world/messy.hpp"

#include "world/cities.hpp"
#include "world/names.hpp"

namespace socred::world {

MessyApplied apply_messy(const Person& p, Rng& rng, std::string& name, bool& name_present,
                         bool& year_present, std::string& city, bool& city_present) {
  using R = MessyRates;
  const double u_name = rng.uniform(), u_year = rng.uniform(), u_city = rng.uniform();
  MessyApplied a;
  if (u_name < R::kNameMissing) {
    name_present = false, a.name = "missing";
  } else if (u_name < R::kNameMissing + R::kNameSwapped) {
    if (name_present && swap_name_order(name)) a.name = "swapped";
  } else if (u_name < R::kNameMissing + R::kNameSwapped + R::kNameRespelt) {
    if (name_present && respell_family(p.name, rng, name)) a.name = "respelt";
  }
  if (u_year < R::kYearMissing) year_present = false, a.birth_year = "missing";
  if (u_city < R::kCityMissing) {
    city_present = false, a.city = "missing";
  } else if (u_city < R::kCityMissing + R::kCityTypo && city_present) {
    apply_typo(city, rng, static_cast<int>(rng.below(4)));
    a.city = "typo";
  }
  return a;
}

void messy_court_name(const Person& p, Rng& rng, std::string& name) {
  using R = MessyRates;
  const double u = rng.uniform();
  if (u < R::kNameSwapped)
    swap_name_order(name);
  else if (u < R::kNameSwapped + R::kNameRespelt)
    respell_family(p.name, rng, name);
}

Households::Households(const Population& pop) : head_(pop.size()), shared_(pop.size()) {
  // Sizes 2..5, weights 4:3:2:1 (most households are couples).
  static constexpr double kSizeCumulative[] = {4, 7, 9, 10};
  struct Open {
    std::uint32_t head = 0, want = 0, have = 0;
  };
  std::vector<Open> open(city_count());
  for (std::uint32_t i = 0; i < pop.size(); ++i) {
    head_[i] = i;
    Rng rng(stream_key(pop.seed(), kHouseholdStream, i));
    if (!rng.chance(MessyRates::kInHousehold)) continue;
    Open& h = open[pop[i].city];
    if (h.have == h.want) {
      h = Open{i, 2 + rng.pick(kSizeCumulative, 4), 1};
      continue;  // alone until a second member comes
    }
    head_[i] = h.head;
    shared_[i] = shared_[h.head] = 1;
    ++h.have;
  }
}

}  // namespace socred::world
