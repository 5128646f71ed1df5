// Turning JSON values into comparable values: which shapes each comparison
// accepts, and what it keeps of them.
#include "link/field_value.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <limits>

#include "io/calendar.hpp"
#include "io/error.hpp"
#include "io/json_text.hpp"
#include "link/normalise.hpp"

namespace socred::link {
namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

bool is_blank_text(std::string_view s) { return trimmed(s).empty(); }

std::string fmt_number(double v) { return fmt::format("{}", v); }

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

unsigned number_of(std::string_view digits_only) {
  unsigned v = 0;
  for (char c : digits_only) v = v * 10 + static_cast<unsigned>(c - '0');
  return v;
}

enum class DateShape { kDay, kNotADay, kNotADate };

// "YYYY-MM-DD" (also with '/' or '.', and anything after: a timestamp) or
// "YYYYMMDD", trimmed. The shape of a date that names no day (1980-02-30,
// month 13) is not a date: its digits would agree with real days by chance.
DateShape date_digits(std::string_view s, std::string& out) {
  s = trimmed(s);
  if (s.size() >= 10 && digits(s.substr(0, 4)) && digits(s.substr(5, 2)) &&
      digits(s.substr(8, 2)) && s[4] == s[7] && (s[4] == '-' || s[4] == '/' || s[4] == '.') &&
      (s.size() == 10 || s[10] == 'T' || s[10] == ' ')) {
    out = std::string(s.substr(0, 4)) + std::string(s.substr(5, 2)) + std::string(s.substr(8, 2));
  } else if (s.size() == 8 && digits(s)) {
    out = std::string(s);
  } else {
    return DateShape::kNotADate;
  }
  const std::string_view d(out);
  return io::is_civil_date(number_of(d.substr(0, 4)), number_of(d.substr(4, 2)),
                           number_of(d.substr(6, 2)))
             ? DateShape::kDay
             : DateShape::kNotADay;
}

bool year_of(std::string_view s, double& year) {
  std::string d;
  s = trimmed(s);
  if (s.size() == 4 && digits(s)) {
    year = std::atoi(std::string(s).c_str());
    return true;
  }
  if (date_digits(s, d) == DateShape::kDay) {
    year = std::atoi(d.substr(0, 4).c_str());
    return true;
  }
  return false;
}

bool as_number(simdjson::dom::element e, double& out) {
  if (e.is_number()) return e.get_double().get(out) == simdjson::SUCCESS;
  std::string_view s;
  if (e.get_string().get(s) != simdjson::SUCCESS || s.empty() || s.size() > 64) return false;
  std::string text(trimmed(s));
  if (text.empty()) return false;
  char* stop = nullptr;
  out = std::strtod(text.c_str(), &stop);
  return *stop == '\0' && std::isfinite(out);
}

}  // namespace

// A number standing in for text (a postcode, an id) is its value's text:
// 4011, 4011.0 and 4.011e3 are all "4011", as the string "4011" is. A
// string keeps its own digits, so "04011" equals only "04011".
bool as_text(simdjson::dom::element e, std::string& out) {
  std::string_view s;
  if (e.get_string().get(s) == simdjson::SUCCESS) {
    out = std::string(s);
    return true;
  }
  std::int64_t i = 0;
  std::uint64_t u = 0;
  double d = 0;
  if (e.get_int64().get(i) == simdjson::SUCCESS) {
    out.clear();
    io::append_json_integer(out, i);
  } else if (e.get_uint64().get(u) == simdjson::SUCCESS) {
    out = std::to_string(u);
  } else if (e.get_double().get(d) == simdjson::SUCCESS) {
    // Whole numbers up to 2^53 are exact in a double; past that the
    // shortest text of the double is all there is.
    out = std::floor(d) == d && std::fabs(d) <= 9007199254740992.0 ? fmt::format("{:.0f}", d)
                                                                   : fmt_number(d);
  } else {
    return false;
  }
  return true;
}

std::uint32_t Arena::add(std::string_view text) {
  if (bytes.size() + text.size() > std::numeric_limits<std::uint32_t>::max())
    throw Error(kExitIo, "more than 4 GiB of compared text: split the input (--partition)");
  auto offset = static_cast<std::uint32_t>(bytes.size());
  bytes.append(text);
  return offset;
}

std::string_view text_of(const Value& v, const Arena& arena) {
  return arena.view(v.offset, v.length);
}

Prepared prepare(const Comparison& c, simdjson::dom::element element, Arena& arena, Value& out) {
  out = Value{};
  if (element.is_null()) return Prepared::kMissing;
  std::string text;
  switch (c.kind) {
    case Kind::kDate: {
      std::string_view s;
      if (element.is_number()) {
        text = simdjson::minify(element);
      } else if (element.get_string().get(s) == simdjson::SUCCESS) {
        text = std::string(s);
        if (is_blank_text(text)) return Prepared::kMissing;
      } else {
        return Prepared::kUnusable;
      }
      std::string d;
      switch (date_digits(text, d)) {
        case DateShape::kNotADate:
          return Prepared::kUnusable;
        case DateShape::kNotADay:
          return Prepared::kNotADay;
        case DateShape::kDay:
          break;
      }
      out.number = std::atof(d.c_str());
      text = d;
      break;
    }
    case Kind::kYear: {
      std::string_view s;
      double year = 0;
      if (element.is_number()) {
        if (element.get_double().get(year) != simdjson::SUCCESS || year != std::floor(year) ||
            year < 0 || year > 9999)
          return Prepared::kUnusable;
      } else if (element.get_string().get(s) == simdjson::SUCCESS) {
        if (is_blank_text(s)) return Prepared::kMissing;
        if (!year_of(s, year)) return Prepared::kUnusable;
      } else {
        return Prepared::kUnusable;
      }
      out.number = year;
      text = std::to_string(static_cast<int>(year));
      break;
    }
    case Kind::kNumber: {
      std::string_view s;
      if (element.get_string().get(s) == simdjson::SUCCESS && is_blank_text(s))
        return Prepared::kMissing;
      if (!as_number(element, out.number)) return Prepared::kUnusable;
      text = fmt_number(out.number);
      break;
    }
    default: {
      if (!as_text(element, text)) return Prepared::kUnusable;
      std::string norm = normalise(text);
      if (norm.empty()) return Prepared::kMissing;
      if (c.kind == Kind::kName) {
        text = squash(norm);
        if (norm.find(' ') != std::string::npos) {
          std::string sorted = sorted_words(norm, " ");
          out.offset2 = arena.add(sorted);
          out.length2 = static_cast<std::uint32_t>(sorted.size());
        }
      } else if (c.kind == Kind::kExact) {
        text = squash(norm);
      } else {
        text = std::move(norm);
      }
    }
  }
  out.offset = arena.add(text);
  out.length = static_cast<std::uint32_t>(text.size());
  out.ascii = is_ascii(text);
  out.present = true;
  return Prepared::kPresent;
}

}  // namespace socred::link
