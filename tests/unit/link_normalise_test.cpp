#include "catch.hpp"
#include "link/normalise.hpp"

using namespace socred::link;

TEST_CASE("normalise folds case, accents and spaces", "[link]") {
  CHECK(normalise("  Wang   FANG ") == "wang fang");
  CHECK(normalise("José Müller-Lüdenscheidt") == "jose muller ludenscheidt");
  CHECK(normalise("Łukasz Żółć") == "lukasz zolc");
  CHECK(normalise("Ærøskøbing Straße") == "aeroskobing strasse");
}

TEST_CASE("normalise is pinyin-friendly", "[link]") {
  CHECK(normalise("Wáng Fāng") == "wang fang");
  CHECK(normalise("Lǚ Xiǎomíng") == "lu xiaoming");
  CHECK(normalise("Xi'an") == "xian");
  CHECK(normalise("Xi’an") == "xian");
  CHECK(normalise("Ｗａｎｇ　Ｆａｎｇ") == "wang fang");  // fullwidth letters, ideographic space
  CHECK(normalise("阿卜杜·热合曼") == "阿卜杜 热合曼");
  CHECK(normalise("王芳") == "王芳");
}

TEST_CASE("normalise drops punctuation and keeps digits", "[link]") {
  CHECK(normalise("138-1234-5678") == "138 1234 5678");
  CHECK(normalise("...") == "");
  CHECK(normalise("") == "");
  CHECK(normalise("O'Brien, Jr.") == "obrien jr");
}

TEST_CASE("squash and sorted_words", "[link]") {
  CHECK(squash("wang xiao ming") == "wangxiaoming");
  CHECK(sorted_words("wang fang") == sorted_words("fang wang"));
  CHECK(sorted_words("wang fang") == "fangwang");
  CHECK(sorted_words("") == "");
}

TEST_CASE("normalise folds every script", "[link]") {
  CHECK(normalise("ДМИТРИЙ") == normalise("дмитрий"));
  CHECK(normalise("ДМИТРИЙ") == "дмитрии");
  CHECK(normalise("ΟΔΥΣΣΕΎΣ") == normalise("Οδυσσεύς"));
  CHECK(normalise("Nguyễn Đức Thắng") == "nguyen duc thang");
  CHECK(normalise("ﬁnance") == "finance");
  CHECK(normalise("Ångström × 2") == "angstrom 2");
  CHECK(normalise("İstanbul") == "istanbul");
}

TEST_CASE("ascii", "[link]") {
  CHECK(is_ascii("abc"));
  CHECK_FALSE(is_ascii("王"));
}
