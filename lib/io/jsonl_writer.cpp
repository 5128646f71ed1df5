// Buffered compact JSON output with the Unix write-error conventions.
#include "io/jsonl_writer.hpp"

#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>

#include "io/error.hpp"
#include "io/json_text.hpp"

namespace socred::io {
namespace {

constexpr std::size_t kFlushAt = 64 * 1024;

}  // namespace

JsonlWriter::JsonlWriter(int fd, std::string name) : fd_(fd), name_(std::move(name)) {}
JsonlWriter::JsonlWriter(std::string* capture) : fd_(-1), capture_(capture) {}

JsonlWriter::~JsonlWriter() {
  // The runner flushes and reports errors; a destructor may not throw, so on
  // an early exit (an exception already on its way) what is left is dropped.
}

void JsonlWriter::separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!has_items_.empty()) {
    if (has_items_.back()) buf_.push_back(',');
    has_items_.back() = true;
  }
}

JsonlWriter& JsonlWriter::begin_object() {
  separate();
  buf_.push_back('{');
  has_items_.push_back(false);
  return *this;
}

JsonlWriter& JsonlWriter::end_object() {
  buf_.push_back('}');
  has_items_.pop_back();
  return *this;
}

JsonlWriter& JsonlWriter::begin_array() {
  separate();
  buf_.push_back('[');
  has_items_.push_back(false);
  return *this;
}

JsonlWriter& JsonlWriter::end_array() {
  buf_.push_back(']');
  has_items_.pop_back();
  return *this;
}

JsonlWriter& JsonlWriter::key(std::string_view k) {
  separate();
  escape(k);
  buf_.push_back(':');
  after_key_ = true;
  return *this;
}

JsonlWriter& JsonlWriter::string(std::string_view s) {
  separate();
  escape(s);
  return *this;
}

JsonlWriter& JsonlWriter::number(std::int64_t v) {
  separate();
  fmt::format_to(std::back_inserter(buf_), "{}", v);
  return *this;
}

JsonlWriter& JsonlWriter::number(std::uint64_t v) {
  separate();
  fmt::format_to(std::back_inserter(buf_), "{}", v);
  return *this;
}

JsonlWriter& JsonlWriter::number(double v) {
  separate();
  if (!std::isfinite(v)) {  // JSON has no NaN or infinity
    buf_.append(std::string_view("null"));
    return *this;
  }
  // fmt's "{}" is the shortest text that parses back to the same double.
  fmt::format_to(std::back_inserter(buf_), "{}", v);
  return *this;
}

JsonlWriter& JsonlWriter::boolean(bool v) {
  separate();
  buf_.append(v ? std::string_view("true") : std::string_view("false"));
  return *this;
}

JsonlWriter& JsonlWriter::null() {
  separate();
  buf_.append(std::string_view("null"));
  return *this;
}

JsonlWriter& JsonlWriter::raw(std::string_view json) {
  separate();
  buf_.append(json);
  return *this;
}

JsonlWriter& JsonlWriter::element(simdjson::dom::element e) {
  using simdjson::dom::element_type;
  switch (e.type()) {
    case element_type::OBJECT:
      return element(simdjson::dom::object(e));
    case element_type::ARRAY:
      begin_array();
      for (auto item : simdjson::dom::array(e)) element(item);
      return end_array();
    case element_type::STRING:
      return string(std::string_view(e));
    case element_type::INT64:
      return number(std::int64_t(e));
    case element_type::UINT64:
      return number(std::uint64_t(e));
    case element_type::DOUBLE:
      return number(double(e));
    case element_type::BOOL:
      return boolean(bool(e));
    case element_type::NULL_VALUE:
      return null();
  }
  return *this;
}

JsonlWriter& JsonlWriter::element(simdjson::dom::object o) {
  begin_object();
  for (auto field : o) {
    key(field.key);
    element(field.value);
  }
  return end_object();
}

void JsonlWriter::escape(std::string_view s) { append_json_string(buf_, s); }

void JsonlWriter::end_line() {
  buf_.push_back('\n');
  if (buf_.size() >= kFlushAt) flush();
}

void JsonlWriter::write_raw_line(std::string_view line) {
  buf_.append(line);
  buf_.push_back('\n');
  if (buf_.size() >= kFlushAt) flush();
}

void JsonlWriter::write_text(std::string_view lines) {
  buf_.append(lines);
  if (buf_.size() >= kFlushAt) flush();
}

void JsonlWriter::flush() {
  if (capture_ != nullptr) {
    capture_->append(buf_.data(), buf_.size());
    buf_.clear();
    return;
  }
  const char* p = buf_.data();
  std::size_t left = buf_.size();
  while (left > 0) {
    ssize_t n = ::write(fd_, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      buf_.clear();
      if (errno == EPIPE) throw BrokenPipe{};
      throw Error(kExitIo, std::string("write error: ") + std::strerror(errno));
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  buf_.clear();
}

}  // namespace socred::io
