// Personal names: Han family names with their real frequencies and pinyin
// given names, Uyghur names (personal name + father's name); the register's
// canonical spelling, and the nicknames and romanisation variants platforms
// see instead.
#pragma once

#include <cstdint>
#include <string>

#include "world/rng.hpp"

namespace socred::world {

/// A name as indices into the tables: cheap to keep for every person.
struct NameParts {
  std::uint8_t uyghur = 0;  // 0: Han (family + given), 1: Uyghur
  std::uint8_t female = 0;
  std::uint16_t family = 0;      // Han family name, or Uyghur father's name
  std::uint16_t given1 = 0;      // first given syllable, or Uyghur personal name
  std::uint16_t given2 = kNone;  // second given syllable (Han), kNone if single
  static constexpr std::uint16_t kNone = 0xffff;
};

NameParts draw_name(Rng& rng, bool female, bool uyghur);

/// The register's spelling: "Wang Xiuying", "Ablet Tursun".
void canonical_name(const NameParts& n, std::string& out);
/// A romanisation variant: another spelling of the family name (Chang for
/// Zhang), Western order, hyphenated or joined given name, passport capitals;
/// for Uyghur names another transliteration (Abulaiti for Ablet).
void variant_name(const NameParts& n, Rng& rng, std::string& out);
/// Another romanisation of the family name (Chang for Zhang; for a Uyghur
/// name another Latin spelling of the own or the father's name) wherever it
/// stands as a word of `name`, keeping its capitals (WANG -> WONG). False,
/// and `name` unchanged, if no word of it is that name (a handle, Mingming).
bool respell_family(const NameParts& n, Rng& rng, std::string& name);
/// The first word of `name` moved to the end ("Wang Xiuying" -> "Xiuying
/// Wang", "Xiao Wang" -> "Wang Xiao"); false if it is one word.
bool swap_name_order(std::string& name);
/// What a friend calls you: Xiao Wang, Lao Li, Mingming, Kevin Wang, wangwei88.
void nickname(const NameParts& n, Rng& rng, std::string& out);

/// One keyboard typo on an ASCII letter of `s` (multi-byte UTF-8 characters
/// are left whole). Returns the kind applied: "insertion", "deletion",
/// "substitution" or "transposition"; `want` is the kind to try first
/// (0..3), replaced by insertion when `s` offers no place for it.
const char* apply_typo(std::string& s, Rng& rng, int want);

}  // namespace socred::world
