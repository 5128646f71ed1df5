// Parsing and lookup of the noise settings (--noise, --noise-field,
// --noise-for, --noise-profile).
#include "world/noise.hpp"

#include <cstdlib>

#include "io/suggest.hpp"
#include "world/cities.hpp"
#include "world/persona.hpp"

namespace socred::world {

double NoiseSettings::rate(NoiseField f, int city, bool female, int persona) const {
  for (const NoiseGroup& g : groups) {
    bool match = (g.by == NoiseGroup::kCity && g.value == city) ||
                 (g.by == NoiseGroup::kSex && g.value == (female ? 1 : 0)) ||
                 (g.by == NoiseGroup::kPersona && g.value == persona);
    if (match) return g.rate;
  }
  return field[f] >= 0 ? field[f] : base;
}

std::optional<double> parse_rate(std::string_view text) {
  std::string s(text);
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !(v >= 0.0 && v <= 1.0)) return std::nullopt;
  return v;
}

std::optional<std::string> parse_noise_field(std::string_view text, NoiseSettings& s) {
  auto eq = text.find('=');
  if (eq == std::string_view::npos) return "expected FIELD=RATE, e.g. name=0.3";
  std::string_view name = text.substr(0, eq);
  auto rate = parse_rate(text.substr(eq + 1));
  if (!rate) return "rate must be a number between 0 and 1";
  for (int f = 0; f < kNoiseFieldCount; ++f) {
    if (kNoiseFieldNames[f] == name) {
      s.field[f] = *rate;
      return std::nullopt;
    }
  }
  return "unknown field '" + std::string(name) + "' (name, phone, birth_year, city)";
}

std::optional<std::string> parse_noise_profile(std::string_view text, NoiseSettings& s) {
  if (text == "default" || text == "messy") {
    s.messy = text == "messy";
    return std::nullopt;
  }
  std::string near = io::did_you_mean(text, {"default", "messy"});
  return "unknown noise profile '" + std::string(text) + "'" +
         (near.empty() ? std::string(" (default, messy)") : " (did you mean " + near + "?)");
}

std::optional<std::string> parse_noise_group(std::string_view text, NoiseSettings& s) {
  auto eq = text.find('=');
  auto colon = text.rfind(':');
  if (eq == std::string_view::npos || colon == std::string_view::npos || colon < eq)
    return "expected GROUP=VALUE:RATE, e.g. city=Kashgar:0.3";
  std::string_view by = text.substr(0, eq);
  std::string_view value = text.substr(eq + 1, colon - eq - 1);
  auto rate = parse_rate(text.substr(colon + 1));
  if (!rate) return "rate must be a number between 0 and 1";
  NoiseGroup g{NoiseGroup::kCity, -1, *rate, std::string(text)};
  if (by == "city") {
    g.value = city_index(value);
    if (g.value < 0) return "unknown city '" + std::string(value) + "'";
  } else if (by == "sex") {
    g.by = NoiseGroup::kSex;
    if (value == "F")
      g.value = 1;
    else if (value == "M")
      g.value = 0;
    else
      return "sex must be F or M";
  } else if (by == "persona") {
    g.by = NoiseGroup::kPersona;
    g.value = persona_index(value);
    if (g.value < 0) return "unknown persona '" + std::string(value) + "'";
  } else {
    return "unknown group '" + std::string(by) + "' (city, sex, persona)";
  }
  s.groups.push_back(std::move(g));
  return std::nullopt;
}

}  // namespace socred::world
