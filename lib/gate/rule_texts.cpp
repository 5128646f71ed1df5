// Rule names in words are made once and kept, so that a reason can point
// at them for the whole run.
#include "gate/rule_texts.hpp"

#include <algorithm>

namespace socred::gate {

std::string in_words(std::string_view name) {
  std::string words(name);
  std::replace(words.begin(), words.end(), '_', ' ');
  return words;
}

void RuleTexts::add(std::string rule, std::string text) {
  rules_[std::move(rule)] = std::move(text);
}

std::string_view RuleTexts::text(std::string_view rule) const {
  if (auto it = rules_.find(rule); it != rules_.end()) return it->second;
  auto it = words_.find(rule);
  if (it == words_.end()) it = words_.emplace(std::string(rule), in_words(rule)).first;
  return it->second;
}

}  // namespace socred::gate
