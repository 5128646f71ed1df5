// The functions conditions may call, on text and time: pure, no I/O, each
// with a fixed number of arguments, so that the language stays small and
// every call terminates.
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "rules/value.hpp"

namespace socred::rules {

/// Strings computed while evaluating one record (lower(), upper()); reused
/// from record to record so that steady state allocates nothing.
class Scratch {
 public:
  std::string& next();
  void reset() { used_ = 0; }

 private:
  std::deque<std::string> strings_;  // a deque: handed-out strings never move
  std::size_t used_ = 0;
};

/// Why a call did not apply: "expected a string", and the kind it got.
struct Fault {
  const char* expected = nullptr;
  Kind got = Kind::missing;
};

struct Function {
  const char* name;
  int min_args;
  int max_args;
  bool boolean;           // a condition by itself (contains, starts_with...)
  const char* signature;  // for messages and the man page
  /// Called with known arguments only (none missing or invalid).
  Value (*call)(const Value* args, std::size_t count, Scratch& scratch, Fault& fault);
};

/// Special forms evaluated by the evaluator itself: exists(path) looks at
/// the slot, coalesce(a, b) takes the first argument that is present and not
/// null (so a missing field there is no fault).
inline constexpr int kExists = 0;
inline constexpr int kCoalesce = 1;

/// The table; index = the function's number in Node::function.
const std::vector<Function>& functions();
/// Index in functions(), or -1.
int find_function(std::string_view name);
/// "days_between, hour, ..." for "expected one of" messages.
std::string function_names();

}  // namespace socred::rules
