// Account lines. Each field of each account draws its own noise from the
// account's stream (seed, person, platform, k), so one account's noise does
// not depend on another's. Shares of each noise kind are in gen-events.1;
// the messy profile's layer draws from a stream of its own, after the
// default noise, so that the default noise of an account is the same in
// both profiles.
#include "world/accounts.hpp"

#include <utility>

#include "world/calendar.hpp"
#include "world/cities.hpp"
#include "world/rng.hpp"

namespace socred::world {

std::uint32_t account_number(std::uint64_t seed, int platform, std::uint32_t person,
                             std::uint32_t k) {
  return permute32(person * 8u + k,
                   stream_key(seed, kAccountIdStream, static_cast<std::uint64_t>(platform)));
}

void put_account(TextBuffer& out, int platform, std::uint32_t number) {
  out.put('"');
  out.put(kPlatformNames[platform]);
  out.put(':');
  out.put_hex8(number);
  out.put('"');
}

std::string account_id(std::uint64_t seed, int platform, std::uint32_t person, std::uint32_t k) {
  TextBuffer b;
  b.reserve(32);
  put_account(b, platform, account_number(seed, platform, person, k));
  return std::string(b.view().substr(1, b.size() - 2));
}

namespace {

// Picks a kind with the given shares; returns its index.
template <std::size_t N>
std::size_t pick_share(Rng& rng, const double (&shares)[N]) {
  double u = rng.uniform(), sum = 0;
  for (std::size_t i = 0; i + 1 < N; ++i)
    if (u < (sum += shares[i])) return i;
  return N - 1;
}

constexpr double kNameShares[] = {0.10, 0.30, 0.25, 0.35};   // missing nickname variant typo
constexpr double kPhoneShares[] = {0.40, 0.25, 0.15, 0.20};  // missing subst transp other
constexpr double kYearShares[] = {0.50, 0.40, 0.10};         // missing off_by_one default
constexpr double kCityShares[] = {0.40, 0.60};               // missing moved

}  // namespace

void AccountWriter::write(std::uint32_t i, TextBuffer& out) {
  const Person& p = pop_[i];
  const std::uint64_t seed = pop_.seed();
  for (int platform = 0; platform < kPlatformCount; ++platform) {
    for (std::uint32_t k = 0; k < p.accounts[platform]; ++k) {
      Rng rng(stream_key(seed, kAccountStream, i, static_cast<std::uint64_t>(platform), k));
      const char* applied[kNoiseFieldCount] = {};
      bool present[kNoiseFieldCount] = {true, true, true, true};
      bool noisy[kNoiseFieldCount];
      for (int f = 0; f < kNoiseFieldCount; ++f)
        noisy[f] =
            rng.chance(noise_.rate(static_cast<NoiseField>(f), p.city, p.female(), p.persona));

      canonical_name(p.name, name_);
      if (noisy[kNameField]) {
        switch (pick_share(rng, kNameShares)) {
          case 0:
            present[kNameField] = false, applied[kNameField] = "missing";
            break;
          case 1:
            nickname(p.name, rng, name_), applied[kNameField] = "nickname";
            break;
          case 2:
            variant_name(p.name, rng, name_), applied[kNameField] = "variant";
            break;
          default:
            applied[kNameField] = apply_typo(name_, rng, static_cast<int>(rng.below(4)));
        }
      }
      const std::uint32_t household = households_ ? households_->head(i) : i;
      phone_ = pop_.phone(household);
      if (noisy[kPhoneField]) {
        switch (pick_share(rng, kPhoneShares)) {
          case 0:
            present[kPhoneField] = false, applied[kPhoneField] = "missing";
            break;
          case 1: {  // one wrong digit after the "1x" prefix
            std::size_t at = 2 + rng.below(9);
            phone_[at] = static_cast<char>('0' + (phone_[at] - '0' + 1 + rng.below(9)) % 10);
            applied[kPhoneField] = "substitution";
            break;
          }
          case 2: {  // two neighbouring digits swapped (if equal, the next pair)
            std::size_t at = 2 + rng.below(8);
            for (std::size_t tries = 0; tries < 8 && phone_[at] == phone_[at + 1]; ++tries)
              at = at == 9 ? 2 : at + 1;
            if (phone_[at] == phone_[at + 1]) {
              phone_[at] = static_cast<char>('0' + (phone_[at] - '0' + 1) % 10);
              applied[kPhoneField] = "substitution";
            } else {
              std::swap(phone_[at], phone_[at + 1]);
              applied[kPhoneField] = "transposition";
            }
            break;
          }
          default: {  // another number altogether (a work phone, a relative's)
            Rng other(
                stream_key(seed, kPhoneStream, i, 1 + static_cast<std::uint64_t>(platform), k));
            for (std::size_t d = 2; d < 11; ++d)
              phone_[d] = static_cast<char>('0' + other.below(10));
            applied[kPhoneField] = "other";
          }
        }
      }
      int year = civil_from_days(p.birth_days).year;
      if (noisy[kBirthYearField]) {
        switch (pick_share(rng, kYearShares)) {
          case 0:
            present[kBirthYearField] = false, applied[kBirthYearField] = "missing";
            break;
          case 1:
            year += rng.chance(0.5) ? 1 : -1, applied[kBirthYearField] = "off_by_one";
            break;
          default:  // the form's pre-filled year, left as it was
            year = year == 1990 ? 1991 : 1990;
            applied[kBirthYearField] = "default";
        }
      }
      std::uint32_t city = p.city;
      if (noisy[kCityField]) {
        if (pick_share(rng, kCityShares) == 0) {
          present[kCityField] = false, applied[kCityField] = "missing";
        } else {  // moved: another city, weighted by population
          do city = rng.pick(city_cumulative(), city_count());
          while (city == p.city);
          applied[kCityField] = "moved";
        }
      }

      std::string_view city_name = cities()[city].name;
      MessyApplied messy;
      if (noise_.messy) {
        city_.assign(city_name);
        Rng layer(stream_key(seed, kMessyStream, i, static_cast<std::uint64_t>(platform), k));
        messy = apply_messy(p, layer, name_, present[kNameField], present[kBirthYearField], city_,
                            present[kCityField]);
        city_name = city_;
      }

      out.reserve(512 + name_.size() + city_name.size());
      out.put('{');
      out.put_key("account");
      put_account(out, platform, account_number(seed, platform, i, k));
      out.put(',');
      out.put_key("platform");
      out.put_string(kPlatformNames[platform]);
      if (present[kNameField]) {
        out.put(',');
        out.put_key("name");
        out.put_string(name_);
      }
      if (present[kPhoneField]) {
        out.put(',');
        out.put_key("phone");
        out.put_string(phone_);
      }
      if (present[kBirthYearField]) {
        out.put(',');
        out.put_key("birth_year");
        out.put_uint(static_cast<std::uint64_t>(year));
      }
      if (present[kCityField]) {
        out.put(',');
        out.put_key("city");
        out.put_string(city_name);
      }
      if (truth_) {
        char id[16];
        out.put(',');
        out.put_key("person");
        out.put_string(std::string_view(id, Population::format_person_id(i, id)));
        out.put(',');
        out.put_key("noise");
        out.put('{');
        bool first = true;
        for (int f = 0; f < kNoiseFieldCount; ++f) {
          if (applied[f] == nullptr) continue;
          if (!first) out.put(',');
          first = false;
          out.put_key(kNoiseFieldNames[f]);
          out.put_string(applied[f]);
        }
        out.put('}');
        if (messy.any()) {
          out.put(',');
          out.put_key("messy");
          out.put('{');
          const char* kinds[] = {messy.name, messy.birth_year, messy.city};
          const char* keys[] = {"name", "birth_year", "city"};
          bool first_kind = true;
          for (int f = 0; f < 3; ++f) {
            if (kinds[f] == nullptr) continue;
            if (!first_kind) out.put(',');
            first_kind = false;
            out.put_key(keys[f]);
            out.put_string(kinds[f]);
          }
          out.put('}');
        }
        if (households_ && households_->shared(i)) {
          out.put(',');
          out.put_key("household");
          out.put_string(std::string_view(id, Population::format_person_id(household, id)));
        }
      }
      out.put('}');
      out.put('\n');
    }
  }
}

}  // namespace socred::world
