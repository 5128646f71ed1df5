// Streaming decompression with zlib and libzstd.
#include "io/decompress.hpp"

#include <zlib.h>
#include <zstd.h>

#include <cstring>

#include "io/error.hpp"

namespace socred::io {
namespace {

constexpr std::size_t kInput = std::size_t{1} << 17;  // compressed bytes read at a time

class GzipSource final : public ByteSource {
 public:
  GzipSource(std::unique_ptr<ByteSource> in, std::string name)
      : in_(std::move(in)), name_(std::move(name)), buf_(new unsigned char[kInput]) {
    std::memset(&z_, 0, sizeof z_);
    if (inflateInit2(&z_, 15 + 16) != Z_OK) throw Error(kExitIo, "zlib: out of memory", name_);
  }
  ~GzipSource() override { inflateEnd(&z_); }

  std::size_t read(char* out, std::size_t n) override {
    if (done_ || n == 0) return 0;
    z_.next_out = reinterpret_cast<unsigned char*>(out);
    z_.avail_out = static_cast<uInt>(n > (1u << 30) ? (1u << 30) : n);
    const uInt want = z_.avail_out;
    while (z_.avail_out == want) {
      if (z_.avail_in == 0 && !eof_) eof_ = !refill();
      if (between_members_) {
        if (z_.avail_in == 0) {  // the end, after a whole member
          done_ = true;
          break;
        }
        // Another member follows (gzip files may be concatenated); anything
        // else after a member is not gzip data.
        if (z_.next_in[0] != 0x1f) throw Error(kExitData, "data after the end of the gzip stream");
        between_members_ = false;
        inflateReset(&z_);
      }
      int rc = inflate(&z_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        between_members_ = true;
      } else if (rc == Z_BUF_ERROR) {
        if (eof_ && z_.avail_in == 0)
          throw Error(kExitData, "gzip data cut short (truncated file?)");
      } else if (rc != Z_OK) {
        throw Error(kExitData, std::string("invalid gzip data: ") +
                                   (z_.msg != nullptr ? z_.msg : "corrupt stream"));
      }
    }
    return want - z_.avail_out;
  }

 private:
  bool refill() {
    std::size_t got = in_->read(reinterpret_cast<char*>(buf_.get()), kInput);
    z_.next_in = buf_.get();
    z_.avail_in = static_cast<uInt>(got);
    return got > 0;
  }

  std::unique_ptr<ByteSource> in_;
  std::string name_;
  std::unique_ptr<unsigned char[]> buf_;
  z_stream z_;
  bool between_members_ = false;
  bool eof_ = false;  // of the compressed bytes
  bool done_ = false;
};

class ZstdSource final : public ByteSource {
 public:
  ZstdSource(std::unique_ptr<ByteSource> in, std::string name)
      : in_(std::move(in)), name_(std::move(name)), buf_(new char[kInput]) {
    z_ = ZSTD_createDStream();
    if (z_ == nullptr) throw Error(kExitIo, "zstd: out of memory", name_);
  }
  ~ZstdSource() override { ZSTD_freeDStream(z_); }

  std::size_t read(char* out, std::size_t n) override {
    ZSTD_outBuffer o{out, n, 0};
    while (o.pos == 0 && n > 0 && !done_) {
      if (input_.pos == input_.size && !eof_) {
        std::size_t got = in_->read(buf_.get(), kInput);
        eof_ = got == 0;
        input_ = ZSTD_inBuffer{buf_.get(), got, 0};
      }
      if (eof_ && !frame_open_) {
        done_ = true;
        break;
      }
      std::size_t rc = ZSTD_decompressStream(z_, &o, &input_);
      if (ZSTD_isError(rc))
        throw Error(kExitData, std::string("invalid zstd data: ") + ZSTD_getErrorName(rc));
      frame_open_ = rc != 0;  // 0: a frame ended here, and nothing is held back
      // At the end of the input, what the decoder held is out; a frame
      // still open then was cut.
      if (eof_ && o.pos == 0 && frame_open_)
        throw Error(kExitData, "zstd data cut short (truncated file?)");
    }
    return o.pos;
  }

 private:
  std::unique_ptr<ByteSource> in_;
  std::string name_;
  std::unique_ptr<char[]> buf_;
  ZSTD_DStream* z_;
  ZSTD_inBuffer input_{nullptr, 0, 0};
  bool frame_open_ = false;
  bool eof_ = false;  // of the compressed bytes
  bool done_ = false;
};

}  // namespace

std::unique_ptr<ByteSource> gzip_source(std::unique_ptr<ByteSource> compressed, std::string name) {
  return std::make_unique<GzipSource>(std::move(compressed), std::move(name));
}

std::unique_ptr<ByteSource> zstd_source(std::unique_ptr<ByteSource> compressed, std::string name) {
  return std::make_unique<ZstdSource>(std::move(compressed), std::move(name));
}

}  // namespace socred::io
