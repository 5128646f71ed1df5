// Reading JSON lines with full validation and the --on-error contract.
#include "io/record_reader.hpp"

#include "io/progress.hpp"

namespace socred::io {

// simdjson's default depth limit is kMaxDepth (1024), matching diagnose_json.
JsonLineParser::JsonLineParser() = default;

bool JsonLineParser::parse(const Line& line, simdjson::dom::object& out, Diagnosis& why) {
  simdjson::dom::element root;
  // realloc_if_needed=false: the reader guarantees the padding, so simdjson
  // parses in place instead of copying each line.
  auto error =
      parser_
          .parse(reinterpret_cast<const std::uint8_t*>(line.text.data()), line.text.size(), false)
          .get(root);
  if (!error && root.get(out) == simdjson::SUCCESS) return true;
  why = diagnose_json(line.text);
  if (why.column == 0) {
    // simdjson refused what our checker accepts: say so in its terms, but
    // never silently accept a line the fast parser could not read.
    why.column = 1;
    why.message = std::string("invalid JSON (") + simdjson::error_message(error) + ")";
  }
  return false;
}

bool is_blank(std::string_view text) {
  for (char c : text)
    if (c != ' ' && c != '\t') return false;
  return true;
}

RecordReader::RecordReader(const std::vector<std::string>& paths, RejectSink& rejects,
                           LineStats& stats)
    : rejects_(rejects), stats_(stats) {
  if (paths.empty()) readers_.push_back(LineReader::open("-"));
  for (const auto& path : paths) readers_.push_back(LineReader::open(path));
  for (const auto& reader : readers_) names_.push_back(reader->name());
}

RecordReader::RecordReader(std::vector<std::unique_ptr<LineReader>> readers, RejectSink& rejects,
                           LineStats& stats)
    : readers_(std::move(readers)), rejects_(rejects), stats_(stats) {
  for (const auto& reader : readers_) names_.push_back(reader->name());
}

RecordReader::RecordReader(std::unique_ptr<LineReader> reader, RejectSink& rejects,
                           LineStats& stats)
    : rejects_(rejects), stats_(stats) {
  names_.push_back(reader->name());
  readers_.push_back(std::move(reader));
}

RecordReader::~RecordReader() { tick(); }

void RecordReader::tick() {
  Progress::get().tick_shared(pending_lines_, pending_bytes_);
  pending_lines_ = 0;
  pending_bytes_ = 0;
}

bool RecordReader::next(Record& record) { return read(record, nullptr); }

bool RecordReader::next(Record& record, RecordStorage& storage) { return read(record, &storage); }

bool RecordReader::read(Record& record, RecordStorage* storage) {
  while (!ended_ && current_ < readers_.size()) {
    LineReader& reader = *readers_[current_];
    if (!reader.next(line_)) {
      readers_[current_].reset();  // close files as soon as they are done
      ++current_;
      continue;
    }
    ++stats_.read;
    pending_bytes_ += line_.text.size() + 1;
    if (++pending_lines_ == 64) {
      // Batches keep the meter's lock (readers on threads share it) and the
      // check for moot work off the per-line path.
      tick();
      if (rejects_.abandoned()) ended_ = true;
    }
    if (is_blank(line_.text)) {
      ++stats_.blank;
      continue;
    }
    Line line = line_;
    JsonLineParser* parser = &parser_;
    if (storage != nullptr) {
      const std::size_t size = line_.text.size();
      if (storage->text.capacity() < size + kLinePadding)
        storage->text.reserve(size + kLinePadding);
      storage->text.assign(line_.text);
      line.text = storage->text;
      parser = &storage->parser;
    }
    Diagnosis why;
    if (!parser->parse(line, record.root, why)) {
      if (!rejects_.reject(names_[current_], line_, why.column, why.message, stats_)) ended_ = true;
      continue;
    }
    record.text = line.text;
    record.line = line_.number;
    record.file = &names_[current_];
    return true;
  }
  tick();
  return false;
}

bool RecordReader::reject(const Record& record, std::uint64_t column, const std::string& message) {
  Line line{record.text, record.line};
  if (!rejects_.reject(*record.file, line, column, message, stats_)) ended_ = true;
  return !ended_;
}

}  // namespace socred::io
