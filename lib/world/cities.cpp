// City table. Populations are rounded urban figures (2020 census order of
// magnitude); districts are real county-level codes of each city.
#include "world/cities.hpp"

#include <array>

namespace socred::world {

namespace {

constexpr City kCities[] = {
    {"Shanghai", 24.9, {310101, 310104, 310105, 310115}, 0.0},
    {"Beijing", 21.9, {110101, 110102, 110105, 110108}, 0.0},
    {"Guangzhou", 18.7, {440103, 440104, 440106, 0}, 0.0},
    {"Shenzhen", 17.6, {440303, 440304, 440305, 0}, 0.0},
    {"Chengdu", 16.0, {510104, 510105, 510107, 0}, 0.0},
    {"Chongqing", 16.0, {500103, 500106, 500112, 0}, 0.0},
    {"Tianjin", 13.9, {120101, 120103, 120104, 0}, 0.0},
    {"Xi'an", 12.9, {610102, 610103, 610104, 0}, 0.0},
    {"Suzhou", 12.7, {320505, 320508, 0, 0}, 0.0},
    {"Zhengzhou", 12.6, {410102, 410103, 410105, 0}, 0.0},
    {"Wuhan", 12.3, {420102, 420103, 420106, 0}, 0.0},
    {"Hangzhou", 12.2, {330102, 330105, 330106, 0}, 0.0},
    {"Qingdao", 10.1, {370202, 370203, 0, 0}, 0.0},
    {"Changsha", 10.0, {430102, 430103, 430104, 0}, 0.0},
    {"Harbin", 10.0, {230102, 230103, 0, 0}, 0.0},
    {"Nanjing", 9.3, {320102, 320104, 320106, 0}, 0.0},
    {"Shenyang", 9.1, {210102, 210103, 0, 0}, 0.0},
    {"Kunming", 8.5, {530102, 530103, 0, 0}, 0.0},
    {"Guiyang", 6.0, {520102, 520103, 0, 0}, 0.0},
    {"Xiamen", 5.3, {350203, 350206, 0, 0}, 0.0},
    {"Lanzhou", 4.4, {620102, 620103, 0, 0}, 0.0},
    {"Urumqi", 4.1, {650102, 650103, 650104, 0}, 0.25},
    {"Hohhot", 3.4, {150102, 150103, 0, 0}, 0.0},
    {"Lhasa", 0.9, {540102, 0, 0, 0}, 0.0},
    {"Kashgar", 0.7, {653101, 0, 0, 0}, 0.9},
};

constexpr std::uint32_t kCount = sizeof(kCities) / sizeof(kCities[0]);

struct Cumulative {
  std::array<double, kCount> c{};
  Cumulative() {
    double sum = 0;
    for (std::uint32_t i = 0; i < kCount; ++i) c[i] = sum += kCities[i].weight;
  }
};

}  // namespace

const City* cities() { return kCities; }
std::uint32_t city_count() { return kCount; }

const double* city_cumulative() {
  static const Cumulative cumulative;
  return cumulative.c.data();
}

int city_index(std::string_view name) {
  for (std::uint32_t i = 0; i < kCount; ++i)
    if (kCities[i].name == name) return static_cast<int>(i);
  return -1;
}

}  // namespace socred::world
