// File, memory and sniffing sources.
#include "io/byte_source.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "io/decompress.hpp"
#include "io/error.hpp"

namespace socred::io {
namespace {

class FdSource final : public ByteSource {
 public:
  FdSource(int fd, bool owned, std::string name, std::uint64_t length)
      : fd_(fd), owned_(owned), name_(std::move(name)), remaining_(length) {}
  ~FdSource() override {
    if (owned_ && fd_ >= 0) ::close(fd_);
  }
  std::size_t read(char* buf, std::size_t n) override {
    if (remaining_ < n) n = static_cast<std::size_t>(remaining_);
    if (n == 0) return 0;
    for (;;) {
      ssize_t got = ::read(fd_, buf, n);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) throw Error(kExitIo, std::string("read error: ") + std::strerror(errno), name_);
      remaining_ -= static_cast<std::uint64_t>(got);
      return static_cast<std::size_t>(got);
    }
  }

 private:
  int fd_;
  bool owned_;
  std::string name_;
  std::uint64_t remaining_;
};

class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(std::string_view text) : text_(text) {}
  std::size_t read(char* buf, std::size_t n) override {
    if (n > text_.size() - at_) n = text_.size() - at_;
    std::memcpy(buf, text_.data() + at_, n);
    at_ += n;
    return n;
  }

 private:
  std::string text_;
  std::size_t at_ = 0;
};

// The first bytes, read to tell the encoding, handed out again first.
class PrefixSource final : public ByteSource {
 public:
  PrefixSource(std::string prefix, std::unique_ptr<ByteSource> rest)
      : prefix_(std::move(prefix)), rest_(std::move(rest)) {}
  std::size_t read(char* buf, std::size_t n) override {
    if (at_ < prefix_.size()) {
      if (n > prefix_.size() - at_) n = prefix_.size() - at_;
      std::memcpy(buf, prefix_.data() + at_, n);
      at_ += n;
      return n;
    }
    return rest_->read(buf, n);
  }

 private:
  std::string prefix_;
  std::size_t at_ = 0;
  std::unique_ptr<ByteSource> rest_;
};

// Tells the encoding at the first read, not at open: opening a pipe must
// not wait for its writer (a tool opens all its inputs up front).
class SniffSource final : public ByteSource {
 public:
  SniffSource(std::unique_ptr<ByteSource> source, std::string name)
      : source_(std::move(source)), name_(std::move(name)) {}
  std::size_t read(char* buf, std::size_t n) override {
    if (!decoder_) start();
    return decoder_->read(buf, n);
  }

 private:
  void start() {
    std::string head(4, '\0');
    std::size_t got = 0;
    while (got < head.size()) {
      std::size_t n = source_->read(head.data() + got, head.size() - got);
      if (n == 0) break;
      got += n;
    }
    head.resize(got);
    Encoding encoding = sniff(head);
    decoder_ = std::make_unique<PrefixSource>(std::move(head), std::move(source_));
    if (encoding == Encoding::gzip) decoder_ = gzip_source(std::move(decoder_), name_);
    if (encoding == Encoding::zstd) decoder_ = zstd_source(std::move(decoder_), name_);
  }

  std::unique_ptr<ByteSource> source_;
  std::string name_;
  std::unique_ptr<ByteSource> decoder_;
};

}  // namespace

std::unique_ptr<ByteSource> fd_source(int fd, bool owned, std::string name, std::uint64_t length) {
  return std::make_unique<FdSource>(fd, owned, std::move(name), length);
}

std::unique_ptr<ByteSource> memory_source(std::string_view text) {
  return std::make_unique<MemorySource>(text);
}

Encoding sniff(std::string_view head) {
  auto at = [&](std::size_t i) { return static_cast<unsigned char>(head[i]); };
  if (head.size() >= 2 && at(0) == 0x1f && at(1) == 0x8b) return Encoding::gzip;
  // A zstd frame, or a skippable frame (pzstd writes one first).
  if (head.size() >= 4 && at(1) == 0xb5 && at(2) == 0x2f && at(3) == 0xfd && at(0) == 0x28)
    return Encoding::zstd;
  if (head.size() >= 4 && (at(0) & 0xf0) == 0x50 && at(1) == 0x2a && at(2) == 0x4d && at(3) == 0x18)
    return Encoding::zstd;
  return Encoding::plain;
}

std::unique_ptr<ByteSource> decoded(std::unique_ptr<ByteSource> source, const std::string& name) {
  return std::make_unique<SniffSource>(std::move(source), name);
}

}  // namespace socred::io
