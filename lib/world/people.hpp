// The population: every person's hidden and public attributes, drawn from
// the person's own random stream (seed, index) so any person can be made
// without the others; only identity-number sequences need one pass in index
// order, to keep every national id unique.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "world/names.hpp"
#include "world/text_buffer.hpp"
#include "world/vocabulary.hpp"

namespace socred::world {

struct Person {
  std::int32_t birth_days = 0;  // days since 1970-01-01
  float activity = 1;           // multiplier on private activity
  NameParts name;
  std::uint16_t sequence = 0;  // identity-number sequence, odd = male
  std::uint8_t city = 0;
  std::uint8_t district = 0;  // index into the city's district codes
  std::uint8_t persona = 0;
  std::uint8_t accounts[kPlatformCount] = {};
  bool female() const { return name.female != 0; }
};

class Population {
 public:
  /// Draws `size` persons. Throws socred::Error (status 2) if the identity
  /// numbers would run out (more than 499 same-sex people born on one day
  /// in one district).
  Population(std::uint64_t seed, std::uint32_t size);

  std::uint32_t size() const { return static_cast<std::uint32_t>(people_.size()); }
  const Person& operator[](std::uint32_t i) const { return people_[i]; }
  std::uint64_t seed() const { return seed_; }

  std::uint32_t region(std::uint32_t i) const;
  /// "p0000042" for index 41 (ids count from 1): 7 digits, more only past
  /// 9,999,999; returns the length.
  static std::size_t format_person_id(std::uint32_t i, char* out);
  static std::string person_id(std::uint32_t i);
  /// 18 characters at `out`.
  void format_national_id(std::uint32_t i, char* out) const;
  std::string national_id(std::uint32_t i) const;
  /// 11-digit mobile number the person gives platforms (not unique: shared
  /// family phones exist).
  std::string phone(std::uint32_t i) const;

 private:
  std::uint64_t seed_;
  std::vector<Person> people_;
};

/// Appends person `i`'s register line (with the persona if `truth`);
/// `scratch` is reused for the name.
void put_person(const Population& pop, std::uint32_t i, bool truth, std::string& scratch,
                TextBuffer& out);

/// Streams for stream_key(): one per purpose, so adding draws to one does not
/// shift another.
enum Stream : std::uint64_t {
  kPersonStream = 1,
  kPhoneStream,
  kAccountIdStream,
  kAccountStream,
  kCountStream,
  kEventStream,
  kDetailStream,
  kFriendStream,
  kSequenceStream,
  kMessyStream,  // the messy profile's layer of account noise
  kHouseholdStream,
  kMessyCourtStream,
};

}  // namespace socred::world
