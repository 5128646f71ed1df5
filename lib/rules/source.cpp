// Located errors with the offending line and a caret (as ninja and jq show
// them), so a person can see what the parser saw.
#include "rules/source.hpp"

#include "io/error.hpp"

namespace socred::rules {
namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

Source::Source(std::string file, std::string text) : file_(std::move(file)), text_(std::move(text)) {}

void Source::locate(std::size_t offset, std::uint64_t& line, std::uint64_t& column) const {
  if (offset > text_.size()) offset = text_.size();
  line = 1;
  std::size_t start = 0;
  for (std::size_t i = 0; i < offset; ++i)
    if (text_[i] == '\n') {
      ++line;
      start = i + 1;
    }
  column = 1;
  for (std::size_t i = start; i < offset; ++i)
    if (!continuation(text_[i])) ++column;
}

void Source::fail(std::size_t offset, const std::string& message) const {
  if (offset > text_.size()) offset = text_.size();
  std::uint64_t line, column;
  locate(offset, line, column);
  std::size_t start = offset;
  while (start > 0 && text_[start - 1] != '\n') --start;
  std::size_t end = text_.find('\n', start);
  if (end == std::string::npos) end = text_.size();
  std::string_view shown(text_.data() + start, end - start);
  if (!shown.empty() && shown.back() == '\r') shown.remove_suffix(1);
  // The caret lines up under the column: tabs stay tabs, and each character
  // (not byte) before it is one space.
  std::string caret;
  for (std::size_t i = start; i < offset && i < start + shown.size(); ++i) {
    if (continuation(text_[i])) continue;
    caret += text_[i] == '\t' ? '\t' : ' ';
  }
  caret += '^';
  throw Error(kProgramErrorStatus, message + "\n" + std::string(shown) + "\n" + caret, file_, line,
              column);
}

}  // namespace socred::rules
