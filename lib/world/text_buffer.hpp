// An append-only byte buffer for formatting many JSON lines fast: no
// allocation once warm, digits written by hand (no locale, no printf).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace socred::world {

class TextBuffer {
 public:
  /// Makes room for `n` more bytes; call before a run of unchecked appends.
  void reserve(std::size_t n) {
    if (len_ + n > data_.size()) data_.resize((len_ + n) * 2);
  }
  void clear() { len_ = 0; }
  std::size_t size() const { return len_; }
  std::string_view view() const { return {data_.data(), len_}; }

  // The appends below assume room was reserved.
  void put(char c) { data_[len_++] = c; }
  void put(std::string_view s) {
    std::memcpy(data_.data() + len_, s.data(), s.size());
    len_ += s.size();
  }
  /// A JSON string of text known to need no escaping (tables, ids, names).
  void put_string(std::string_view s) {
    put('"');
    put(s);
    put('"');
  }
  /// `"key":` for a key known to need no escaping.
  void put_key(std::string_view k) {
    put('"');
    put(k);
    put('"');
    put(':');
  }
  void put_uint(std::uint64_t v) {
    char tmp[20];
    int n = 0;
    do {
      tmp[n++] = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v != 0);
    while (n > 0) data_[len_++] = tmp[--n];
  }
  /// Exactly `width` digits, zero-padded.
  void put_padded(std::uint64_t v, int width) {
    for (int i = width - 1; i >= 0; --i) {
      data_[len_ + static_cast<std::size_t>(i)] = static_cast<char>('0' + v % 10);
      v /= 10;
    }
    len_ += static_cast<std::size_t>(width);
  }
  /// A fixed-point value v / 10^decimals as its shortest JSON number
  /// (1230 cents -> 12.3, 1200 -> 12), the text fmt's "{}" gives the double.
  void put_fixed(std::uint64_t v, int decimals) {
    std::uint64_t scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    put_uint(v / scale);
    std::uint64_t frac = v % scale;
    if (frac == 0) return;
    while (frac % 10 == 0) {
      frac /= 10;
      --decimals;
    }
    put('.');
    put_padded(frac, decimals);
  }
  void put_hex8(std::uint32_t v) {
    static constexpr char kHex[] = "0123456789abcdef";
    for (int i = 7; i >= 0; --i) {
      data_[len_ + static_cast<std::size_t>(i)] = kHex[v & 15];
      v >>= 4;
    }
    len_ += 8;
  }

 private:
  std::vector<char> data_ = std::vector<char>(1 << 16);
  std::size_t len_ = 0;
};

}  // namespace socred::world
