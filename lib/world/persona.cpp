// Persona, category and rhythm tables. Rates are events per person-day for a
// person of median activity (1.0) who has an account on the platform; the
// private kinds that scale with activity average exp(1.3^2 / 2) = 2.33 times
// that over the population.
#include "world/persona.hpp"

#include <array>

namespace socred::world {

namespace {

// clang-format off
constexpr CategoryInfo kCategories[kCategoryCount] = {
    {"groceries", 4.09, 0.6, 0.08, {"rice", "cooking oil", "vegetables", "pork", "milk", "eggs"}},
    {"electronics", 7.09, 0.9, 0.35,
     {"phone", "earphones", "laptop", "charger", "smart watch", "television"}},
    {"clothing", 5.39, 0.7, 0.20, {"jacket", "shoes", "dress", "t-shirt", "jeans", "coat"}},
    {"alcohol", 5.01, 0.8, 0.30, {"baijiu", "beer", "wine", "huangjiu", "whisky", "maotai"}},
    {"baby", 5.19, 0.6, 0.40,
     {"infant formula", "diapers", "stroller", "baby clothes", "toys", "baby food"}},
    {"books", 3.81, 0.4, 0.05,
     {"novel", "textbook", "history book", "comic", "cookbook", "exam guide"}},
    {"luxury", 8.29, 0.7, 0.80, {"handbag", "watch", "perfume", "jewellery", "sunglasses", "scarf"}},
    {"games", 4.22, 0.8, 0.30,
     {"game credits", "skin", "battle pass", "console game", "controller", "gift pack"}},
};

//  kinds: purchase game post given received loan red_light fine lawsuit judgment unpaid
constexpr Persona kPersonas[kPersonaCount] = {
    {"ordinary", 0.25,
     {1.0, 0.3, 0.5, 0.2, 0.2, 0.033, 0.002, 0.0015, 0.0003, 0.0002, 0.00005},
     {0.85, 0.45, 0.75, 0.60, 0.30}, 1.0,
     {40, 8, 15, 6, 8, 8, 2, 5}, 1.0, 0.18,
     {0.10, 0.70, 0.20}, {6, 8, 15, 20, 25, 12, 8, 6},
     {2, 2, 6, 20, 70}, {1, 2, 5, 22, 70},
     0.04, 1.6, 0.92, 0.5},
    {"model_citizen", 0.20,
     {0.9, 0.1, 0.4, 0.3, 0.3, 0.033, 0.0003, 0.0002, 0.0001, 0.00005, 0.0},
     {0.85, 0.25, 0.70, 0.65, 0.35}, 0.5,
     {40, 6, 12, 2, 12, 18, 1, 2}, 1.0, 0.0,
     {0.02, 0.48, 0.50}, {15, 10, 10, 25, 15, 10, 8, 7},
     {1, 1, 3, 15, 80}, {0, 1, 3, 16, 80},
     0.005, 0.7, 0.99, 0.3},
    {"thrifty", 0.14,
     {0.5, 0.1, 0.3, 0.1, 0.1, 0.033, 0.001, 0.0005, 0.0002, 0.0001, 0.00003},
     {0.75, 0.20, 0.60, 0.35, 0.15}, 1.0,
     {60, 3, 10, 3, 10, 8, 0.2, 2}, 0.6, 0.0,
     {0.10, 0.75, 0.15}, {6, 15, 10, 25, 15, 20, 3, 6},
     {3, 3, 8, 22, 64}, {1, 2, 5, 22, 70},
     0.01, 1.0, 0.97, 0.5},
    {"gamer", 0.12,
     {0.8, 2.5, 0.6, 0.15, 0.15, 0.033, 0.002, 0.001, 0.0002, 0.0001, 0.00005},
     {0.85, 0.99, 0.80, 0.50, 0.30}, 3.0,
     {25, 20, 8, 8, 2, 3, 2, 32}, 1.0, 0.92,
     {0.12, 0.68, 0.20}, {4, 4, 20, 8, 45, 8, 5, 6},
     {4, 3, 8, 20, 65}, {2, 3, 8, 22, 65},
     0.06, 1.6, 0.90, 0.5},
    {"critic", 0.08,
     {0.8, 0.3, 2.0, 0.25, 0.25, 0.033, 0.002, 0.001, 0.0008, 0.0004, 0.0001},
     {0.80, 0.40, 0.99, 0.60, 0.30}, 1.5,
     {35, 8, 12, 6, 6, 25, 2, 4}, 1.0, 0.18,
     {0.55, 0.35, 0.10}, {35, 25, 5, 8, 8, 5, 4, 10},
     {5, 4, 10, 25, 56}, {2, 3, 8, 22, 65},
     0.04, 1.6, 0.90, 0.4},
    {"shopaholic", 0.08,
     {3.0, 0.3, 0.6, 0.4, 0.4, 0.05, 0.002, 0.001, 0.0003, 0.0002, 0.0001},
     {0.99, 0.45, 0.80, 0.75, 0.60}, 1.5,
     {25, 15, 25, 6, 5, 3, 15, 4}, 1.6, 0.18,
     {0.08, 0.62, 0.30}, {3, 10, 8, 15, 35, 15, 10, 4},
     {2, 2, 6, 20, 70}, {1, 2, 5, 22, 70},
     0.08, 1.6, 0.92, 0.5},
    {"scofflaw", 0.07,
     {1.0, 0.4, 0.5, 0.3, 0.3, 0.033, 0.02, 0.012, 0.001, 0.0008, 0.0005},
     {0.85, 0.55, 0.70, 0.70, 0.40}, 2.0,
     {35, 10, 12, 25, 4, 2, 4, 8}, 1.0, 0.41,
     {0.15, 0.70, 0.15}, {8, 8, 20, 10, 35, 10, 5, 4},
     {10, 8, 12, 25, 45}, {10, 10, 15, 25, 40},
     0.12, 2.0, 0.55, 0.7},
    {"debtor", 0.06,
     {1.2, 0.4, 0.5, 0.25, 0.25, 0.1, 0.003, 0.002, 0.003, 0.003, 0.002},
     {0.90, 0.50, 0.75, 0.60, 0.98}, 1.5,
     {35, 12, 15, 12, 6, 2, 8, 6}, 1.2, 0.18,
     {0.15, 0.70, 0.15}, {10, 20, 10, 20, 20, 10, 4, 6},
     {3, 3, 8, 22, 64}, {2, 3, 8, 22, 65},
     0.40, 2.5, 0.60, 0.85},
};

// Local-time (UTC+8) hour weights per kind, 00 to 23.
constexpr double kHourShop[24] = {1, 0.5, 0.3, 0.2, 0.2, 0.3, 0.8, 1.5, 2, 2.5, 3, 3.5,
                                  4, 3.5, 3, 3, 3, 3.5, 4, 5, 6, 6.5, 5, 2.5};
constexpr double kHourGame[24] = {3, 2, 1, 0.5, 0.3, 0.3, 0.3, 0.5, 0.8, 1, 1.2, 1.5,
                                  2, 2, 1.8, 1.8, 2, 2.5, 3.5, 5, 6.5, 7, 6, 4.5};
constexpr double kHourPost[24] = {1.5, 0.8, 0.4, 0.2, 0.2, 0.4, 1, 2, 3, 3, 3, 3.5,
                                  4, 3, 2.5, 2.5, 2.5, 3, 3.5, 4.5, 5, 5, 4, 2.5};
constexpr double kHourRide[24] = {0.5, 0.3, 0.2, 0.1, 0.1, 0.3, 1, 4, 6, 3, 2, 2,
                                  2.5, 2, 2, 2, 2.5, 4, 6, 4, 3, 2.5, 2, 1};
constexpr double kHourLoan[24] = {0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1, 3, 4, 4, 3.5,
                                  2, 3, 3.5, 3, 2.5, 2, 1.5, 1, 0.8, 0.6, 0.3, 0.2};
constexpr double kHourTraffic[24] = {0.3, 0.2, 0.1, 0.1, 0.1, 0.3, 1, 4, 5, 3, 2, 2,
                                     2, 2, 2, 2, 3, 5, 5, 3, 2, 1.5, 1, 0.5};
// clang-format on
constexpr double kHourCourt[24] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 4, 4,
                                   2, 1, 3, 4, 4, 2, 0, 0, 0, 0, 0, 0};

// Weekday factors, Monday first, before normalising to a mean of 1.
constexpr double kWeekShop[7] = {1, 1, 1, 1, 1.1, 1.4, 1.3};
constexpr double kWeekGame[7] = {0.9, 0.9, 0.9, 0.9, 1.1, 1.5, 1.4};
constexpr double kWeekPost[7] = {1, 1, 1, 1, 1, 1.1, 1.1};
constexpr double kWeekRide[7] = {1.1, 1.1, 1.1, 1.1, 1.2, 0.8, 0.7};
constexpr double kWeekLoan[7] = {1, 1, 1, 1, 1, 0.6, 0.6};
constexpr double kWeekPolice[7] = {1, 1, 1, 1, 1.1, 1, 0.9};
constexpr double kWeekCourt[7] = {1, 1, 1, 1, 1, 0, 0};

const double* hour_table(Kind k) {
  switch (k) {
    case kPurchase:
      return kHourShop;
    case kGameSession:
      return kHourGame;
    case kPost:
      return kHourPost;
    case kRatingGiven:
    case kRatingReceived:
      return kHourRide;
    case kLoanRepayment:
      return kHourLoan;
    case kRedLight:
    case kFine:
      return kHourTraffic;
    default:
      return kHourCourt;
  }
}

const double* week_table(Kind k) {
  switch (k) {
    case kPurchase:
      return kWeekShop;
    case kGameSession:
      return kWeekGame;
    case kPost:
      return kWeekPost;
    case kRatingGiven:
    case kRatingReceived:
      return kWeekRide;
    case kLoanRepayment:
      return kWeekLoan;
    case kRedLight:
    case kFine:
      return kWeekPolice;
    default:
      return kWeekCourt;
  }
}

struct Tables {
  std::array<double, kPersonaCount> personas{};
  std::array<std::array<double, 7>, kKindCount> week{};
  Tables() {
    double sum = 0;
    for (std::uint32_t i = 0; i < kPersonaCount; ++i) personas[i] = sum += kPersonas[i].share;
    for (std::uint32_t k = 0; k < kKindCount; ++k) {
      const double* w = week_table(static_cast<Kind>(k));
      double total = 0;
      for (int d = 0; d < 7; ++d) total += w[d];
      for (int d = 0; d < 7; ++d) week[k][static_cast<std::size_t>(d)] = w[d] * 7.0 / total;
    }
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}

}  // namespace

const Persona& persona(std::uint32_t i) { return kPersonas[i]; }
const CategoryInfo& category(std::uint32_t i) { return kCategories[i]; }
const double* persona_cumulative() { return tables().personas.data(); }

int persona_index(std::string_view name) {
  for (std::uint32_t i = 0; i < kPersonaCount; ++i)
    if (kPersonas[i].name == name) return static_cast<int>(i);
  return -1;
}

const double* hour_weights(Kind k) { return hour_table(k); }

double weekday_factor(Kind k, int weekday) {
  return tables().week[k][static_cast<std::size_t>(weekday)];
}

}  // namespace socred::world
