// Output assembly: how a left record and a right record become one line.
// The left line's text is kept byte for byte and the right side's fields are
// spliced in before its closing brace, nested under --as NAME or merged with
// --prefix; unpaired records come out as documented in join-records(1).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "io/jsonl_writer.hpp"
#include "io/raw_json.hpp"
#include "io/record_reader.hpp"
#include "join/options.hpp"

namespace socred::join {

/// Field names interned to small ids, so that a left record's names can be
/// checked against every right field name with one lookup each.
class NameIndex {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  std::uint32_t intern(std::string_view name);
  std::uint32_t find(std::string_view name) const;
  std::size_t size() const { return names_.size(); }

 private:
  void grow();
  std::vector<std::string> names_;
  std::vector<std::uint32_t> slots_;  // id + 1, 0 = empty
};

/// Where assembled lines go: straight into the output writer's buffer, or
/// into a string (the grace join's tagged partitions, tests).
class LineSink {
 public:
  explicit LineSink(std::string& text) : text_(&text) {}
  explicit LineSink(io::JsonlWriter& writer) : writer_(&writer) {}
  void append(std::string_view s) {
    // At the top level, JsonlWriter::raw() only appends: a line can be
    // built from pieces and closed with end_line().
    if (text_ != nullptr) {
      text_->append(s);
    } else {
      writer_->raw(s);
    }
  }
  void push_back(char c) { append(std::string_view(&c, 1)); }
  /// Ends the line; the writer may flush here.
  void end_line() {
    if (text_ != nullptr) {
      text_->push_back('\n');
    } else {
      writer_->end_line();
    }
  }

 private:
  std::string* text_ = nullptr;
  io::JsonlWriter* writer_ = nullptr;
};

class Assembler {
 public:
  explicit Assembler(const Spec& spec);

  /// What the table keeps of a right record (its "payload"), appended to
  /// `out`: only what output can need, prepared once instead of per pair.
  void right_payload(const io::Record& right, std::string& out);

  /// The left record the next calls are about; it must stay valid until then.
  /// `parsed` false: only its text is set (see text_only()).
  void begin_left(const io::Record& left, bool parsed = true);
  /// Whether output for `left` can be made from its text alone, without its
  /// parsed value: the grace join then does not parse it a second time.
  bool text_only(const io::Record& left) const;
  /// One output line for the current left record paired with the right
  /// record stored as `payload`.
  void pair(std::string_view payload, LineSink& out);
  void left_unpaired(LineSink& out);
  void right_unpaired(std::string_view payload, LineSink& out);

 private:
  void prepare_left();
  bool keep_left(std::string_view name) const;
  bool keep_right(std::string_view name) const;

  const Spec& spec_;
  bool want_payload_;                         // pairs or unpaired right records come out
  bool want_key_section_;                     // unpaired right records need the key fields
  std::string nest_key_;                      // `"NAME":`
  std::vector<std::string> left_key_names_;   // top-level left key names
  std::vector<std::string> right_key_names_;  // top-level right key names
  NameIndex names_;                           // merge: output names of right fields
  std::vector<std::uint32_t> key_name_ids_;   // ids of the left key names

  // The current left record.
  const io::Record* left_ = nullptr;
  bool parsed_ = true;
  bool prepared_ = false;
  bool rebuilt_ = false;  // head_ is scratch_, not the line
  std::string_view head_;
  bool head_empty_ = false;
  std::string scratch_;
  std::vector<std::uint8_t> present_;  // by name id: the left record has it
  std::vector<std::uint32_t> touched_;
  std::vector<io::RawMember> raw_;
  std::vector<const io::RawMember*> key_values_;
};

}  // namespace socred::join
