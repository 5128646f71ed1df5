// GB 11643-1999 numbers: the check character is (12 - sum(d_i * w_i) mod 11)
// mod 11 with weights w_i = 2^(17-i) mod 11, which is ISO 7064 MOD 11-2.
#include "world/national_id.hpp"

#include "world/calendar.hpp"

namespace socred::world {

namespace {
constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr char kCheck[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
}  // namespace

char national_id_check(std::string_view first17) {
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[static_cast<std::size_t>(i)] - '0') * kWeights[i];
  return kCheck[sum % 11];
}

void format_national_id(std::uint32_t region, std::int64_t birth_days, std::uint32_t sequence,
                        char* out) {
  for (int i = 5; i >= 0; --i) {
    out[i] = static_cast<char>('0' + region % 10);
    region /= 10;
  }
  char date[10];
  format_date(birth_days, date);
  out[6] = date[0], out[7] = date[1], out[8] = date[2], out[9] = date[3];
  out[10] = date[5], out[11] = date[6], out[12] = date[8], out[13] = date[9];
  out[14] = static_cast<char>('0' + sequence / 100 % 10);
  out[15] = static_cast<char>('0' + sequence / 10 % 10);
  out[16] = static_cast<char>('0' + sequence % 10);
  out[17] = national_id_check(std::string_view(out, 17));
}

std::string national_id(std::uint32_t region, std::int64_t birth_days, std::uint32_t sequence) {
  std::string s(18, ' ');
  format_national_id(region, birth_days, sequence, s.data());
  return s;
}

bool national_id_valid(std::string_view id) {
  if (id.size() != 18) return false;
  for (std::size_t i = 0; i < 17; ++i)
    if (id[i] < '0' || id[i] > '9') return false;
  std::string date = std::string(id.substr(6, 4)) + "-" + std::string(id.substr(10, 2)) + "-" +
                     std::string(id.substr(12, 2));
  if (!parse_start(date)) return false;
  return id[17] == national_id_check(id.substr(0, 17));
}

}  // namespace socred::world
