// Temporary files for the grace join: made in --tmpdir and unlinked at once,
// so that nothing is left behind however the run ends; written through a
// small buffer and read back by byte range.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace socred::join {

class SpillFile {
 public:
  /// Creates an unlinked temporary file in `dir`; `buffer` bytes of buffer.
  SpillFile(const std::string& dir, std::size_t buffer);
  ~SpillFile();
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;

  void put(const void* data, std::size_t size);
  void put_u64(std::uint64_t v) { put(&v, 8); }
  void put_u32(std::uint32_t v) { put(&v, 4); }
  /// Writes out the buffer (before reading the file back).
  void flush();
  /// Bytes written so far, buffered ones included.
  std::uint64_t size() const { return written_ + used_; }
  int fd() const { return fd_; }
  const std::string& dir() const { return dir_; }

 private:
  int fd_ = -1;
  std::string dir_;
  std::vector<char> buf_;
  std::size_t used_ = 0;
  std::uint64_t written_ = 0;
};

/// Reads bytes [begin, end) of a flushed SpillFile.
class SpillReader {
 public:
  SpillReader(const SpillFile& file, std::uint64_t begin, std::uint64_t end, std::size_t buffer);

  /// False at the end of the range; a record cut short is an I/O error.
  bool get(void* data, std::size_t size);
  bool get_u64(std::uint64_t& v) { return get(&v, 8); }
  bool get_u32(std::uint32_t& v) { return get(&v, 4); }
  void get_bytes(std::size_t size, std::string& out);

 private:
  bool fill();

  const SpillFile& file_;
  std::uint64_t next_, end_;
  std::vector<char> buf_;
  std::size_t pos_ = 0, len_ = 0;
};

}  // namespace socred::join
