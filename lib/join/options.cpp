// Option checking: everything that can be wrong with the command line is
// reported before the first line is read.
#include "join/options.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>

#include "io/error.hpp"
#include "io/threads.hpp"

namespace socred::join {
namespace {

struct HowMode {
  const char* name;
  bool pairs, left, right;
};

// Miller's --np/--ul/--ur and join(1)'s -a/-v, as one word each.
constexpr HowMode kHow[] = {
    {"inner", true, false, false},   {"left", true, true, false},
    {"right", true, false, true},    {"full", true, true, true},
    {"anti", false, true, false},    {"right-anti", false, false, true},
    {"unpaired", false, true, true},
};

std::uint64_t default_memory() {
  long pages = ::sysconf(_SC_PHYS_PAGES);
  long page = ::sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || page <= 0) return std::uint64_t{1} << 30;
  return static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page) / 2;
}

}  // namespace

std::vector<std::string> how_names() {
  std::vector<std::string> names;
  for (const auto& h : kHow) names.emplace_back(h.name);
  return names;
}

std::uint64_t parse_size(std::string_view text) {
  auto fail = [&] {
    throw Error(kExitUsage,
                fmt::format("--memory '{}': expected a size such as 512M, 2G or 100K", text));
  };
  std::uint64_t value = 0;
  auto end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ptr == text.data() || ec != std::errc()) fail();
  std::string_view unit(ptr, static_cast<std::size_t>(end - ptr));
  int shift = 0;
  if (unit == "" || unit == "B") {
    shift = 0;
  } else if (unit == "K" || unit == "k" || unit == "KiB") {
    shift = 10;
  } else if (unit == "M" || unit == "MiB") {
    shift = 20;
  } else if (unit == "G" || unit == "GiB") {
    shift = 30;
  } else if (unit == "T" || unit == "TiB") {
    shift = 40;
  } else {
    fail();
  }
  if (value == 0 || value > (UINT64_MAX >> shift)) fail();
  return value << shift;
}

Spec resolve(const Options& o, const io::InputOptions& io) {
  Spec spec;
  if (o.right.empty()) throw Error(kExitUsage, "--right FILE is required");
  if (o.on.empty()) throw Error(kExitUsage, "--on KEY is required");
  spec.right_path = o.right;
  if (o.right == "-") {
    bool left_stdin = io.inputs.empty();
    for (const auto& f : io.inputs) left_stdin = left_stdin || f == "-";
    if (left_stdin)
      throw Error(kExitUsage, "--right - reads standard input: name the left input as a file");
  }
  spec.keys = parse_on(o.on);
  bool known = false;
  for (const auto& h : kHow) {
    if (o.how != h.name) continue;
    known = true;
    spec.pairs = h.pairs;
    spec.left_unpaired = h.left;
    spec.right_unpaired = h.right;
  }
  if (!known) throw Error(kExitUsage, fmt::format("--how '{}': unknown join", o.how));
  if (!o.as.empty() && !o.prefix.empty())
    throw Error(kExitUsage, "--as and --prefix exclude each other: nest or merge, not both");
  if (!o.as.empty()) {
    spec.shape = Shape::kNest;
    spec.nest_name = o.as;
  }
  spec.prefix = o.prefix;
  spec.left_fields = o.left_fields;
  spec.right_fields = o.right_fields;
  spec.sorted = o.sorted;
  spec.memory = o.memory.empty() ? default_memory() : parse_size(o.memory);
  spec.tmpdir = o.tmpdir;
  if (spec.tmpdir.empty()) {
    const char* env = std::getenv("TMPDIR");
    spec.tmpdir = env != nullptr && *env != '\0' ? env : "/tmp";
  }
  if (!o.partition.empty()) spec.partition = Partition::parse(o.partition);
  spec.string_keys = o.string_keys;
  spec.threads = io::threads_or_default(o.threads);
  spec.strict = io.strict;
  spec.stats = io.stats;
  return spec;
}

}  // namespace socred::join
