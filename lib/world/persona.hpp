// Personas: the hidden character of each person, with its share of the
// population, the rates at which it leaves each kind of trace, which
// platforms it uses, and how it spends, plays, posts, drives and repays.
// man/gen-events.1 documents every number here; change both together.
#pragma once

#include <cstdint>
#include <string_view>

#include "world/vocabulary.hpp"

namespace socred::world {

// clang-format off
enum Category : std::uint8_t {
  kGroceries, kElectronics, kClothing, kAlcohol, kBaby, kBooks, kLuxury, kGames, kCategoryCount
};
// clang-format on

struct CategoryInfo {
  std::string_view name;
  double log_mean;  // mu of ln(amount in CNY)
  double log_sd;    // sigma of ln(amount)
  double imported;  // share of imported goods
  std::string_view items[6];
};

constexpr std::uint32_t kTopicCount = 8;
constexpr std::string_view kTopics[kTopicCount] = {"government",    "economy", "sports", "family",
                                                   "entertainment", "food",    "travel", "health"};

struct Persona {
  std::string_view name;
  double share;                     // of the population
  double rate[kKindCount];          // events per day at activity 1
  double adoption[kPlatformCount];  // P(at least one account)
  double extra_accounts;            // factor on --multi-account
  double category[kCategoryCount];  // purchase category weights
  double spend;                     // factor on purchase amounts
  double game_hours_log_mean;       // ln hours
  double stance[3];                 // critical, neutral, supportive
  double topic[kTopicCount];
  double stars_given[5];  // weights of 1..5 stars
  double stars_received[5];
  double late;                // P(a loan repayment is late)
  double days_late_log_mean;  // ln days
  double fine_paid;           // P(a fine is paid)
  double defendant;           // P(role is defendant in a lawsuit)
};

constexpr std::uint32_t kPersonaCount = 8;
const Persona& persona(std::uint32_t i);
const CategoryInfo& category(std::uint32_t i);
/// Cumulative persona shares, for Rng::pick.
const double* persona_cumulative();
int persona_index(std::string_view name);

/// Activity multiplier: log-normal, median 1, sigma kActivitySigma; its mean
/// is exp(sigma^2 / 2).
constexpr double kActivitySigma = 1.3;
constexpr double kGameHoursLogSd = 0.6;
constexpr double kDaysLateLogSd = 1.0;
constexpr double kLoanLogMean = 7.31;  // ln 1500 CNY
constexpr double kLoanLogSd = 0.8;
constexpr double kJudgmentLogMean = 9.90;  // ln 20000 CNY
constexpr double kUnpaidLogMean = 10.31;   // ln 30000 CNY
constexpr double kCourtLogSd = 1.1;
constexpr double kRedLightElsewhere = 0.1;  // share of red lights in another city
constexpr double kFestivalFactor = 3.0;     // purchases on 06-18 and 11-11
constexpr int kFineAmounts[6] = {50, 100, 200, 500, 1000, 2000};
constexpr double kFineWeights[6] = {10, 35, 25, 15, 10, 5};

/// Weight of each local (UTC+8) hour for a kind of event, and the factor of
/// each weekday (Monday first; the seven average 1).
const double* hour_weights(Kind k);
double weekday_factor(Kind k, int weekday);

}  // namespace socred::world
