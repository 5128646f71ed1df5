// Private-platform accounts: their ids, and what each platform knows of its
// user (a display name, phone, birth year, city) after the noise of real
// sign-up forms.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "world/messy.hpp"
#include "world/noise.hpp"
#include "world/people.hpp"
#include "world/text_buffer.hpp"

namespace socred::world {

/// The 32-bit number of a person's k-th account (k < 8) on a platform:
/// a keyed permutation of person * 8 + k, so numbers never collide.
std::uint32_t account_number(std::uint64_t seed, int platform, std::uint32_t person,
                             std::uint32_t k);
/// Appends "shop:1a2b3c4d" (quoted: a JSON string).
void put_account(TextBuffer& out, int platform, std::uint32_t number);
std::string account_id(std::uint64_t seed, int platform, std::uint32_t person, std::uint32_t k);

/// Writes the account lines of person `i` (platforms in order, then k).
class AccountWriter {
 public:
  AccountWriter(const Population& pop, const NoiseSettings& noise, bool truth)
      : pop_(pop),
        noise_(noise),
        truth_(truth),
        households_(noise.messy ? std::make_unique<Households>(pop) : nullptr) {}
  void write(std::uint32_t i, TextBuffer& out);

 private:
  const Population& pop_;
  const NoiseSettings& noise_;
  bool truth_;
  std::unique_ptr<Households> households_;  // the messy profile's only
  std::string name_, scratch_, phone_, city_;
};

}  // namespace socred::world
