// Helpers for the rules unit tests: the message a bad program gets, and
// tables of inputs with what each must give.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "catch.hpp"
#include "io/error.hpp"
#include "rules/source.hpp"

namespace rules_test {

/// The located message of the error `f` throws, which must be a program
/// error (status 2), or "no error".
template <typename F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const socred::Error& e) {
    CHECK(e.status() == socred::rules::kProgramErrorStatus);
    return e.located();
  }
  return "no error";
}

/// Inputs, each with what it must give.
using Cases = std::vector<std::pair<std::string, std::string>>;

/// Checks that `f(input)` is the expected text for every case; a failure
/// names its input.
template <typename F>
void check_each(F&& f, const Cases& cases) {
  for (const auto& [input, expected] : cases) {
    INFO("input: " << input);
    CHECK(f(input) == expected);
  }
}

}  // namespace rules_test
