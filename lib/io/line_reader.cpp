// Line splitting over read(2) with a buffer that grows only for long lines.
#include "io/line_reader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "io/error.hpp"
#include "io/standard_streams.hpp"

namespace socred::io {
namespace {

// 1 MiB: large enough to amortise read(2), small enough to stay in cache
// (PERF-NOTES: first touch of new memory is what costs on this machine).
constexpr std::size_t kInitialCapacity = std::size_t{1} << 20;

}  // namespace

LineReader::LineReader(int fd, std::string name, bool owns_fd, std::uint64_t length,
                       std::uint64_t first_line)
    : fd_(fd),
      name_(std::move(name)),
      owns_fd_(owns_fd),
      remaining_(length),
      line_number_(first_line - 1),
      buf_(new char[kInitialCapacity + kLinePadding]),
      capacity_(kInitialCapacity) {
  at_start_ = first_line == 1;
}

LineReader::~LineReader() {
  if (owns_fd_ && fd_ >= 0) ::close(fd_);
}

std::unique_ptr<LineReader> LineReader::open(const std::string& path) {
  if (path == "-") {
    check_standard_input();
    return std::make_unique<LineReader>(0, "<stdin>", false);
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error(kExitNoInput, std::strerror(errno), path);
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    throw Error(kExitNoInput, "Is a directory", path);
  }
#ifdef POSIX_FADV_SEQUENTIAL
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
  return std::make_unique<LineReader>(fd, path, true);
}

std::unique_ptr<LineReader> LineReader::from_string(std::string name, std::string_view text) {
  auto reader = std::make_unique<LineReader>(-1, std::move(name), false);
  reader->capacity_ = text.size();  // exactly the text: it never reads more
  reader->buf_.reset(new char[text.size() + kLinePadding]);
  std::memcpy(reader->buf_.get(), text.data(), text.size());
  reader->end_ = text.size();
  reader->eof_ = true;
  return reader;
}

bool LineReader::fill() {
  if (eof_) return false;
  if (begin_ > 0) {  // keep the partial line, drop what was handed out
    std::memmove(buf_.get(), buf_.get() + begin_, end_ - begin_);
    end_ -= begin_;
    scanned_ -= begin_;
    begin_ = 0;
  }
  if (end_ == capacity_) {  // one line fills the buffer: double it
    std::size_t grown = capacity_ * 2;
    std::unique_ptr<char[]> bigger(new char[grown + kLinePadding]);
    std::memcpy(bigger.get(), buf_.get(), end_);
    buf_ = std::move(bigger);
    capacity_ = grown;
  }
  std::size_t want = capacity_ - end_;
  if (remaining_ < want) want = static_cast<std::size_t>(remaining_);
  if (want == 0) {
    eof_ = true;
    return false;
  }
  for (;;) {
    ssize_t n = ::read(fd_, buf_.get() + end_, want);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw Error(kExitIo, std::string("read error: ") + std::strerror(errno), name_);
    if (n == 0) {
      eof_ = true;
      return false;
    }
    end_ += static_cast<std::size_t>(n);
    remaining_ -= static_cast<std::uint64_t>(n);
    return true;
  }
}

bool LineReader::next(Line& line) {
  for (;;) {
    if (at_start_ && (end_ - begin_ >= 3 || eof_)) {
      at_start_ = false;
      if (end_ - begin_ >= 3 && std::memcmp(buf_.get() + begin_, "\xEF\xBB\xBF", 3) == 0) {
        begin_ += 3;
        scanned_ = begin_;
      }
    }
    if (!at_start_) {
      const char* base = buf_.get();
      const void* nl =
          scanned_ < end_ ? std::memchr(base + scanned_, '\n', end_ - scanned_) : nullptr;
      std::size_t stop;
      if (nl != nullptr) {
        stop = static_cast<std::size_t>(static_cast<const char*>(nl) - base);
      } else if (eof_ && begin_ < end_) {
        stop = end_;  // a last line without newline
      } else if (eof_) {
        return false;
      } else {
        scanned_ = end_;
        fill();
        continue;
      }
      std::size_t len = stop - begin_;
      if (len > 0 && base[begin_ + len - 1] == '\r') --len;
      line.text = std::string_view(base + begin_, len);
      line.number = ++line_number_;
      begin_ = scanned_ = (stop == end_) ? end_ : stop + 1;
      return true;
    }
    fill();  // not enough bytes yet to tell whether a BOM starts the input
  }
}

}  // namespace socred::io
