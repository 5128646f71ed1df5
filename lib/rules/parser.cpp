// The grammar of socred-rules(5). Clause words (when, points, reason...)
// are keywords only where a clause may start; in expressions only and, or,
// not, in, true, false and null are reserved, so almost any field name can
// be written bare (the others with ["..."]).
#include "rules/parser.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>
#include <unordered_map>

#include "rules/functions.hpp"
#include "rules/lexer.hpp"
#include "rules/time.hpp"

namespace socred::rules {
namespace {

bool reserved(std::string_view w) {
  return w == "and" || w == "or" || w == "not" || w == "in" || w == "true" || w == "false" ||
         w == "null";
}

constexpr const char* kRuleClauses =
    "when, points, reason, evidence, at most, fade, expire, flag, spill";

class Parser {
 public:
  Parser(const Source& source) : src_(source), toks_(tokenize(source)) {}

  void rules_file(Program::Impl& impl) {
    while (!at_end()) {
      const Token& t = peek();
      if (is_word("base")) {
        if (impl.has_base) fail(t, "a rule set has one 'base'; this is a second one");
        next();
        impl.base = milli("a number after 'base' (the score before any rule)");
        impl.has_base = true;
      } else if (is_word("range")) {
        if (impl.min) fail(t, "a rule set has one 'range'; this is a second one");
        next();
        Milli lo = milli("a number after 'range' (range LOW to HIGH)");
        expect_word("to", "'to' in 'range LOW to HIGH'");
        const Token& hi_tok = peek();
        Milli hi = milli("a number after 'to' (range LOW to HIGH)");
        if (hi < lo)
          fail(hi_tok, fmt::format("expected HIGH >= LOW in 'range {} to {}'", format_milli(lo),
                                   format_milli(hi)));
        impl.min = lo;
        impl.max = hi;
      } else if (is_word("rule")) {
        rule(impl);
      } else if (is_word("service") || is_word("allow") || is_word("forbid")) {
        fail(t, fmt::format("expected 'base', 'range' or 'rule', found {}: services belong in a "
                            "policy file (gate --policy)",
                            describe(t)));
      } else {
        fail(t, fmt::format("expected 'base', 'range' or 'rule', found {}", describe(t)));
      }
    }
    if (!impl.has_base)
      fail(peek(), "expected 'base N' somewhere in the file: a rule set needs a base score");
    if (impl.min && (impl.base < *impl.min || impl.base > *impl.max))
      src_.fail(
          0, fmt::format("expected the base {} within the range {} to {}", format_milli(impl.base),
                         format_milli(*impl.min), format_milli(*impl.max)));
  }

  void policy_file(Program::Impl& impl) {
    if (at_end()) fail(peek(), "expected 'service': a policy needs at least one service");
    while (!at_end()) {
      const Token& t = peek();
      if (!is_word("service")) {
        if (is_word("rule") || is_word("base") || is_word("range"))
          fail(t, fmt::format("expected 'service', found {}: rules belong in a rules file "
                              "(score --rules)",
                              describe(t)));
        fail(t, fmt::format("expected 'service', found {}", describe(t)));
      }
      service(impl);
    }
  }

  NodePtr whole_expression() {
    NodePtr e = expression();
    if (!at_end())
      fail(peek(), fmt::format("expected an operator or the end, found {}", describe(peek())));
    return e;
  }

 private:
  // --- tokens -------------------------------------------------------------
  const Token& peek(std::size_t ahead = 0) const {
    std::size_t k = pos_ + ahead;
    return toks_[k < toks_.size() ? k : toks_.size() - 1];
  }
  const Token& next() {
    const Token& t = peek();
    if (t.kind != Tok::end) {
      prev_end_ = t.offset + t.text.size();
      ++pos_;
    }
    return t;
  }
  bool at_end() const { return peek().kind == Tok::end; }
  bool is(Tok kind, std::size_t ahead = 0) const { return peek(ahead).kind == kind; }
  bool is_word(std::string_view w, std::size_t ahead = 0) const {
    return peek(ahead).kind == Tok::word && peek(ahead).text == w;
  }
  [[noreturn]] void fail(const Token& t, const std::string& message) const {
    src_.fail(t.offset, message);
  }
  [[noreturn]] void expected(const std::string& what) const {
    fail(peek(), fmt::format("expected {}, found {}", what, describe(peek())));
  }
  void expect(Tok kind, const char* what) {
    if (!is(kind)) expected(what);
    next();
  }
  void expect_word(std::string_view w, const std::string& what) {
    if (!is_word(w)) expected(what);
    next();
  }
  std::string text_from(std::size_t begin) const {
    return src_.text().substr(begin, prev_end_ > begin ? prev_end_ - begin : 0);
  }

  // --- numbers ------------------------------------------------------------
  // An optional sign and a number token, as exact thousandths.
  Milli milli(const std::string& what) {
    std::string text;
    const Token& first = peek();
    if (is(Tok::plus) || is(Tok::minus)) text = std::string(next().text);
    if (!is(Tok::number)) {
      if (!text.empty())
        fail(peek(), fmt::format("expected a number after '{}', found {}", text, describe(peek())));
      expected(what);
    }
    const Token& num = next();
    text += num.text;
    auto value = parse_milli(text);
    if (!value)
      fail(first,
           fmt::format("expected a number with at most three decimals, found {}", describe(num)));
    return *value;
  }

  double positive(const std::string& what) {
    if (!is(Tok::number)) expected(what);
    const Token& t = next();
    double v = std::strtod(std::string(t.text).c_str(), nullptr);
    if (!(v > 0) || !std::isfinite(v))
      fail(t, fmt::format("expected {}, found {}", what, describe(t)));
    return v;
  }

  std::int64_t whole(const std::string& what, std::int64_t lo, std::int64_t hi) {
    if (!is(Tok::number)) expected(what);
    const Token& t = next();
    auto v = parse_milli(t.text);
    if (!v || *v % 1000 != 0 || *v / 1000 < lo || *v / 1000 > hi)
      fail(t, fmt::format("expected {}, found {}", what, describe(t)));
    return *v / 1000;
  }

  // "30 days", "day", "2 weeks", "year"; hours and a fractional count
  // ("2.6 hours", to the microsecond) only where whole days are not
  // required. Returns microseconds.
  std::int64_t duration(bool whole_days, const std::string& what) {
    constexpr int kDecimals = 6;  // the count, in millionths
    constexpr std::int64_t kOne = 1'000'000;
    constexpr std::int64_t kMaxCount = 100000;
    std::int64_t count = kOne;
    if (whole_days && is(Tok::number)) {
      count = whole(what, 1, kMaxCount) * kOne;
    } else if (is(Tok::number)) {
      const Token& t = next();
      auto v = parse_scaled(t.text, kDecimals);
      if (!v || *v <= 0 || *v > kMaxCount * kOne)
        fail(t, fmt::format("expected {} (a count above 0, at most {} with at most six "
                            "decimals), found {}",
                            what, kMaxCount, describe(t)));
      count = *v;
    }
    if (!is(Tok::word)) expected(what);
    std::string_view u = peek().text;
    if (u.size() > 1 && u.back() == 's') u.remove_suffix(1);
    std::int64_t seconds = 0;
    if (u == "day")
      seconds = 86400;
    else if (u == "week")
      seconds = 7 * 86400;
    else if (u == "year")
      seconds = 365 * 86400;
    else if (u == "hour" && !whole_days)
      seconds = 3600;
    else
      expected(what);
    next();
    // count <= 10^11 millionths, times at most 3.2e7 seconds: below 2^63.
    return count * seconds;
  }

  // at most [+|-]N (per [N] unit | in total); `rule_points` gives an
  // unsigned limit its direction.
  Cap cap(Milli rule_points, const std::string& owner) {
    expect_word("most", "'most' after 'at' (at most N per 30 days)");
    const Token& limit_tok = peek();
    bool signed_limit = is(Tok::plus) || is(Tok::minus);
    Milli limit = milli("a number after 'at most'");
    if (limit == 0) fail(limit_tok, "expected a limit other than 0 after 'at most'");
    if (signed_limit && rule_points != 0 && (limit > 0) != (rule_points > 0))
      fail(limit_tok, fmt::format("expected a limit with the sign of {}'s points ({}): a cap "
                                  "limits the sum in the direction the points go",
                                  owner, format_milli(rule_points)));
    if (!signed_limit && rule_points < 0) limit = -limit;
    Cap c;
    c.limit = limit;
    if (is_word("in")) {
      next();
      expect_word("total", "'total' after 'in' (at most N in total)");
      c.days = 0;
    } else {
      expect_word("per", "'per' and a period, or 'in total', after the limit");
      c.days = duration(true, "a period in days, weeks or years (per 30 days)") / kMicrosPerDay;
    }
    return c;
  }

  // --- rules ----------------------------------------------------------------
  void rule(Program::Impl& impl) {
    const Token& rule_tok = next();
    if (!is(Tok::word) || reserved(peek().text)) expected("a rule name after 'rule'");
    const Token& name_tok = next();
    Rule r;
    r.name = std::string(name_tok.text);
    r.where = where(rule_tok);
    auto [known, fresh] = names_.emplace(r.name, r.where.line);
    if (!fresh)
      fail(name_tok, fmt::format("expected a new rule name: '{}' is already defined at line {}",
                                 r.name, known->second));
    if (is(Tok::colon)) next();
    NodePtr condition, unit;
    bool has_points = false, has_reason = false, has_evidence = false;
    std::set<std::string> seen;
    auto once = [&](const Token& t, const std::string& clause) {
      if (!seen.insert(clause).second)
        fail(t, fmt::format("rule '{}' already has a '{}' clause", r.name, clause));
    };
    for (;;) {
      const Token& t = peek();
      if (at_end() || is_word("rule") || is_word("base") || is_word("range")) break;
      if (!is(Tok::word))
        fail(t, fmt::format("expected a clause of rule '{}' ({}) or the next 'rule', found {}",
                            r.name, kRuleClauses, describe(t)));
      std::string w(t.text);
      if (w == "when") {
        once(t, w);
        next();
        condition = expression();
        r.condition = condition->source;
      } else if (w == "points") {
        once(t, w);
        next();
        r.points = milli("points: a number like +5, -10 or -0.5");
        has_points = true;
        if (is_word("per")) {
          next();
          r.per_unit = true;
          if (is(Tok::number) && is_word("of", 1)) {
            r.per = positive("a positive number after 'per' (per 100 of amount)");
            next();  // of
          } else if (is(Tok::number)) {
            next();
            expected("'of' after the number (per 100 of amount)");
          }
          unit = additive();
          r.unit = unit->source;
        }
      } else if (w == "reason") {
        once(t, w);
        next();
        r.reason = text("the reason in double quotes (what a person denied would be told)");
        has_reason = true;
      } else if (w == "evidence") {
        once(t, w);
        next();
        r.evidence = evidence();
        r.citation = text("a citation in double quotes after the evidence tag");
        has_evidence = true;
      } else if (w == "at") {
        once(t, "at most");
        next();
        if (!has_points)
          fail(t, fmt::format(
                      "expected 'points' before 'at most' in rule '{}': a cap limits the points",
                      r.name));
        r.cap = cap(r.points, "rule '" + r.name + "'");
      } else if (w == "fade" || w == "expire") {
        once(t, "fade or expire");
        next();
        if (w == "fade") {
          if (is_word("half_life")) {
            next();
          } else if (is_word("half") && is(Tok::minus, 1) && is_word("life", 2)) {
            next(), next(), next();
          } else {
            expected("'half-life' after 'fade' (fade half-life 180 days)");
          }
          r.fade.kind = Fade::half_life;
        } else {
          expect_word("after", "'after' (expire after 2 years)");
          r.fade.kind = Fade::expire;
        }
        r.fade.micros = duration(false, "a duration in hours, days, weeks or years");
      } else if (w == "flag") {
        next();
        std::string flag;
        if (is(Tok::string))
          flag = next().value;
        else if (is(Tok::word))
          flag = std::string(next().text);
        else
          expected("a flag name after 'flag' (flag blacklist)");
        if (flag.empty()) fail(t, "expected a flag name, found an empty string");
        r.flags.push_back(flag);
      } else if (w == "spill") {
        once(t, w);
        next();
        if (!has_points)
          fail(t, fmt::format(
                      "expected 'points' before 'spill' in rule '{}': a spill shares the points",
                      r.name));
        r.spill = spill(r);
      } else {
        fail(t, fmt::format("expected a clause of rule '{}' ({}) or the next 'rule', found {}",
                            r.name, kRuleClauses, describe(t)));
      }
    }
    auto need = [&](bool has, const char* what) {
      if (!has) fail(name_tok, fmt::format("rule '{}' has no {}", r.name, what));
    };
    need(condition != nullptr, "'when' clause: when CONDITION says which events it matches");
    need(has_points, "'points' clause: points +5, or points -1 per 100 of amount");
    need(has_reason, "'reason': reason \"...\" says what a person would be told");
    need(has_evidence,
         "'evidence': evidence documented|reported|speculative \"source\" says how sure we are");
    impl.rules.push_back(std::move(r));
    impl.conditions.push_back(std::move(condition));
    impl.units.push_back(std::move(unit));
  }

  Spill spill(const Rule& r) {
    Spill s;
    const Token& share_tok = peek();
    s.share = positive("a share between 0 and 1 after 'spill' (spill 0.2 to friends)");
    if (s.share > 1)
      fail(share_tok,
           fmt::format("expected a share between 0 and 1, found {}", describe(share_tok)));
    expect_word("to", "'to friends' after the share");
    expect_word("friends", "'friends' after 'to'");
    if (is_word("within")) {
      next();
      s.hops = static_cast<int>(
          whole(fmt::format("a number of hops from 1 to {}", kMaxHops), 1, kMaxHops));
      if (!is_word("hop") && !is_word("hops")) expected("'hops' after the number");
      next();
    }
    if (is_word("decay")) {
      next();
      const Token& d = peek();
      s.decay = positive("a decay between 0 and 1 (decay 0.5 per hop)");
      if (s.decay > 1)
        fail(d, fmt::format("expected a decay between 0 and 1, found {}", describe(d)));
      if (is_word("per") && is_word("hop", 1)) next(), next();
    }
    if (is_word("at") && is_word("most", 1)) {
      next();
      s.cap = cap(r.points, "rule '" + r.name + "'");
    }
    return s;
  }

  Evidence evidence() {
    Evidence e;
    if (is_word("documented"))
      e = Evidence::documented;
    else if (is_word("reported"))
      e = Evidence::reported;
    else if (is_word("speculative"))
      e = Evidence::speculative;
    else
      expected("documented, reported or speculative after 'evidence'");
    next();
    return e;
  }

  std::string text(const std::string& what) {
    if (!is(Tok::string)) expected(what);
    const Token& t = next();
    if (t.value.empty()) fail(t, fmt::format("expected {}, found an empty string", what));
    return t.value;
  }

  Location where(const Token& t) const {
    Location loc;
    src_.locate(t.offset, loc.line, loc.column);
    return loc;
  }

  // --- policies ---------------------------------------------------------------
  void service(Program::Impl& impl) {
    next();  // service
    Service s;
    const Token& name_tok = peek();
    s.where = where(name_tok);
    if (is(Tok::string)) {
      s.name = next().value;
    } else if (is(Tok::word)) {
      s.name = std::string(next().text);
      while (is(Tok::dot) && peek().offset == prev_end_ && is(Tok::word, 1) &&
             peek(1).offset == prev_end_ + 1) {
        next();
        s.name += "." + std::string(next().text);
      }
    } else {
      expected("a service name after 'service' (service flight)");
    }
    if (s.name.empty()) fail(name_tok, "expected a service name, found an empty string");
    auto [known, fresh] = names_.emplace(s.name, s.where.line);
    if (!fresh)
      fail(name_tok, fmt::format("expected a new service name: '{}' is already defined at line {}",
                                 s.name, known->second));
    if (is(Tok::colon)) next();
    std::vector<NodePtr> conditions;
    while (is_word("allow") || is_word("forbid")) {
      const Token& kw = next();
      Clause c;
      c.forbid = kw.text == "forbid";
      c.where = where(kw);
      expect_word("when", fmt::format("'when' after '{}' ({} when CONDITION)", kw.text, kw.text));
      NodePtr condition = expression();
      c.condition = condition->source;
      bool has_reason = false;
      for (;;) {
        if (is_word("reason")) {
          if (has_reason) fail(peek(), "this clause already has a reason");
          next();
          c.reason = text("the reason in double quotes (what a person would be told)");
          has_reason = true;
        } else if (is_word("evidence")) {
          if (c.evidence) fail(peek(), "this clause already has an evidence tag");
          next();
          c.evidence = evidence();
          c.citation = text("a citation in double quotes after the evidence tag");
        } else {
          break;
        }
      }
      if (!has_reason)
        expected(fmt::format("'reason \"...\"' for this {} clause (what a person would be told)",
                             kw.text));
      s.clauses.push_back(std::move(c));
      conditions.push_back(std::move(condition));
    }
    if (!at_end() && !is_word("service"))
      expected(fmt::format("'allow', 'forbid' or the next 'service' in service '{}'", s.name));
    impl.services.push_back(std::move(s));
    impl.clause_conditions.push_back(std::move(conditions));
  }

  // --- expressions ------------------------------------------------------------
  NodePtr node(NodeKind kind, std::size_t begin) {
    auto n = std::make_unique<Node>();
    n->kind = kind;
    n->begin = begin;
    return n;
  }
  NodePtr finish(NodePtr n) {
    n->end = prev_end_;
    n->source = text_from(n->begin);
    // Bounds the tree's depth, so that evaluating it cannot exhaust the stack
    // (10,000 nested 'not's or parentheses; a flat 'and' or 'or' is one
    // level, whatever its length).
    int depth = 0;
    for (const auto& kid : n->kids) depth = std::max(depth, kid->depth);
    n->depth = depth + 1;
    if (n->depth > kMaxDepth)
      src_.fail(n->begin, fmt::format("expression nested deeper than {} levels", kMaxDepth));
    return n;
  }
  NodePtr binary(NodeKind kind, NodePtr left, NodePtr right) {
    auto n = node(kind, left->begin);
    n->kids.push_back(std::move(left));
    n->kids.push_back(std::move(right));
    return finish(std::move(n));
  }

  NodePtr expression() {
    if (++depth_ > kMaxDepth)
      fail(peek(), fmt::format("expression nested deeper than {} levels", kMaxDepth));
    NodePtr e = or_expr();
    --depth_;
    return e;
  }

  // `a or b or c` is one node with three kids, not a chain: the depth limit
  // is on nesting, and a flat list of 1,000 alternatives nests one level.
  NodePtr or_expr() {
    NodePtr first = and_expr();
    if (!is_word("or")) return first;
    auto n = node(NodeKind::or_, first->begin);
    n->kids.push_back(std::move(first));
    while (is_word("or")) {
      next();
      n->kids.push_back(and_expr());
    }
    return finish(std::move(n));
  }

  NodePtr and_expr() {
    NodePtr first = not_expr();
    if (!is_word("and")) return first;
    auto n = node(NodeKind::and_, first->begin);
    n->kids.push_back(std::move(first));
    while (is_word("and")) {
      next();
      n->kids.push_back(not_expr());
    }
    return finish(std::move(n));
  }

  NodePtr not_expr() {
    if (is_word("not")) {
      std::size_t begin = next().offset;
      if (++depth_ > kMaxDepth)
        fail(peek(), fmt::format("expression nested deeper than {} levels", kMaxDepth));
      auto n = node(NodeKind::not_, begin);
      n->kids.push_back(not_expr());
      --depth_;
      return finish(std::move(n));
    }
    return comparison();
  }

  bool comparison_ahead(Op& op, std::size_t& width) const {
    width = 1;
    switch (peek().kind) {
      case Tok::eq:
        op = Op::eq;
        return true;
      case Tok::ne:
        op = Op::ne;
        return true;
      case Tok::lt:
        op = Op::lt;
        return true;
      case Tok::le:
        op = Op::le;
        return true;
      case Tok::gt:
        op = Op::gt;
        return true;
      case Tok::ge:
        op = Op::ge;
        return true;
      default:
        break;
    }
    if (is_word("in")) {
      op = Op::in;
      return true;
    }
    if (is_word("not") && is_word("in", 1)) {
      op = Op::not_in;
      width = 2;
      return true;
    }
    return false;
  }

  NodePtr comparison() {
    NodePtr left = additive();
    Op op;
    std::size_t width;
    if (!comparison_ahead(op, width)) return left;
    for (std::size_t k = 0; k < width; ++k) next();
    NodePtr right;
    if ((op == Op::in || op == Op::not_in) && is(Tok::lbracket) && !is_bracket_path()) {
      right = list();
    } else {
      right = additive();
    }
    auto n = node(NodeKind::compare, left->begin);
    n->op = op;
    n->kids.push_back(std::move(left));
    n->kids.push_back(std::move(right));
    n = finish(std::move(n));
    if (comparison_ahead(op, width))
      fail(peek(),
           fmt::format("comparisons do not chain: join them with 'and' ({} and ...)", n->source));
    return n;
  }

  // After `in`, `[` starts a list; `["a.b"].c` (a bracket path followed by
  // more path) is the one case read as a field.
  bool is_bracket_path() const {
    return is(Tok::lbracket) && is(Tok::string, 1) && is(Tok::rbracket, 2) &&
           (is(Tok::dot, 3) || is(Tok::lbracket, 3));
  }

  NodePtr list() {
    auto n = node(NodeKind::list, next().offset);
    if (!is(Tok::rbracket)) {
      for (;;) {
        n->kids.push_back(list_item());
        if (is(Tok::comma)) {
          next();
          continue;
        }
        if (!is(Tok::rbracket)) expected("',' or ']' in the list");
        break;
      }
    }
    next();
    return finish(std::move(n));
  }

  NodePtr list_item() {
    std::size_t begin = peek().offset;
    bool minus = false;
    if (is(Tok::minus)) {
      next();
      minus = true;
      if (!is(Tok::number)) expected("a number after '-' in the list");
    }
    if (is(Tok::number) || is(Tok::string) || is_word("true") || is_word("false") ||
        is_word("null")) {
      NodePtr lit = literal();
      if (minus) {
        if (lit->literal.kind == Kind::integer && lit->literal.i != INT64_MIN)
          lit->literal.i = -lit->literal.i;
        else
          lit->literal = Value::real(-lit->literal.as_double());
        lit->begin = begin;
        lit = finish(std::move(lit));
      }
      return lit;
    }
    expected("a number, a string, true, false or null in the list (lists hold constants)");
  }

  NodePtr additive() {
    NodePtr left = multiplicative();
    while (is(Tok::plus) || is(Tok::minus)) {
      Arith a = next().kind == Tok::plus ? Arith::add : Arith::sub;
      NodePtr right = multiplicative();
      NodePtr n = binary(NodeKind::arith, std::move(left), std::move(right));
      n->arith = a;
      left = std::move(n);
    }
    return left;
  }

  NodePtr multiplicative() {
    NodePtr left = unary();
    while (is(Tok::star) || is(Tok::slash) || is(Tok::percent)) {
      Tok k = next().kind;
      Arith a = k == Tok::star ? Arith::mul : k == Tok::slash ? Arith::div : Arith::mod;
      NodePtr n = binary(NodeKind::arith, std::move(left), unary());
      n->arith = a;
      left = std::move(n);
    }
    return left;
  }

  NodePtr unary() {
    if (is(Tok::minus)) {
      std::size_t begin = next().offset;
      if (++depth_ > kMaxDepth)
        fail(peek(), fmt::format("expression nested deeper than {} levels", kMaxDepth));
      auto n = node(NodeKind::negate, begin);
      n->kids.push_back(unary());
      --depth_;
      return finish(std::move(n));
    }
    if (is(Tok::plus)) fail(peek(), "expected a value: a leading '+' is only for points");
    return primary();
  }

  NodePtr literal() {
    const Token& t = next();
    auto n = node(NodeKind::literal, t.offset);
    if (t.kind == Tok::number) {
      std::string digits(t.text);
      bool integral = digits.find_first_of(".eE") == std::string::npos;
      errno = 0;
      long long i = integral ? std::strtoll(digits.c_str(), nullptr, 10) : 0;
      if (integral && errno == 0) {
        n->literal = Value::integer(i);
      } else {
        double d = std::strtod(digits.c_str(), nullptr);
        if (!std::isfinite(d))
          fail(t, fmt::format("expected a number within range, found {}", describe(t)));
        n->literal = Value::real(d);
      }
    } else if (t.kind == Tok::string) {
      n->text_value = t.value;
      n->literal = Value::string(n->text_value);  // the node is on the heap: the text stays put
    } else if (t.text == "true" || t.text == "false") {
      n->literal = Value::boolean(t.text == "true");
    } else {
      n->literal = Value::null();
    }
    return finish(std::move(n));
  }

  NodePtr primary() {
    const Token& t = peek();
    if (t.kind == Tok::number || t.kind == Tok::string || is_word("true") || is_word("false") ||
        is_word("null"))
      return literal();
    if (t.kind == Tok::lparen) {
      next();
      NodePtr inner = expression();
      expect(Tok::rparen, "')'");
      // Parentheses widen the node's text so gate shows what was written.
      inner->begin = t.offset;
      return finish(std::move(inner));
    }
    if (t.kind == Tok::word && !reserved(t.text) && is(Tok::lparen, 1)) return call();
    // `score >=` then `reason "..."` on the next line would read `reason` as
    // a field and blame the string; name the unfinished condition instead.
    if (t.kind == Tok::word && (t.text == "reason" || t.text == "evidence") && is(Tok::string, 1))
      fail(t, fmt::format("expected a value to end the condition, found the clause '{} \"...\"'",
                          t.text));
    if (t.kind == Tok::word && !reserved(t.text)) return path();
    if (t.kind == Tok::lbracket) {
      if (is(Tok::string, 1) && is(Tok::rbracket, 2)) return path();
      fail(t, "expected a value: a list [..] may only follow 'in'");
    }
    expected("a value (a field, a number, a string, true, false, null or '(')");
  }

  NodePtr call() {
    const Token& name = next();
    int f = find_function(name.text);
    if (f < 0)
      fail(name,
           fmt::format("unknown function '{}': expected one of {}", name.text, function_names()));
    auto n = node(NodeKind::call, name.offset);
    n->function = f;
    next();  // (
    if (!is(Tok::rparen)) {
      for (;;) {
        n->kids.push_back(expression());
        if (is(Tok::comma)) {
          next();
          continue;
        }
        if (!is(Tok::rparen)) expected("',' or ')' in the call");
        break;
      }
    }
    next();
    const Function& fn = functions()[static_cast<std::size_t>(f)];
    int argc = static_cast<int>(n->kids.size());
    if (argc < fn.min_args || argc > fn.max_args) {
      std::string count = fn.min_args == fn.max_args
                              ? std::to_string(fn.min_args)
                              : fmt::format("{} to {}", fn.min_args, fn.max_args);
      fail(name, fmt::format("expected {} argument{} for {}, found {}", count,
                             fn.max_args == 1 ? "" : "s", fn.signature, argc));
    }
    if (f == kExists && n->kids[0]->kind != NodeKind::path)
      fail(name, "expected a field for exists(field), as in exists(amount)");
    return finish(std::move(n));
  }

  NodePtr path() {
    auto n = node(NodeKind::path, peek().offset);
    auto component = [&](bool first) {
      if (is(Tok::lbracket)) {
        next();
        if (!is(Tok::string))
          expected("a field name in double quotes after '[' (as in [\"id.orig_h\"])");
        n->path.push_back(next().value);
        expect(Tok::rbracket, "']' after the field name");
      } else if (is(Tok::word) && (!first || !reserved(peek().text))) {
        n->path.emplace_back(next().text);
      } else {
        expected("a field name after '.'");
      }
    };
    component(true);
    for (;;) {
      // A path continues only without spaces: "a.b", "a[\"b\"]".
      if (is(Tok::dot) && peek().offset == prev_end_) {
        next();
        if (!(is(Tok::word) && peek().offset == prev_end_))
          expected("a field name right after '.'");
        component(false);
      } else if (is(Tok::lbracket) && peek().offset == prev_end_) {
        component(false);
      } else {
        break;
      }
    }
    return finish(std::move(n));
  }

  static constexpr int kMaxDepth = 100;

  const Source& src_;
  std::vector<Token> toks_;
  std::size_t pos_ = 0;
  std::size_t prev_end_ = 0;
  int depth_ = 0;
  std::unordered_map<std::string, std::uint64_t> names_;  // rules or services: line defined
};

}  // namespace

std::unique_ptr<Program::Impl> parse_file(Source source, Program::Kind kind) {
  auto impl = std::make_unique<Program::Impl>(std::move(source));
  impl->kind = kind;
  Parser parser(impl->source);
  if (kind == Program::Kind::rules)
    parser.rules_file(*impl);
  else
    parser.policy_file(*impl);
  return impl;
}

NodePtr parse_expression(const Source& source) { return Parser(source).whole_expression(); }

}  // namespace socred::rules
