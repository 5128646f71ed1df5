#include <simdjson.h>

#include <string>

#include "catch.hpp"
#include "rules/binder.hpp"

using namespace socred::rules;
using socred::io::Path;

TEST_CASE("binder: finds every name, and only those, in tables of any size", "[rules]") {
  std::vector<Path> paths;
  for (int k = 0; k < 100; ++k) paths.push_back(Path{"field_" + std::to_string(k)});
  // Longer than 8 bytes and equal in their first 8: the tail decides.
  paths.push_back(Path{"category_a"});
  paths.push_back(Path{"category_b"});
  paths.push_back(Path{""});
  auto root = build_binder(paths);
  for (std::size_t k = 0; k < paths.size(); ++k) {
    const BindNode* node = root->find(paths[k][0]);
    REQUIRE(node != nullptr);
    CHECK(node->slot == static_cast<int>(k));
  }
  CHECK(root->find("category_c") == nullptr);
  CHECK(root->find("category") == nullptr);
  CHECK(root->find("field_100") == nullptr);
  CHECK(root->find("x") == nullptr);
  CHECK(root->table.size() >= 4 * root->nodes.size());
}

TEST_CASE("binder: nested paths share their parents; parents know the slots below", "[rules]") {
  auto root =
      build_binder({Path{"who", "city"}, Path{"who"}, Path{"who", "age"}, Path{"a", "b", "c"}});
  const BindNode* who = root->find("who");
  REQUIRE(who != nullptr);
  CHECK(who->slot == 1);
  CHECK(who->below == std::vector<int>{0, 2});
  REQUIRE(who->kids);
  CHECK(who->kids->find("city")->slot == 0);
  CHECK(who->kids->find("age")->slot == 2);
  const BindNode* a = root->find("a");
  REQUIRE(a != nullptr);
  CHECK(a->slot == -1);
  CHECK(a->kids->find("b")->kids->find("c")->slot == 3);
}

TEST_CASE("binder: key_head packs up to 8 bytes, zero-filled", "[rules]") {
  CHECK(key_head("", 0) == 0);
  CHECK(key_head("ab", 2) == key_head("abXYZ", 2));
  CHECK(key_head("abcdefgh", 8) == key_head("abcdefghij", 10));
  // A NUL byte packs like the zero fill, which is why lookups compare the
  // length as well as the head.
  CHECK(key_head("ab", 2) == key_head("ab\0", 3));
  auto root = build_binder({Path{"ab"}});
  CHECK(root->find(std::string_view("ab\0", 3)) == nullptr);
  CHECK(root->find("ab") != nullptr);
}
