// JSON lines out: a buffered writer that builds compact objects with keys in
// the caller's order, escapes any text correctly, prints numbers that
// round-trip, and turns write failures into the documented exits.
#pragma once

#include <fmt/format.h>
#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace socred::io {

class JsonlWriter {
 public:
  /// Writes to a file descriptor (1 for stdout); `name` is for messages.
  explicit JsonlWriter(int fd = 1, std::string name = "standard output");
  /// Appends to a string instead (tests).
  explicit JsonlWriter(std::string* capture);
  ~JsonlWriter();
  JsonlWriter(const JsonlWriter&) = delete;
  JsonlWriter& operator=(const JsonlWriter&) = delete;

  JsonlWriter& begin_object();
  JsonlWriter& end_object();
  JsonlWriter& begin_array();
  JsonlWriter& end_array();
  JsonlWriter& key(std::string_view k);
  JsonlWriter& string(std::string_view s);
  JsonlWriter& number(std::int64_t v);
  JsonlWriter& number(std::uint64_t v);
  JsonlWriter& number(int v) { return number(static_cast<std::int64_t>(v)); }
  JsonlWriter& number(double v);  // shortest text that reads back the same
  JsonlWriter& boolean(bool v);
  JsonlWriter& null();
  /// Already-valid JSON text, copied byte for byte (passthrough).
  JsonlWriter& raw(std::string_view json);
  /// Any parsed value, re-serialised compactly.
  JsonlWriter& element(simdjson::dom::element e);
  JsonlWriter& element(simdjson::dom::object o);

  /// Ends the current line; flushes when the buffer passes ~64 KiB.
  void end_line();
  /// Writes out everything buffered. EPIPE throws BrokenPipe; any other
  /// failure throws Error with status 74.
  void flush();

  /// Raw text appended with no separator logic (whole preformatted lines).
  void write_raw_line(std::string_view line);
  /// Text for people rather than JSON (--dump-plan), whole lines as they are.
  void write_text(std::string_view lines);

 private:
  void separate();  // a comma before a value or key, where one is due
  void escape(std::string_view s);

  int fd_;
  std::string name_;
  std::string* capture_ = nullptr;
  fmt::memory_buffer buf_;
  // One entry per open container: has it had an item yet?
  std::vector<bool> has_items_;
  bool after_key_ = false;
};

}  // namespace socred::io
