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

RecordReader::RecordReader(const std::vector<std::string>& paths, Rejects& rejects,
                           LineStats& stats)
    : rejects_(rejects), stats_(stats) {
  if (paths.empty()) readers_.push_back(LineReader::open("-"));
  for (const auto& path : paths) readers_.push_back(LineReader::open(path));
  for (const auto& reader : readers_) names_.push_back(reader->name());
}

RecordReader::RecordReader(std::unique_ptr<LineReader> reader, Rejects& rejects, LineStats& stats)
    : rejects_(rejects), stats_(stats) {
  names_.push_back(reader->name());
  readers_.push_back(std::move(reader));
}

bool RecordReader::next(Record& record) { return read(record, nullptr); }

bool RecordReader::next(Record& record, RecordStorage& storage) { return read(record, &storage); }

bool RecordReader::read(Record& record, RecordStorage* storage) {
  while (current_ < readers_.size()) {
    LineReader& reader = *readers_[current_];
    if (!reader.next(line_)) {
      readers_[current_].reset();  // close files as soon as they are done
      ++current_;
      continue;
    }
    ++stats_.read;
    Progress::get().tick(1, line_.text.size() + 1);
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
      rejects_.reject(names_[current_], line_, why.column, why.message, stats_);
      continue;
    }
    record.text = line.text;
    record.line = line_.number;
    record.file = &names_[current_];
    return true;
  }
  return false;
}

void RecordReader::reject(const Record& record, std::uint64_t column, const std::string& message) {
  Line line{record.text, record.line};
  rejects_.reject(*record.file, line, column, message, stats_);
}

}  // namespace socred::io
