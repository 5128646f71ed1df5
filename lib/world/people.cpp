// Drawing persons, the text of their identifiers, and their register lines.
#include "world/people.hpp"

#include <vector>

#include "io/error.hpp"
#include "world/calendar.hpp"
#include "world/cities.hpp"
#include "world/national_id.hpp"
#include "world/persona.hpp"
#include "world/rng.hpp"

namespace socred::world {

namespace {

// Adults born 1944-2005 (aged 18 to 80 in 2024), weights per decade-ish band
// after the shape of China's 2020 age pyramid.
struct BirthBand {
  int first_year, last_year;
  double weight;
};
constexpr BirthBand kBirthBands[] = {
    {1944, 1954, 0.55}, {1955, 1964, 1.10}, {1965, 1974, 1.30},
    {1975, 1984, 1.10}, {1985, 1994, 1.25}, {1995, 2005, 1.00},
};

std::int32_t draw_birth(Rng& rng) {
  double cumulative[6];
  double sum = 0;
  for (int i = 0; i < 6; ++i) {
    const BirthBand& b = kBirthBands[i];
    cumulative[i] = sum += b.weight * (b.last_year - b.first_year + 1);
  }
  const BirthBand& b = kBirthBands[rng.pick(cumulative, 6)];
  std::int64_t first = days_from_civil(b.first_year, 1, 1);
  std::int64_t last = days_from_civil(b.last_year, 12, 31);
  return static_cast<std::int32_t>(first + rng.below(static_cast<std::uint32_t>(last - first + 1)));
}

Person draw_person(std::uint64_t seed, std::uint32_t i) {
  Rng rng(stream_key(seed, kPersonStream, i));
  Person p;
  bool female = rng.chance(0.49);
  p.city = static_cast<std::uint8_t>(rng.pick(city_cumulative(), city_count()));
  const City& c = cities()[p.city];
  std::uint32_t districts = 0;
  while (districts < 4 && c.districts[districts] != 0) ++districts;
  p.district = static_cast<std::uint8_t>(rng.below(districts));
  bool uyghur = rng.chance(c.uyghur_share);
  p.name = draw_name(rng, female, uyghur);
  p.birth_days = draw_birth(rng);
  p.persona = static_cast<std::uint8_t>(rng.pick(persona_cumulative(), kPersonaCount));
  p.activity = static_cast<float>(rng.lognormal(0.0, kActivitySigma));
  const Persona& per = persona(p.persona);
  for (int k = 0; k < kPlatformCount; ++k) {
    std::uint8_t n = 0;
    if (rng.chance(per.adoption[k])) {
      n = 1;
      // Further accounts (alts, a second phone number, a forgotten login).
      double extra = 0.08 * per.extra_accounts;
      while (n < 8 && rng.chance(extra)) ++n;
    }
    p.accounts[k] = n;
  }
  return p;
}

}  // namespace

Population::Population(std::uint64_t seed, std::uint32_t size) : seed_(seed) {
  people_.reserve(size);
  // Sequence numbers count people of one sex born on one day in one district,
  // in index order; a key-dependent stride scatters them over 1..999 as the
  // real ones look (odd for men, even for women). The counters are a dense
  // table over (city, district, sex, birthdate): 9 MB whatever the size.
  const std::int64_t first_day = days_from_civil(kBirthBands[0].first_year, 1, 1);
  const std::int64_t last_day = days_from_civil(kBirthBands[5].last_year, 12, 31);
  const auto span = static_cast<std::size_t>(last_day - first_day + 1);
  std::vector<std::uint16_t> taken(static_cast<std::size_t>(city_count()) * 4 * 2 * span);
  for (std::uint32_t i = 0; i < size; ++i) {
    Person p = draw_person(seed, i);
    std::size_t slot =
        ((static_cast<std::size_t>(p.city) * 4 + p.district) * 2 + p.female()) * span +
        static_cast<std::size_t>(p.birth_days - first_day);
    std::uint16_t n = taken[slot]++;
    if (n >= 499)
      throw Error(kExitUsage, "population too large: identity numbers ran out for one birthdate");
    std::uint32_t code = cities()[p.city].districts[p.district];
    std::uint64_t key = (static_cast<std::uint64_t>(code) << 32) |
                        (static_cast<std::uint64_t>(p.birth_days + 100000) << 1) |
                        (p.female() ? 1u : 0u);
    std::uint32_t shift = static_cast<std::uint32_t>(mix64(key ^ seed) % 499);
    std::uint32_t x = (n * 137u + shift) % 499u;  // 137 is prime to 499: a bijection
    p.sequence = static_cast<std::uint16_t>(p.female() ? 2 * x + 2 : 2 * x + 1);
    people_.push_back(p);
  }
}

std::uint32_t Population::region(std::uint32_t i) const {
  const Person& p = people_[i];
  return cities()[p.city].districts[p.district];
}

std::size_t Population::format_person_id(std::uint32_t index, char* out) {
  // Person ids count from 1, as identifiers people read do.
  std::uint64_t i = static_cast<std::uint64_t>(index) + 1;
  char digits[12];
  std::size_t n = 0;
  do {
    digits[n++] = static_cast<char>('0' + i % 10);
    i /= 10;
  } while (i != 0);
  std::size_t len = 0;
  out[len++] = 'p';
  for (std::size_t pad = n; pad < 7; ++pad) out[len++] = '0';
  while (n > 0) out[len++] = digits[--n];
  return len;
}

std::string Population::person_id(std::uint32_t i) {
  char buf[16];
  return std::string(buf, format_person_id(i, buf));
}

void Population::format_national_id(std::uint32_t i, char* out) const {
  const Person& p = people_[i];
  world::format_national_id(region(i), p.birth_days, p.sequence, out);
}

std::string Population::national_id(std::uint32_t i) const {
  std::string s(18, ' ');
  format_national_id(i, s.data());
  return s;
}

std::string Population::phone(std::uint32_t i) const {
  Rng rng(stream_key(seed_, kPhoneStream, i));
  static constexpr char kSecond[] = "35789";  // 13x, 15x, 17x, 18x, 19x mobiles
  std::string s = "1";
  s.push_back(kSecond[rng.below(5)]);
  for (int d = 0; d < 9; ++d) s.push_back(static_cast<char>('0' + rng.below(10)));
  return s;
}

void put_person(const Population& pop, std::uint32_t i, bool truth, std::string& name,
                TextBuffer& out) {
  const Person& p = pop[i];
  canonical_name(p.name, name);
  out.reserve(256 + name.size());
  char id[18];
  std::size_t len = Population::format_person_id(i, id);
  out.put("{\"person\":");
  out.put_string(std::string_view(id, len));
  out.put(",\"national_id\":\"");
  pop.format_national_id(i, id);
  out.put(std::string_view(id, 18));
  out.put("\",\"name\":");
  out.put_string(name);
  out.put(",\"birthdate\":\"");
  format_date(p.birth_days, id);
  out.put(std::string_view(id, 10));
  out.put(p.female() ? "\",\"sex\":\"F\"" : "\",\"sex\":\"M\"");
  out.put(",\"city\":");
  out.put_string(cities()[p.city].name);
  if (truth) {
    out.put(",\"persona\":");
    out.put_string(persona(p.persona).name);
  }
  out.put("}\n");
}

}  // namespace socred::world
