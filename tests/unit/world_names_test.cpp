#include <map>
#include <string>

#include "catch.hpp"
#include "world/names.hpp"

using namespace socred::world;

namespace {

// Levenshtein distance with adjacent transpositions (optimal string alignment).
std::size_t osa(const std::string& a, const std::string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

bool valid_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
    i += n;
  }
  return true;
}

}  // namespace

TEST_CASE("family names follow their real frequencies", "[world]") {
  Rng rng(1);
  std::map<std::string, int> count;
  const int n = 200000;
  std::string name;
  for (int i = 0; i < n; ++i) {
    canonical_name(draw_name(rng, i % 2 == 0, false), name);
    ++count[name.substr(0, name.find(' '))];
  }
  // Wang is 7.25% of China, 7.25 / 72.81 of the table's total.
  CHECK(count["Wang"] / double(n) == Approx(7.25 / 72.81).epsilon(0.05));
  CHECK(count["Wang"] > count["Zhang"]);
  CHECK(count["Zhang"] > count["Chen"]);
  CHECK(count["Chen"] > count["Zhou"]);
}

TEST_CASE("canonical names: family name, then a capitalised given name", "[world]") {
  Rng rng(3);
  std::string name;
  for (int i = 0; i < 1000; ++i) {
    canonical_name(draw_name(rng, i % 2 == 1, i % 10 == 0), name);
    auto space = name.find(' ');
    REQUIRE(space != std::string::npos);
    CHECK(name.find(' ', space + 1) == std::string::npos);
    CHECK(name[space + 1] >= 'A');
    CHECK(name[space + 1] <= 'Z');
    CHECK(valid_utf8(name));
  }
}

TEST_CASE("each typo kind is one edit of its kind, and keeps UTF-8 whole", "[world]") {
  Rng rng(5);
  const char* kinds[4] = {"insertion", "deletion", "substitution", "transposition"};
  for (const std::string original : {"Wang Xiuying", "L\xc3\xbc Wei", "Gulnara G\xc3\xbclnar"}) {
    for (int want = 0; want < 4; ++want) {
      for (int trial = 0; trial < 50; ++trial) {
        std::string s = original;
        std::string kind = apply_typo(s, rng, want);
        CHECK(kind == kinds[want]);
        CHECK(s != original);
        CHECK(valid_utf8(s));
        CHECK(osa(s, original) == 1);
        if (kind == "insertion") CHECK(s.size() == original.size() + 1);
        if (kind == "deletion") CHECK(s.size() == original.size() - 1);
        if (kind != "insertion" && kind != "deletion") CHECK(s.size() == original.size());
      }
    }
  }
}

TEST_CASE("a typo with no place for its kind falls back to an insertion", "[world]") {
  Rng rng(6);
  std::string s = "Li";
  CHECK(std::string(apply_typo(s, rng, 1)) == "insertion");  // too short to delete from
  std::string t = "aa";
  CHECK(std::string(apply_typo(t, rng, 3)) == "insertion");  // nothing to swap
}

TEST_CASE("variants and nicknames differ from the register's spelling", "[world]") {
  Rng rng(8);
  std::string canon, other;
  for (int i = 0; i < 2000; ++i) {
    NameParts n = draw_name(rng, i % 2 == 0, i % 5 == 0);
    canonical_name(n, canon);
    variant_name(n, rng, other);
    CHECK(other != canon);
    CHECK(valid_utf8(other));
    nickname(n, rng, other);
    CHECK(other != canon);
    CHECK(valid_utf8(other));
  }
}

TEST_CASE("the messy layer's name changes: swapped order and a respelt family name", "[world]") {
  std::string s = "Wang Xiuying";
  CHECK(swap_name_order(s));
  CHECK(s == "Xiuying Wang");
  s = "wangxiuying88";
  CHECK_FALSE(swap_name_order(s));
  CHECK(s == "wangxiuying88");

  // Every Han name respells its family name to one of the two others, in
  // its own capitals, wherever the word stands; a handle has no such word.
  Rng rng(42);
  for (int i = 0; i < 300; ++i) {
    NameParts n = draw_name(rng, i % 2 == 0, false);
    std::string canonical, name;
    canonical_name(n, canonical);
    std::string family = canonical.substr(0, canonical.find(' '));
    std::string given = canonical.substr(canonical.find(' ') + 1);
    name = canonical;
    REQUIRE(respell_family(n, rng, name));
    CHECK(name != canonical);
    CHECK(name.substr(name.find(' ') + 1) == given);
    name = given + " " + family;  // Western order: the family name last
    REQUIRE(respell_family(n, rng, name));
    CHECK(name.substr(0, name.find(' ')) == given);
    CHECK(name.substr(name.find(' ') + 1) != family);
    std::string upper;
    for (char c : canonical) upper.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c);
    if (upper.find('\xc3') == std::string::npos) {  // Lü has no capitals of its own here
      std::string passport = upper;
      REQUIRE(respell_family(n, rng, passport));
      for (char c : passport.substr(0, passport.find(' '))) CHECK_FALSE((c >= 'a' && c <= 'z'));
    }
    std::string handle = "x" + canonical + "88";
    handle.erase(handle.find(' '), 1);
    CHECK_FALSE(respell_family(n, rng, handle));
  }
  // A Uyghur name: one of its two names respelt, the other kept.
  for (int i = 0; i < 100; ++i) {
    NameParts n = draw_name(rng, i % 2 == 0, true);
    std::string canonical, name;
    canonical_name(n, canonical);
    name = canonical;
    REQUIRE(respell_family(n, rng, name));
    CHECK(name != canonical);
    bool own_kept = name.substr(0, name.find(' ')) == canonical.substr(0, canonical.find(' '));
    bool father_kept = name.substr(name.find(' ') + 1) == canonical.substr(canonical.find(' ') + 1);
    CHECK(own_kept != father_kept);
  }
}
