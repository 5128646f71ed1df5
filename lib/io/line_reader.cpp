// Line splitting over a byte source with a buffer that grows only for long lines.
#include "io/line_reader.hpp"

#include <fcntl.h>

#include <cstring>

#include "io/error.hpp"
#include "io/input_file.hpp"

namespace socred::io {
namespace {

// 1 MiB: large enough to amortise read(2), small enough to stay in cache
// (PERF-NOTES: first touch of new memory is what costs on this machine).
constexpr std::size_t kInitialCapacity = std::size_t{1} << 20;

}  // namespace

LineReader::LineReader(std::unique_ptr<ByteSource> source, std::string name,
                       std::uint64_t first_line, bool file_start)
    : source_(std::move(source)),
      name_(std::move(name)),
      line_number_(first_line - 1),
      buf_(new char[kInitialCapacity + kLinePadding]),
      capacity_(kInitialCapacity),
      at_start_(file_start) {}

LineReader::~LineReader() = default;

std::unique_ptr<LineReader> LineReader::open(const std::string& path) {
  InputFile in = open_input(path);
#ifdef POSIX_FADV_SEQUENTIAL
  if (in.owned) ::posix_fadvise(in.fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
  return std::make_unique<LineReader>(decoded(fd_source(in.fd, in.owned, in.name), in.name),
                                      in.name);
}

std::unique_ptr<LineReader> LineReader::from_string(std::string name, std::string_view text) {
  auto reader = std::make_unique<LineReader>(nullptr, std::move(name));
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
  std::size_t n = 0;
  try {
    n = source_ != nullptr ? source_->read(buf_.get() + end_, want) : 0;
  } catch (const Error& e) {
    // Bad compressed data: the lines decoded before it still go out, and
    // next() names the line the data reached.
    if (e.status() != kExitData || !e.file().empty()) throw;
    failure_ = e.what();
    n = 0;
  }
  if (n == 0) {
    eof_ = true;
    return false;
  }
  end_ += n;
  return true;
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
      } else if (eof_ && !failure_.empty()) {
        throw Error(kExitData, failure_, name_, line_number_ + 1);
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
