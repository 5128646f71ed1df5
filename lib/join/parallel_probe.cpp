// Left chunks probed on threads, written in order.
#include "join/parallel_probe.hpp"

#include <exception>
#include <string>

#include "io/error.hpp"
#include "io/ordered_parallel.hpp"
#include "join/hash_join.hpp"
#include "join/side.hpp"

namespace socred::join {
namespace {

struct Probed {
  std::string lines;
  // An error that is not a bad line (a cut compressed stream, a read
  // error): thrown once the lines before it are written. Such errors come
  // from a chunk that starts its input, whose lines carry the input's own
  // numbers.
  std::exception_ptr error;
};

}  // namespace

void probe_chunks(const Spec& spec, io::ChunkedRead& read, Table& table, const Assembler& assembler,
                  unsigned threads, io::JsonlWriter& out, io::LineStats& stats) {
  bool halted = false;  // a chunk stopped at a bad line: nothing after it is written
  auto work = [&](std::size_t c, Probed& result) {
    const auto chunk = static_cast<std::uint32_t>(c);
    if (read.moot(chunk)) return;
    Side left(read.reader(chunk), spec, false, false);
    Assembler local(assembler);
    LineSink sink(result.lines);
    try {
      probe_side(spec, table, local, left, sink);
    } catch (const Error&) {
      result.error = std::current_exception();
    }
  };
  auto consume = [&](std::size_t c, Probed& result) {
    if (halted) return;
    write_lines(out, result.lines);
    if (result.error) std::rethrow_exception(result.error);
    halted = read.stopped_at(static_cast<std::uint32_t>(c));
  };
  try {
    io::ordered_parallel<Probed>(read.size(), threads, work, consume);
  } catch (...) {
    read.abandon();
    throw;
  }
  read.settle(stats);
}

}  // namespace socred::join
