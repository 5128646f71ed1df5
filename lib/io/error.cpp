// Formatting of Error's place, shared by the runner and the tests.
#include "io/error.hpp"

#include <fmt/format.h>

namespace socred {

std::string Error::located() const {
  if (file_.empty()) return what();
  if (line_ == 0) return fmt::format("{}: {}", file_, what());
  if (column_ == 0) return fmt::format("{}:{}: {}", file_, line_, what());
  return fmt::format("{}:{}:{}: {}", file_, line_, column_, what());
}

}  // namespace socred
