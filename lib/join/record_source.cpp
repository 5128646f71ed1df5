// The copy costs one memcpy of the line; it buys records that outlive the
// next read, which is what lets the join prefetch a batch of table slots.
#include "join/record_source.hpp"

#include "io/progress.hpp"

namespace socred::join {

RecordSource::RecordSource(const std::vector<std::string>& paths, io::Rejects& rejects,
                           io::LineStats& stats)
    : rejects_(rejects), stats_(stats) {
  if (paths.empty()) readers_.push_back(io::LineReader::open("-"));
  for (const auto& path : paths) readers_.push_back(io::LineReader::open(path));
  for (const auto& reader : readers_) names_.push_back(reader->name());
}

RecordSource::RecordSource(std::unique_ptr<io::LineReader> reader, io::Rejects& rejects,
                           io::LineStats& stats)
    : rejects_(rejects), stats_(stats) {
  names_.push_back(reader->name());
  readers_.push_back(std::move(reader));
}

bool RecordSource::next(RecordStorage& storage, io::Record& record) {
  while (current_ < readers_.size()) {
    io::LineReader& reader = *readers_[current_];
    if (!reader.next(line_)) {
      readers_[current_].reset();  // close files as soon as they are done
      ++current_;
      continue;
    }
    ++stats_.read;
    io::Progress::get().tick(1, line_.text.size() + 1);
    if (io::is_blank(line_.text)) {
      ++stats_.blank;
      continue;
    }
    const std::size_t size = line_.text.size();
    if (storage.text.capacity() < size + io::kLinePadding) storage.text.reserve(size + io::kLinePadding);
    storage.text.assign(line_.text);
    io::Line copy{storage.text, line_.number};
    io::Diagnosis why;
    if (!storage.parser.parse(copy, record.root, why)) {
      rejects_.reject(names_[current_], line_, why.column, why.message, stats_);
      continue;
    }
    record.text = storage.text;
    record.line = line_.number;
    record.file = &names_[current_];
    return true;
  }
  return false;
}

void RecordSource::reject(const io::Record& record, std::uint64_t column,
                          const std::string& message) {
  io::Line line{record.text, record.line};
  rejects_.reject(*record.file, line, column, message, stats_);
}

}  // namespace socred::join
