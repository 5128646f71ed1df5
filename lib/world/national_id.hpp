// Resident identity numbers in the GB 11643-1999 layout: 6-digit region code,
// birthdate YYYYMMDD, 3-digit sequence (odd = male, even = female) and an
// ISO 7064 MOD 11-2 check character ('X' stands for 10).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace socred::world {

/// The check character for the first 17 digits.
char national_id_check(std::string_view first17);

/// Writes the 18 characters at `out`.
void format_national_id(std::uint32_t region, std::int64_t birth_days, std::uint32_t sequence,
                        char* out);
std::string national_id(std::uint32_t region, std::int64_t birth_days, std::uint32_t sequence);

/// Layout and check character both right (the birthdate a real date).
bool national_id_valid(std::string_view id);

}  // namespace socred::world
