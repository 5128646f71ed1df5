// Noise settings for what platforms know of a person: the probability that
// each field of an account is wrong or missing, overridable per field and per
// group of people (a city, a sex, a persona), so that a lesson can make
// linkage harder for one group and watch the bias travel downstream.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace socred::world {

enum NoiseField { kNameField, kPhoneField, kBirthYearField, kCityField, kNoiseFieldCount };
constexpr std::string_view kNoiseFieldNames[kNoiseFieldCount] = {"name", "phone", "birth_year",
                                                                 "city"};

struct NoiseGroup {
  enum By { kCity, kSex, kPersona } by;
  int value;    // city index, 1 = female / 0 = male, persona index
  double rate;  // replaces every field's rate for people in the group
  std::string text;
};

struct NoiseSettings {
  double base = 0.1;
  double field[kNoiseFieldCount] = {-1, -1, -1, -1};  // < 0: use `base`
  std::vector<NoiseGroup> groups;                     // the first that matches wins
  bool messy = false;  // --noise-profile messy: a second layer (world/messy.hpp)

  /// Probability that `f` is noisy on an account of this person.
  double rate(NoiseField f, int city, bool female, int persona) const;
};

/// "name=0.3": sets one field's rate; returns an error message on failure.
std::optional<std::string> parse_noise_field(std::string_view text, NoiseSettings& s);
/// "city=Kashgar:0.3", "sex=F:0.2", "persona=critic:0.5".
std::optional<std::string> parse_noise_group(std::string_view text, NoiseSettings& s);
/// "default" or "messy"; returns an error message on failure.
std::optional<std::string> parse_noise_profile(std::string_view text, NoiseSettings& s);
/// A rate in [0, 1]; nullopt if the text is not one.
std::optional<double> parse_rate(std::string_view text);

}  // namespace socred::world
