// Opening, spooling, cutting and reading back the tail of inputs.
#include "io/chunked_input.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "io/error.hpp"

namespace socred::io {
namespace {

// Copies a stream to an unlinked temporary file: a run that reads its input
// twice (score's fades need the newest event's time before the first event
// is scored) cannot read a pipe again. Disk, not memory, grows with it.
int spool(const InputFile& in) {
  // The spool holds the decoded bytes: a compressed stream is decompressed
  // once, and the passes read it as a plain file.
  auto source = decoded(fd_source(in.fd, false, in.name), in.name);
  std::uint64_t lines = 0;  // for the place of a decoding error
  const char* dir = std::getenv("TMPDIR");
  std::string pattern = std::string(dir != nullptr && *dir != 0 ? dir : "/tmp") + "/socred.XXXXXX";
  int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
  if (fd < 0)
    throw Error(kExitIo, std::string("cannot spool ") + in.name + ": " + std::strerror(errno),
                pattern);
  ::unlink(pattern.c_str());
  try {
    std::unique_ptr<char[]> buf(new char[1 << 20]);
    for (;;) {
      ssize_t n = 0;
      try {
        n = static_cast<ssize_t>(source->read(buf.get(), 1 << 20));
      } catch (const Error& e) {
        if (e.status() != kExitData || !e.file().empty()) throw;
        throw Error(kExitData, e.what(), in.name, lines + 1);
      }
      if (n == 0) break;
      for (ssize_t i = 0; i < n;) {
        const void* nl = std::memchr(buf.get() + i, '\n', static_cast<std::size_t>(n - i));
        if (nl == nullptr) break;
        ++lines;
        i = static_cast<const char*>(nl) - buf.get() + 1;
      }
      for (ssize_t done = 0; done < n;) {
        ssize_t w = ::write(fd, buf.get() + done, static_cast<std::size_t>(n - done));
        if (w < 0 && errno == EINTR) continue;
        if (w < 0)
          throw Error(kExitIo, std::string("cannot spool ") + in.name + ": " + std::strerror(errno),
                      pattern);
        done += w;
      }
    }
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::lseek(fd, 0, SEEK_SET);
  return fd;
}

// A regular file's first bytes say whether it can be cut into byte ranges
// (a compressed one is read as one stream).
bool plain(const InputFile& in) {
  char head[4];
  ssize_t n = ::pread(in.fd, head, sizeof head, 0);
  return n <= 0 || sniff(std::string_view(head, static_cast<std::size_t>(n))) == Encoding::plain;
}

}  // namespace

ChunkedInput::ChunkedInput(const std::vector<std::string>& paths, bool spool_streams) {
  std::vector<std::string> all = paths;
  if (all.empty()) all.push_back("-");
  try {
    for (const auto& path : all) {
      Opened in;
      in.file = open_input(path);
      inputs_.push_back(in);
      if (in.file.regular && plain(in.file)) {
        inputs_.back().seekable = true;
      } else if (spool_streams) {
        int fd = spool(in.file);
        if (in.file.owned) ::close(in.file.fd);
        Opened& spooled = inputs_.back();
        spooled.file.fd = fd;
        spooled.file.owned = true;
        struct stat st;
        ::fstat(fd, &st);
        spooled.file.size = static_cast<std::uint64_t>(st.st_size);
        spooled.seekable = true;
      }
    }
  } catch (...) {
    for (auto& in : inputs_)
      if (in.file.owned) ::close(in.file.fd);
    throw;
  }
}

ChunkedInput::~ChunkedInput() {
  for (auto& in : inputs_)
    if (in.file.owned) ::close(in.file.fd);
}

void ChunkedInput::cite_as(const std::string& name, std::uint64_t first_line) {
  if (inputs_.size() != 1)
    throw Error(kExitUsage, "--input-name and --first-line need exactly one input");
  if (!name.empty()) inputs_[0].file.name = name;
  if (first_line > 0) inputs_[0].lines_before = first_line - 1;
}

std::uint64_t ChunkedInput::next_line_start(const Opened& in, std::uint64_t at) const {
  if (at == 0) return 0;
  char buf[1 << 16];
  for (std::uint64_t pos = at - 1; pos < in.file.size;) {
    ssize_t n = ::pread(in.file.fd, buf, sizeof buf, static_cast<off_t>(pos));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0)
      throw Error(kExitIo, std::string("read error: ") + std::strerror(errno), in.file.name);
    if (n == 0) break;
    const void* nl = std::memchr(buf, '\n', static_cast<std::size_t>(n));
    if (nl != nullptr)
      return pos + static_cast<std::uint64_t>(static_cast<const char*>(nl) - buf) + 1;
    pos += static_cast<std::uint64_t>(n);
  }
  return in.file.size;
}

std::vector<Chunk> ChunkedInput::plan(unsigned parts, std::uint64_t min_bytes) const {
  std::uint64_t total = 0;
  for (const auto& in : inputs_)
    if (in.seekable) total += in.file.size;
  std::uint64_t target = parts > 0 ? total / parts : total;
  if (target < min_bytes) target = min_bytes;
  if (target == 0) target = 1;
  std::vector<Chunk> chunks;
  for (std::uint32_t i = 0; i < inputs_.size(); ++i) {
    const Opened& in = inputs_[i];
    if (!in.seekable) {
      chunks.push_back(Chunk{i, 0, UINT64_MAX});
      continue;
    }
    const std::uint64_t size = in.file.size;
    std::uint64_t n = (size + target / 2) / target;
    if (n == 0) n = 1;
    std::uint64_t begin = 0;
    for (std::uint64_t k = 1; k <= n; ++k) {
      std::uint64_t end = k == n ? size : next_line_start(in, size / n * k);
      if (end <= begin && k < n) continue;  // one long line spans this cut
      chunks.push_back(Chunk{i, begin, end});
      begin = end;
      if (begin == size) break;
    }
  }
  return chunks;
}

std::unique_ptr<LineReader> ChunkedInput::open(const Chunk& chunk) const {
  return open(chunk, first_line(chunk));
}

std::uint64_t ChunkedInput::first_line(const Chunk& chunk) const {
  return chunk.begin == 0 ? inputs_[chunk.input].lines_before + 1 : 1;
}

std::unique_ptr<LineReader> ChunkedInput::open(const Chunk& chunk, std::uint64_t first_line) const {
  const Opened& in = inputs_[chunk.input];
  if (!in.seekable)  // a stream, or a compressed file: read once, decoded
    return std::make_unique<LineReader>(
        decoded(fd_source(in.file.fd, false, in.file.name), in.file.name), in.file.name,
        first_line);
  // A fresh open file description per chunk: each thread needs its own
  // offset, which dup() would share.
  std::string proc = "/proc/self/fd/" + std::to_string(in.file.fd);
  int fd = ::open(proc.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error(kExitIo, std::strerror(errno), in.file.name);
  if (::lseek(fd, static_cast<off_t>(chunk.begin), SEEK_SET) < 0) {
    ::close(fd);
    throw Error(kExitIo, std::strerror(errno), in.file.name);
  }
#ifdef POSIX_FADV_SEQUENTIAL
  ::posix_fadvise(fd, static_cast<off_t>(chunk.begin), static_cast<off_t>(chunk.end - chunk.begin),
                  POSIX_FADV_SEQUENTIAL);
#endif
  return std::make_unique<LineReader>(fd_source(fd, true, in.file.name, chunk.end - chunk.begin),
                                      in.file.name, first_line, chunk.begin == 0);
}

std::unique_ptr<RecordReader> ChunkedInput::sequential(RejectSink& rejects,
                                                       LineStats& stats) const {
  std::vector<std::unique_ptr<LineReader>> readers;
  for (std::uint32_t i = 0; i < inputs_.size(); ++i) {
    const Opened& in = inputs_[i];
    Chunk whole{i, 0, in.seekable ? in.file.size : UINT64_MAX};
    readers.push_back(open(whole, in.lines_before + 1));
  }
  return std::make_unique<RecordReader>(std::move(readers), rejects, stats);
}

std::string ChunkedInput::tail(std::uint32_t input, std::size_t max_bytes, bool& whole) const {
  const Opened& in = inputs_[input];
  whole = false;
  if (!in.seekable || in.file.size == 0) return {};
  std::uint64_t len = in.file.size < max_bytes ? in.file.size : max_bytes;
  std::string text(len, '\0');
  ssize_t n = ::pread(in.file.fd, text.data(), len, static_cast<off_t>(in.file.size - len));
  if (n <= 0) return {};
  text.resize(static_cast<std::size_t>(n));
  whole = len == in.file.size;
  return text;
}

}  // namespace socred::io
