// Chunks' counts and bad lines, kept apart per chunk and settled in order.
#include "io/chunked_read.hpp"

#include "io/error.hpp"

namespace socred::io {
namespace {

// Bad lines a chunk keeps in memory before it spills them to a temporary
// file: memory stays bounded however many lines are bad.
constexpr std::size_t kCopiesInMemory = std::size_t{1} << 20;

}  // namespace

ChunkedRead::ChunkedRead(const ChunkedInput& input, std::vector<Chunk> chunks, Rejects& rejects)
    : input_(input), chunks_(std::move(chunks)), rejects_(rejects) {
  for (std::uint32_t c = 0; c < chunks_.size(); ++c)
    shares_.push_back(std::make_unique<Share>(*this, c));
}

ChunkedRead::~ChunkedRead() = default;

ChunkedRead::Share::~Share() {
  if (spilled != nullptr) std::fclose(spilled);
}

bool ChunkedRead::Share::reject(const std::string&, const Line& bad, std::uint64_t col,
                                const std::string& why, LineStats& counts) {
  ++counts.rejected;  // under "stop" too, as Rejects counts it
  if (owner_.rejects_.stops()) {
    stopped = true;
    line = bad.number;
    column = col;
    message = why;
    std::uint32_t seen = owner_.first_stopped_.load();
    while (chunk_ < seen && !owner_.first_stopped_.compare_exchange_weak(seen, chunk_)) {
    }
    return false;
  }
  if (owner_.rejects_.copies()) {
    if (copies.size() + bad.text.size() >= kCopiesInMemory) {
      if (spilled == nullptr) spilled = std::tmpfile();
      if (spilled == nullptr) throw Error(kExitIo, "cannot create a temporary file for --on-error");
      std::fwrite(copies.data(), 1, copies.size(), spilled);
      copies.clear();
    }
    copies.append(bad.text);
    copies += '\n';
  }
  return true;
}

std::unique_ptr<RecordReader> ChunkedRead::reader(std::uint32_t c) {
  Share& share = *shares_[c];
  return std::make_unique<RecordReader>(input_.open(chunks_[c]), share, share.stats);
}

bool ChunkedRead::moot(std::uint32_t c) const {
  return abandoned_.load(std::memory_order_relaxed) ||
         first_stopped_.load(std::memory_order_relaxed) < c;
}

void ChunkedRead::line_offsets() {
  if (start_.size() == chunks_.size()) return;
  start_.assign(chunks_.size(), 0);
  for (std::size_t c = 0; c < chunks_.size(); ++c)
    start_[c] = c > 0 && chunks_[c].input == chunks_[c - 1].input
                    ? start_[c - 1] + shares_[c - 1]->stats.read
                    : input_.lines_before(chunks_[c].input) + 1;
}

std::uint64_t ChunkedRead::input_line(std::uint32_t c, std::uint64_t line) {
  line_offsets();
  return start_[c] + (line - input_.first_line(chunks_[c]));
}

void ChunkedRead::settle(LineStats& stats) {
  line_offsets();
  for (std::uint32_t c = 0; c < chunks_.size(); ++c) {
    Share& share = *shares_[c];
    // Chunks before a stopped one ran to their end without a bad line: the
    // counts are those a single reader would have reached there.
    stats.add(share.stats);
    if (share.stopped)
      throw Error(kExitData, share.message, input_.name(chunks_[c].input),
                  input_line(c, share.line), share.column);
    if (share.spilled != nullptr) {
      std::rewind(share.spilled);
      char buf[1 << 16];
      for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, share.spilled)) > 0;)
        rejects_.copy(std::string_view(buf, n));
      std::fclose(share.spilled);
      share.spilled = nullptr;
    }
    rejects_.copy(share.copies);
    share.copies.clear();
  }
}

}  // namespace socred::io
