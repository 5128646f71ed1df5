// Where a LineReader's bytes come from: a file descriptor (or a byte range
// of one), memory, or a decompressor over another source, chosen by the
// data's first bytes (gzip, zstd), never by the file's name.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace socred::io {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  /// Up to `n` bytes into `buf`; 0 only at the end. A read error is an
  /// Error (74); data that cannot be decoded (a corrupt or cut compressed
  /// stream) an Error (65) without a place: the reader adds the line.
  virtual std::size_t read(char* buf, std::size_t n) = 0;
};

/// Reads `fd` (closed at the end when `owned`), at most `length` bytes.
std::unique_ptr<ByteSource> fd_source(int fd, bool owned, std::string name,
                                      std::uint64_t length = UINT64_MAX);
/// Reads a copy of `text`.
std::unique_ptr<ByteSource> memory_source(std::string_view text);

enum class Encoding { plain, gzip, zstd };
/// What data starting with `head` (its first 4 bytes, or all of it) is.
Encoding sniff(std::string_view head);
/// `source` decoded: decompressed when its first bytes are gzip or zstd
/// magic, as it is otherwise.
std::unique_ptr<ByteSource> decoded(std::unique_ptr<ByteSource> source, const std::string& name);

}  // namespace socred::io
