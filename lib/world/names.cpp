// Name tables and the ways a name gets written differently. Family-name
// shares follow the Ministry of Public Security's 2020 ranking (per cent of
// the population); the list covers about 73% of it and is renormalised.
#include "world/names.hpp"

#include <array>
#include <cstring>
#include <string_view>
#include <vector>

namespace socred::world {

namespace {

struct Family {
  std::string_view pinyin;
  double percent;
  std::string_view alt[2];  // Wade-Giles, Cantonese or Hokkien spellings
};

constexpr Family kFamilies[] = {
    {"Wang", 7.25, {"Wong", "Ong"}},      {"Li", 7.19, {"Lee", "Lei"}},
    {"Zhang", 6.83, {"Chang", "Cheung"}}, {"Liu", 5.38, {"Lau", "Lew"}},
    {"Chen", 4.53, {"Chan", "Tan"}},      {"Yang", 3.08, {"Yeung", "Yong"}},
    {"Zhao", 2.29, {"Chao", "Chiu"}},     {"Huang", 2.23, {"Wong", "Hwang"}},
    {"Wu", 2.05, {"Woo", "Ng"}},          {"Zhou", 1.94, {"Chow", "Chou"}},
    {"Xu", 1.27, {"Hsu", "Tsui"}},        {"Sun", 1.24, {"Suen", "Soon"}},
    {"Ma", 1.20, {"Mah", "Mar"}},         {"Zhu", 1.11, {"Chu", "Chue"}},
    {"Hu", 1.04, {"Hoo", "Foo"}},         {"Guo", 0.97, {"Kuo", "Kwok"}},
    {"He", 0.96, {"Ho", "Hoh"}},          {"Gao", 0.86, {"Kao", "Ko"}},
    {"Lin", 0.85, {"Lam", "Lim"}},        {"Luo", 0.83, {"Lo", "Law"}},
    {"Zheng", 0.81, {"Cheng", "Tay"}},    {"Liang", 0.78, {"Leung", "Leong"}},
    {"Jiang", 0.78, {"Chiang", "Kong"}},  {"Yu", 0.72, {"Yue", "Yee"}},
    {"Xie", 0.61, {"Hsieh", "Tse"}},      {"Song", 0.59, {"Soong", "Sung"}},
    {"Tang", 0.56, {"Tong", "Thong"}},    {"Han", 0.50, {"Hon", "Hahn"}},
    {"Feng", 0.49, {"Fung", "Fong"}},     {"Wei", 0.49, {"Wai", "Way"}},
    {"Lu", 0.49, {"Lo", "Loo"}},          {"Deng", 0.48, {"Teng", "Tang"}},
    {"Cao", 0.47, {"Tsao", "Cho"}},       {"Peng", 0.45, {"Pang", "Phang"}},
    {"Zeng", 0.42, {"Tseng", "Tsang"}},   {"Xiao", 0.42, {"Hsiao", "Siu"}},
    {"Tian", 0.41, {"Tien", "Tin"}},      {"Dong", 0.39, {"Tung", "Tong"}},
    {"Yuan", 0.38, {"Yuen", "Won"}},      {"Pan", 0.37, {"Poon", "Phan"}},
    {"Cai", 0.35, {"Tsai", "Choi"}},      {"Shi", 0.35, {"Shih", "Sze"}},
    {"Du", 0.34, {"Tu", "To"}},           {"Ye", 0.33, {"Yeh", "Yip"}},
    {"Cheng", 0.32, {"Ching", "Ch'eng"}}, {"Su", 0.31, {"So", "Soo"}},
    {"L\xc3\xbc", 0.29, {"Lyu", "Lv"}},   {"Ding", 0.29, {"Ting", "Teng"}},
    {"Ren", 0.28, {"Jen", "Yam"}},        {"Shen", 0.27, {"Shum", "Sim"}},
    {"Yao", 0.26, {"Yiu", "Yau"}},        {"Yan", 0.27, {"Yen", "Ngan"}},
    {"Cui", 0.25, {"Tsui", "Chui"}},      {"Zhong", 0.24, {"Chung", "Chong"}},
    {"Tan", 0.24, {"Tam", "Than"}},       {"Fan", 0.22, {"Fann", "Faan"}},
    {"Jin", 0.21, {"Kam", "Chin"}},       {"Liao", 0.21, {"Liu", "Lew"}},
    {"Jia", 0.20, {"Chia", "Ka"}},        {"Xia", 0.20, {"Hsia", "Ha"}},
    {"Fu", 0.19, {"Foo", "Fou"}},         {"Fang", 0.19, {"Fong", "Hong"}},
    {"Bai", 0.18, {"Pai", "Pak"}},        {"Zou", 0.18, {"Tsou", "Chau"}},
    {"Meng", 0.18, {"Mang", "Mong"}},     {"Xiong", 0.17, {"Hsiung", "Hung"}},
    {"Qin", 0.17, {"Chin", "Tsun"}},      {"Qiu", 0.17, {"Chiu", "Yau"}},
    {"Yin", 0.16, {"Yan", "Wan"}},        {"Xue", 0.16, {"Hsueh", "Sit"}},
    {"Duan", 0.15, {"Tuan", "Tuen"}},     {"Lei", 0.15, {"Lui", "Loi"}},
    {"Hou", 0.14, {"Hau", "How"}},        {"Long", 0.14, {"Lung", "Loong"}},
    {"Tao", 0.14, {"T'ao", "Tou"}},       {"Gu", 0.13, {"Ku", "Koo"}},
    {"Mao", 0.13, {"Mo", "Mau"}},         {"Hao", 0.13, {"Hau", "Hok"}},
    {"Gong", 0.12, {"Kung", "Kong"}},     {"Shao", 0.12, {"Siu", "Shiu"}},
    {"Wan", 0.12, {"Man", "Maan"}},       {"Qian", 0.12, {"Chien", "Chin"}},
    {"Dai", 0.11, {"Tai", "Tye"}},        {"Mo", 0.11, {"Mok", "Moh"}},
    {"Kong", 0.11, {"Hung", "Kung"}},
};

// Given-name syllables by sex, most common first (weight 1 / (rank + 3)).
constexpr std::string_view kMale[] = {
    "wei",  "jun",   "qiang", "lei",  "yong",  "jie",  "tao",   "ming",  "chao", "hao",
    "gang", "peng",  "hui",   "bo",   "jian",  "hua",  "ping",  "long",  "bin",  "kai",
    "hai",  "zhi",   "guo",   "dong", "feng",  "xin",  "yu",    "cheng", "hong", "jiang",
    "jin",  "liang", "rui",   "yang", "zhen",  "wen",  "sheng", "qing",  "yi",   "lin",
    "fei",  "tian",  "xiang", "hang", "zhong", "chen", "kang",  "shan"};
constexpr std::string_view kFemale[] = {
    "fang",  "na",   "min",  "jing", "li",   "yan",  "juan", "xia", "ying", "hong", "ping", "lan",
    "mei",   "ting", "yu",   "xue",  "qian", "hui",  "yun",  "xiu", "lei",  "jie",  "ling", "qin",
    "dan",   "lu",   "yi",   "shu",  "hua",  "zhen", "rong", "xin", "wen",  "jia",  "yue",  "fen",
    "qiong", "xiao", "chun", "yao",  "meng", "shan", "lian", "hui", "qi",   "ning"};

// Uyghur personal names: the canonical Latin (ULY) spelling, two other Latin
// spellings, and the transliteration into pinyin found on Chinese documents.
struct Uyghur {
  std::string_view canonical;
  std::string_view alt[2];
  std::string_view pinyin;
};

constexpr Uyghur kUyghurMale[] = {
    {"Memet", {"Mehmet", "Muhammad"}, "Maimaiti"},
    {"Ablet", {"Abilet", "Ablat"}, "Abulaiti"},
    {"Tursun", {"Tursunjan", "Tursan"}, "Tuersun"},
    {"Abdurehim", {"Abdurahim", "Abdurrahim"}, "Abudureyimu"},
    {"Eli", {"Ali", "Aly"}, "Aili"},
    {"Ehmet", {"Ahmet", "Ahmad"}, "Aihemaiti"},
    {"Yusup", {"Yusuf", "Yousef"}, "Yusufu"},
    {"Qurban", {"Kurban", "Kurbanjan"}, "Kuerban"},
    {"Erkin", {"Arkin", "Erkinjan"}, "Aierken"},
    {"Alim", {"Alimjan", "Aalim"}, "Alimu"},
    {"Obul", {"Hobul", "Obulqasim"}, "Wubuli"},
    {"Nurmemet", {"Nurmuhammad", "Nurmehmet"}, "Nuermaimaiti"},
};
constexpr Uyghur kUyghurFemale[] = {
    {"Gulnar", {"Gulnara", "G\xc3\xbclnar"}, "Gulinaer"},
    {"Aygul", {"Aigul", "Ayg\xc3\xbcl"}, "Ayiguli"},
    {"Mahire", {"Mahira", "Mehire"}, "Mahire"},
    {"Patigul", {"Fatigul", "Patig\xc3\xbcl"}, "Patiguli"},
    {"Zulpiye", {"Zulfiya", "Zulpiya"}, "Zulipiye"},
    {"Rizwangul", {"Rizvangul", "Rizwan"}, "Reziwanguli"},
    {"Mihray", {"Mihrai", "Mehray"}, "Mihereayi"},
    {"Ayshem", {"Aishem", "Ayshe"}, "Ayixiamu"},
    {"Nurgul", {"Nurg\xc3\xbcl", "Nurgulya"}, "Nuerguli"},
    {"Dilnur", {"Dilnura", "Delnur"}, "Dilinuer"},
};

constexpr std::string_view kEnglishMale[] = {"Kevin", "Jack", "Tony",    "David", "Eric",
                                             "Jason", "Leo",  "Michael", "Sunny", "Frank"};
constexpr std::string_view kEnglishFemale[] = {"Lily", "Grace", "Amy",   "Vivian", "Cherry",
                                               "Coco", "Emma",  "Linda", "Helen",  "Sophia"};

template <std::size_t N>
constexpr std::uint32_t count(const std::string_view (&)[N]) {
  return N;
}

constexpr std::uint32_t kFamilyCount = sizeof(kFamilies) / sizeof(kFamilies[0]);
constexpr std::uint32_t kUyghurMaleCount = sizeof(kUyghurMale) / sizeof(kUyghurMale[0]);
constexpr std::uint32_t kUyghurFemaleCount = sizeof(kUyghurFemale) / sizeof(kUyghurFemale[0]);

struct Tables {
  std::vector<double> family, male, female;
  Tables() {
    double sum = 0;
    for (const Family& f : kFamilies) family.push_back(sum += f.percent);
    sum = 0;
    for (std::uint32_t i = 0; i < count(kMale); ++i) male.push_back(sum += 1.0 / (i + 3));
    sum = 0;
    for (std::uint32_t i = 0; i < count(kFemale); ++i) female.push_back(sum += 1.0 / (i + 3));
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}

const Uyghur& uyghur_name(std::uint16_t i, bool female) {
  return female ? kUyghurFemale[i] : kUyghurMale[i];
}

std::string_view syllable(std::uint16_t i, bool female) { return female ? kFemale[i] : kMale[i]; }

void append_capital(std::string& out, std::string_view s) {
  out.push_back(static_cast<char>(s[0] - 'a' + 'A'));
  out.append(s.substr(1));
}

void append_upper(std::string& out, std::string_view s) {
  for (char c : s) out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
}

void append_lower(std::string& out, std::string_view s) {
  for (char c : s) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
}

// "Xiuying": the given name as the register writes it.
void append_given(std::string& out, const NameParts& n) {
  bool f = n.female != 0;
  append_capital(out, syllable(n.given1, f));
  if (n.given2 != NameParts::kNone) out.append(syllable(n.given2, f));
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Neighbouring keys on a QWERTY keyboard, for substitutions people make.
constexpr std::string_view kNeighbours[26] = {
    "qwsz",   "vghn",  "xdfv", "serfcx", "wsdr", "drtgvc", "ftyhbv", "gyujnb", "ujko",
    "huikmn", "jiolm", "kop",  "njk",    "bhjm", "iklp",   "ol",     "wa",     "edft",
    "awedxz", "rfgy",  "yhji", "cfgb",   "qase", "zsdc",   "tghu",   "asx"};

char neighbour(char c, Rng& rng) {
  bool upper = c >= 'A' && c <= 'Z';
  char lower = upper ? static_cast<char>(c - 'A' + 'a') : c;
  std::string_view keys = kNeighbours[lower - 'a'];
  char r = keys[rng.below(static_cast<std::uint32_t>(keys.size()))];
  return upper ? static_cast<char>(r - 'a' + 'A') : r;
}

}  // namespace

NameParts draw_name(Rng& rng, bool female, bool uyghur) {
  NameParts n;
  n.female = female ? 1 : 0;
  const Tables& t = tables();
  if (uyghur) {
    n.uyghur = 1;
    n.given1 =
        static_cast<std::uint16_t>(rng.below(female ? kUyghurFemaleCount : kUyghurMaleCount));
    n.family = static_cast<std::uint16_t>(rng.below(kUyghurMaleCount));
    return n;
  }
  n.family = static_cast<std::uint16_t>(rng.pick(t.family.data(), kFamilyCount));
  const auto& syl = female ? t.female : t.male;
  auto m = static_cast<std::uint32_t>(syl.size());
  n.given1 = static_cast<std::uint16_t>(rng.pick(syl.data(), m));
  // About a quarter of given names are a single character.
  if (rng.chance(0.75)) {
    do n.given2 = static_cast<std::uint16_t>(rng.pick(syl.data(), m));
    while (n.given2 == n.given1 && rng.chance(0.7));
  }
  return n;
}

void canonical_name(const NameParts& n, std::string& out) {
  out.clear();
  if (n.uyghur) {
    out.append(uyghur_name(n.given1, n.female).canonical);
    out.push_back(' ');
    out.append(kUyghurMale[n.family].canonical);
    return;
  }
  out.append(kFamilies[n.family].pinyin);
  out.push_back(' ');
  append_given(out, n);
}

void variant_name(const NameParts& n, Rng& rng, std::string& out) {
  out.clear();
  if (n.uyghur) {
    const Uyghur& own = uyghur_name(n.given1, n.female);
    const Uyghur& father = kUyghurMale[n.family];
    switch (rng.below(3)) {
      case 0:  // Chinese documents: pinyin transliteration joined by a middle dot
        out.append(own.pinyin).append("\xc2\xb7").append(father.pinyin);
        return;
      case 1:
        out.append(own.alt[rng.below(2)]).push_back(' ');
        out.append(father.canonical);
        return;
      default:
        out.append(own.canonical).push_back(' ');
        out.append(father.alt[rng.below(2)]);
        return;
    }
  }
  const Family& fam = kFamilies[n.family];
  bool f = n.female != 0;
  switch (rng.below(5)) {
    case 0:  // another romanisation of the family name
      out.append(fam.alt[rng.below(2)]).push_back(' ');
      append_given(out, n);
      return;
    case 1:  // Western order, unless that reads the same (Yang Yang): then case 2
      append_given(out, n);
      out.push_back(' ');
      out.append(fam.pinyin);
      if (out.compare(0, fam.pinyin.size(), fam.pinyin) != 0 || out[fam.pinyin.size()] != ' ')
        return;
      out.clear();
      [[fallthrough]];
    case 2:  // Wade-Giles style hyphen, or a single given name spelled out
      out.append(fam.pinyin).push_back(' ');
      append_capital(out, syllable(n.given1, f));
      if (n.given2 != NameParts::kNone)
        out.append("-").append(syllable(n.given2, f));
      else
        out.append(syllable(n.given1, f));  // reduplicated: "Lei" -> "Leilei"
      return;
    case 3:  // joined, as in an e-mail address or a form with one box
      out.append(fam.pinyin);
      append_given(out, n);
      return;
    case 4:
    default: {  // passport capitals (the passport writes Lü as LYU)
      bool ascii = fam.pinyin.find('\xc3') == std::string_view::npos;
      append_upper(out, ascii ? fam.pinyin : fam.alt[0]);
      out.push_back(' ');
      std::string given;
      append_given(given, n);
      append_upper(out, given);
      return;
    }
  }
}

void nickname(const NameParts& n, Rng& rng, std::string& out) {
  out.clear();
  bool f = n.female != 0;
  if (n.uyghur) {
    const Uyghur& own = uyghur_name(n.given1, n.female);
    if (rng.chance(0.6)) {  // the affectionate suffix -jan / -xan
      out.append(own.canonical).append(f ? "xan" : "jan");
    } else {
      append_lower(out, own.canonical);
      out.append(std::to_string(rng.below(90) + 10));
    }
    return;
  }
  const Family& fam = kFamilies[n.family];
  std::string_view last = syllable(n.given2 != NameParts::kNone ? n.given2 : n.given1, f);
  switch (rng.below(5)) {
    case 0:
      out.append("Xiao ").append(fam.pinyin);
      return;
    case 1:
      out.append("Lao ").append(fam.pinyin);
      return;
    case 2:  // reduplication: Mingming
      append_capital(out, last);
      out.append(last);
      return;
    case 3:
      out.append(f ? kEnglishFemale[rng.below(10)] : kEnglishMale[rng.below(10)]);
      out.push_back(' ');
      out.append(fam.pinyin);
      return;
    default: {  // a handle: wangxiuying88
      append_lower(out, fam.pinyin);
      append_lower(out, syllable(n.given1, f));
      if (n.given2 != NameParts::kNone) out.append(syllable(n.given2, f));
      out.append(std::to_string(rng.below(90) + 10));
      return;
    }
  }
}

namespace {

bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    char y = b[i] >= 'A' && b[i] <= 'Z' ? static_cast<char>(b[i] - 'A' + 'a') : b[i];
    if (x != y) return false;
  }
  return true;
}

// Replaces the first word of `name` that is `from` (any ASCII case) by `to`,
// in capitals if the word was; false if no word is.
bool replace_word(std::string& name, std::string_view from, std::string_view to) {
  std::size_t begin = 0;
  while (begin <= name.size()) {
    std::size_t end = name.find(' ', begin);
    if (end == std::string::npos) end = name.size();
    std::string_view word(name.data() + begin, end - begin);
    if (equal_ignoring_ascii_case(word, from)) {
      bool upper = word.size() > 1 && word[1] >= 'A' && word[1] <= 'Z';
      std::string with;
      if (upper)
        append_upper(with, to);
      else
        with.assign(to);
      name.replace(begin, end - begin, with);
      return true;
    }
    begin = end + 1;
  }
  return false;
}

}  // namespace

bool respell_family(const NameParts& n, Rng& rng, std::string& name) {
  if (n.uyghur) {
    // Either name may be the one respelt; try the drawn one first.
    const Uyghur& own = uyghur_name(n.given1, n.female);
    const Uyghur& father = kUyghurMale[n.family];
    bool father_first = rng.below(2) == 1;
    std::string_view alt = (father_first ? father : own).alt[rng.below(2)];
    if (replace_word(name, (father_first ? father : own).canonical, alt)) return true;
    return replace_word(name, (father_first ? own : father).canonical,
                        (father_first ? own : father).alt[rng.below(2)]);
  }
  const Family& fam = kFamilies[n.family];
  return replace_word(name, fam.pinyin, fam.alt[rng.below(2)]);
}

bool swap_name_order(std::string& name) {
  std::size_t space = name.find(' ');
  if (space == std::string::npos) return false;
  std::string first = name.substr(0, space);
  name.erase(0, space + 1);
  name.push_back(' ');
  name.append(first);
  return true;
}

const char* apply_typo(std::string& s, Rng& rng, int want) {
  std::vector<std::size_t> at;  // candidate positions for the wanted kind
  if (want == 1 || want == 2) {
    for (std::size_t i = 0; i < s.size(); ++i)
      if (is_ascii_letter(s[i])) at.push_back(i);
    if (want == 1 && at.size() < 3) at.clear();  // keep at least two letters
  } else if (want == 3) {
    for (std::size_t i = 0; i + 1 < s.size(); ++i)
      if (is_ascii_letter(s[i]) && is_ascii_letter(s[i + 1]) && s[i] != s[i + 1]) at.push_back(i);
  }
  if (want != 0 && !at.empty()) {
    std::size_t i = at[rng.below(static_cast<std::uint32_t>(at.size()))];
    if (want == 1) {
      s.erase(i, 1);
      return "deletion";
    }
    if (want == 2) {
      s[i] = neighbour(s[i], rng);
      return "substitution";
    }
    std::swap(s[i], s[i + 1]);
    return "transposition";
  }
  // Insertion: a neighbour of a letter typed next to it, between two ASCII
  // bytes (or at the end) so no multi-byte character is split.
  std::vector<std::size_t> gaps;
  for (std::size_t i = 1; i <= s.size(); ++i)
    if (is_ascii_letter(s[i - 1]) && (i == s.size() || static_cast<unsigned char>(s[i]) < 0x80))
      gaps.push_back(i);
  if (gaps.empty()) {
    s.push_back('a');
    return "insertion";
  }
  std::size_t i = gaps[rng.below(static_cast<std::uint32_t>(gaps.size()))];
  s.insert(i, 1, neighbour(s[i - 1], rng));
  return "insertion";
}

}  // namespace socred::world
