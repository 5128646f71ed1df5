// The reason text of each rule of the rule set (--rules): what a person
// denied is told about a rule that lowered the score.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace socred::gate {

/// A rule not listed reads as its name in words.
class RuleTexts {
 public:
  void add(std::string rule, std::string text);
  /// Valid as long as this object (names in words are kept once made).
  std::string_view text(std::string_view rule) const;

 private:
  std::map<std::string, std::string, std::less<>> rules_;
  mutable std::map<std::string, std::string, std::less<>> words_;
};

/// "late_repayment" -> "late repayment".
std::string in_words(std::string_view name);

}  // namespace socred::gate
