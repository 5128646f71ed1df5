// Parsing of "i/N" for --partition.
#include "join/partition.hpp"

#include <fmt/format.h>

#include <charconv>

#include "io/error.hpp"

namespace socred::join {

Partition Partition::parse(std::string_view text) {
  auto fail = [&] {
    throw Error(kExitUsage,
                fmt::format("--partition '{}': expected i/N with 1 <= i <= N, such as 1/4", text));
  };
  std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) fail();
  Partition p;
  auto parse_part = [&](std::string_view digits, std::uint64_t& out) {
    auto end = digits.data() + digits.size();
    auto [ptr, ec] = std::from_chars(digits.data(), end, out);
    if (digits.empty() || ec != std::errc() || ptr != end) fail();
  };
  parse_part(text.substr(0, slash), p.index_);
  parse_part(text.substr(slash + 1), p.count_);
  if (p.count_ == 0 || p.index_ == 0 || p.index_ > p.count_) fail();
  return p;
}

}  // namespace socred::join
