// Located errors with the offending line and a caret (as ninja and jq show
// them), so a person can see what the parser saw.
#include "rules/source.hpp"

#include <algorithm>

#include "io/error.hpp"

namespace socred::rules {
namespace {

// The length of the valid UTF-8 character at `i`, or 0 for a byte that
// starts none (shown as '?', and counted as one column).
std::size_t char_length(const std::string& t, std::size_t i) {
  auto c = static_cast<unsigned char>(t[i]);
  std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > t.size() || (len == 2 && c < 0xC2)) return 0;
  for (std::size_t k = 1; k < len; ++k)
    if ((static_cast<unsigned char>(t[i + k]) & 0xC0) != 0x80) return 0;
  return len;
}

std::size_t line_start(const std::string& t, std::size_t offset) {
  while (offset > 0 && t[offset - 1] != '\n') --offset;
  return offset;
}

}  // namespace

Source::Source(std::string file, std::string text)
    : file_(std::move(file)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

void Source::locate(std::size_t offset, std::uint64_t& line, std::uint64_t& column) const {
  if (offset > text_.size()) offset = text_.size();
  // The last line starting at or before the offset.
  auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  line = static_cast<std::uint64_t>(after - line_starts_.begin());
  column = 1;
  for (std::size_t i = *(after - 1); i < offset; ++column) {
    std::size_t len = char_length(text_, i);
    i += len == 0 ? 1 : len;
  }
}

void Source::fail(std::size_t offset, const std::string& message) const {
  if (offset > text_.size()) offset = text_.size();
  std::uint64_t line, column;
  locate(offset, line, column);
  // The line as shown: control characters and bytes that are not UTF-8
  // become '?', so the message stays one printable line (and a NUL cannot
  // cut it short); the caret goes under the column, tabs kept as tabs.
  std::string shown, caret;
  for (std::size_t i = line_start(text_, offset); i < text_.size() && text_[i] != '\n';) {
    std::size_t len = char_length(text_, i);
    auto c = static_cast<unsigned char>(text_[i]);
    bool before = i < offset;
    if (c == '\r' && (i + 1 == text_.size() || text_[i + 1] == '\n')) break;
    if (len == 0 || (len == 1 && ((c < 0x20 && c != '\t') || c == 0x7F))) {
      shown += '?';
      len = 1;
    } else {
      shown.append(text_, i, len);
    }
    if (before) caret += c == '\t' ? '\t' : ' ';
    i += len;
  }
  caret += '^';
  throw Error(kProgramErrorStatus, message + "\n" + shown + "\n" + caret, file_, line, column);
}

}  // namespace socred::rules
