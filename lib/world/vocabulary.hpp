// The event vocabulary every tool is written against (man/socred-formats.5):
// platforms, and the kinds of events with their `source` and `type` names.
#pragma once

#include <cstdint>
#include <string_view>

namespace socred::world {

enum Platform : std::uint8_t { kShop, kGame, kSocial, kRide, kMarket, kPlatformCount };

constexpr std::string_view kPlatformNames[kPlatformCount] = {"shop", "game", "social", "ride",
                                                             "market"};

enum Kind : std::uint8_t {
  kPurchase,
  kGameSession,
  kPost,
  kRatingGiven,
  kRatingReceived,
  kLoanRepayment,
  kRedLight,
  kFine,
  kLawsuit,
  kJudgment,
  kUnpaidJudgment,
  kKindCount
};

struct KindInfo {
  std::string_view source;
  std::string_view type;
  int platform;               // -1: a public record, keyed by national id
  bool scales_with_activity;  // private activity follows the person's multiplier
};

constexpr KindInfo kKinds[kKindCount] = {
    {"shop", "purchase", kShop, true},       {"game", "game_session", kGame, true},
    {"social", "post", kSocial, true},       {"ride", "rating", kRide, true},
    {"ride", "rating", kRide, true},         {"market", "loan_repayment", kMarket, false},
    {"police", "red_light", -1, false},      {"police", "fine", -1, false},
    {"court", "lawsuit", -1, false},         {"court", "judgment", -1, false},
    {"court", "unpaid_judgment", -1, false},
};

}  // namespace socred::world
