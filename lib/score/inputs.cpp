// Opening, spooling, cutting and peeking at score's inputs.
#include "score/inputs.hpp"

#include <fcntl.h>
#include <simdjson.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "io/error.hpp"
#include "io/json_path.hpp"
#include "io/standard_streams.hpp"
#include "rules/time.hpp"

namespace socred::score {
namespace {

// Copies standard input to an unlinked temporary file: fades need the
// newest event's time before the first event is scored, and a pipe can be
// read only once. Disk, not memory, grows with the input.
int spool_stdin() {
  const char* dir = std::getenv("TMPDIR");
  std::string pattern = std::string(dir != nullptr && *dir != 0 ? dir : "/tmp") + "/score.XXXXXX";
  int fd = ::mkstemp(pattern.data());
  if (fd < 0)
    throw Error(kExitIo, std::string("cannot spool standard input: ") + std::strerror(errno),
                pattern);
  ::unlink(pattern.c_str());
  std::unique_ptr<char[]> buf(new char[1 << 20]);
  for (;;) {
    ssize_t n = ::read(0, buf.get(), 1 << 20);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw Error(kExitIo, std::string("read error: ") + std::strerror(errno), "<stdin>");
    if (n == 0) break;
    for (ssize_t done = 0; done < n;) {
      ssize_t w = ::write(fd, buf.get() + done, static_cast<std::size_t>(n - done));
      if (w < 0 && errno == EINTR) continue;
      if (w < 0)
        throw Error(kExitIo, std::string("cannot spool standard input: ") + std::strerror(errno),
                    pattern);
      done += w;
    }
  }
  ::lseek(fd, 0, SEEK_SET);
  return fd;
}

}  // namespace

Inputs::Inputs(const std::vector<std::string>& paths, bool spool) {
  std::vector<std::string> all = paths;
  if (all.empty()) all.push_back("-");
  bool stdin_taken = false;
  try {
    for (const auto& path : all) {
      Input in;
      bool owned = true;
      if (path == "-") {
        io::check_standard_input();
        in.name = "<stdin>";
        in.fd = 0;
        owned = false;
      } else {
        in.name = path;
        in.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (in.fd < 0) throw Error(kExitNoInput, std::strerror(errno), path);
      }
      struct stat st;
      if (::fstat(in.fd, &st) != 0) throw Error(kExitNoInput, std::strerror(errno), in.name);
      if (S_ISDIR(st.st_mode)) {
        if (owned) ::close(in.fd);
        throw Error(kExitNoInput, "Is a directory", in.name);
      }
      if (S_ISREG(st.st_mode) && ::lseek(in.fd, 0, SEEK_CUR) == 0) {
        in.seekable = true;
        in.size = static_cast<std::uint64_t>(st.st_size);
      } else if (path == "-" && spool && !stdin_taken) {
        in.fd = spool_stdin();
        in.seekable = true;
        struct stat spooled;
        ::fstat(in.fd, &spooled);
        in.size = static_cast<std::uint64_t>(spooled.st_size);
      }
      if (path == "-") stdin_taken = true;
      in.owned = owned || in.fd != 0;  // standard input itself is never closed here
      inputs_.push_back(in);
    }
  } catch (...) {
    for (auto& in : inputs_)
      if (in.owned) ::close(in.fd);
    throw;
  }
}

Inputs::~Inputs() {
  for (auto& in : inputs_)
    if (in.owned) ::close(in.fd);
}

void Inputs::cite_as(const std::string& name, std::uint64_t first_line) {
  if (inputs_.size() != 1)
    throw Error(kExitUsage, "--input-name and --first-line need exactly one input");
  if (!name.empty()) inputs_[0].name = name;
  if (first_line > 0) inputs_[0].lines_before = first_line - 1;
}

bool Inputs::all_seekable() const {
  for (const auto& in : inputs_)
    if (!in.seekable) return false;
  return true;
}

std::uint64_t Inputs::next_line_start(const Input& in, std::uint64_t at) const {
  if (at == 0) return 0;
  char buf[1 << 16];
  for (std::uint64_t pos = at - 1; pos < in.size;) {
    ssize_t n = ::pread(in.fd, buf, sizeof buf, static_cast<off_t>(pos));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw Error(kExitIo, std::string("read error: ") + std::strerror(errno), in.name);
    if (n == 0) break;
    const void* nl = std::memchr(buf, '\n', static_cast<std::size_t>(n));
    if (nl != nullptr)
      return pos + static_cast<std::uint64_t>(static_cast<const char*>(nl) - buf) + 1;
    pos += static_cast<std::uint64_t>(n);
  }
  return in.size;
}

std::vector<Chunk> Inputs::plan(unsigned parts, std::uint64_t min_bytes) const {
  std::uint64_t total = 0;
  for (const auto& in : inputs_)
    if (in.seekable) total += in.size;
  std::uint64_t target = parts > 0 ? total / parts : total;
  if (target < min_bytes) target = min_bytes;
  if (target == 0) target = 1;
  std::vector<Chunk> chunks;
  for (std::uint32_t i = 0; i < inputs_.size(); ++i) {
    const Input& in = inputs_[i];
    if (!in.seekable) {
      chunks.push_back(Chunk{i, 0, UINT64_MAX});
      continue;
    }
    std::uint64_t n = (in.size + target / 2) / target;
    if (n == 0) n = 1;
    std::uint64_t begin = 0;
    for (std::uint64_t k = 1; k <= n; ++k) {
      std::uint64_t end = k == n ? in.size : next_line_start(in, in.size / n * k);
      if (end <= begin && k < n) continue;  // one long line spans this cut
      chunks.push_back(Chunk{i, begin, end});
      begin = end;
      if (begin == in.size) break;
    }
  }
  return chunks;
}

std::unique_ptr<io::LineReader> Inputs::open(const Chunk& chunk) const {
  const Input& in = inputs_[chunk.input];
  if (!in.seekable) return std::make_unique<io::LineReader>(in.fd, in.name, false);
  // A fresh open file description per chunk: each thread needs its own
  // offset, which dup() would share.
  std::string proc = "/proc/self/fd/" + std::to_string(in.fd);
  int fd = ::open(proc.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error(kExitIo, std::strerror(errno), in.name);
  if (::lseek(fd, static_cast<off_t>(chunk.begin), SEEK_SET) < 0) {
    ::close(fd);
    throw Error(kExitIo, std::strerror(errno), in.name);
  }
#ifdef POSIX_FADV_SEQUENTIAL
  ::posix_fadvise(fd, static_cast<off_t>(chunk.begin), static_cast<off_t>(chunk.end - chunk.begin),
                  POSIX_FADV_SEQUENTIAL);
#endif
  return std::make_unique<io::LineReader>(fd, in.name, true, chunk.end - chunk.begin,
                                          chunk.begin == 0 ? 1 : 2);
}

std::optional<std::int64_t> Inputs::last_ts_guess(const std::string& ts_field) const {
  std::optional<std::int64_t> best;
  simdjson::dom::parser parser;
  for (const auto& in : inputs_) {
    if (!in.seekable || in.size == 0) continue;
    // The last 256 KiB hold the last line of any ordinary event file; a
    // longer last line just means no guess (the caller then checks anyway).
    std::uint64_t len = in.size < (1u << 18) ? in.size : (1u << 18);
    std::string tail(len, '\0');
    ssize_t n = ::pread(in.fd, tail.data(), len, static_cast<off_t>(in.size - len));
    if (n <= 0) continue;
    tail.resize(static_cast<std::size_t>(n));
    std::size_t end = tail.size();
    while (end > 0) {
      std::size_t start = tail.rfind('\n', end - 1);
      start = start == std::string::npos ? 0 : start + 1;
      if (start == 0 && len < in.size) break;  // a cut line: not a whole one
      std::string_view text(tail.data() + start, end - start);
      if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
      simdjson::dom::element root;
      simdjson::dom::object obj;
      if (parser.parse(text.data(), text.size()).get(root) == simdjson::SUCCESS &&
          root.get(obj) == simdjson::SUCCESS) {
        auto ts = io::last_field(obj, ts_field);
        std::string_view s;
        if (ts && ts->get(s) == simdjson::SUCCESS) {
          if (auto t = rules::parse_time(s); t && (!best || *t > *best)) best = t;
        }
        break;
      }
      if (start == 0) break;
      end = start - 1;
    }
  }
  return best;
}

}  // namespace socred::score
