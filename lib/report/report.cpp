// The run: read, detect the kind, accumulate per group, lay out, render.
#include "report/report.hpp"

#include <unistd.h>

#include <cstdlib>

#include "io/error.hpp"
#include "io/raw_json.hpp"
#include "io/record_reader.hpp"
#include "report/compare.hpp"
#include "report/html.hpp"
#include "report/json.hpp"
#include "report/layout.hpp"
#include "report/markdown.hpp"
#include "report/text.hpp"

namespace socred::report {

namespace {

enum class Format { kText, kMarkdown, kJson, kHtml };

Format parse_format(const std::string& f) {
  if (f == "text") return Format::kText;
  if (f == "markdown") return Format::kMarkdown;
  if (f == "json") return Format::kJson;
  if (f == "html") return Format::kHtml;
  throw Error(kExitUsage, "--format must be text, markdown, json or html, not '" + f + "'");
}

// NO_COLOR (no-color.org): present and not empty means no colour.
bool use_color(const std::string& when) {
  if (when == "always") return true;
  if (when == "never") return false;
  if (when != "auto")
    throw Error(kExitUsage, "--color must be auto, always or never, not '" + when + "'");
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return isatty(STDOUT_FILENO) == 1;
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t comma = s.find(',', start);
    if (comma == std::string::npos) comma = s.size();
    if (comma > start) out.push_back(s.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

// Writes a rendered page through the one stdout writer.
void emit(io::JsonlWriter& out, std::string text) {
  if (!text.empty() && text.back() == '\n') text.pop_back();
  out.write_raw_line(text);
}

struct Output {
  Format format;
  bool color;
  const Options& options;
  io::JsonlWriter& out;

  void page(Document doc) const {
    if (!options.title.empty()) doc.title = options.title;
    switch (format) {
      case Format::kText:
        emit(out, render_text(doc, TextStyle{color, 40}));
        break;
      case Format::kMarkdown:
        emit(out, render_markdown(doc));
        break;
      case Format::kHtml:
        emit(out, render_html(doc));
        break;
      case Format::kJson:
        break;
    }
  }
};

template <class Tally>
Grouped<Tally> accumulate(io::RecordReader& reader, io::Record& record, const Meta& meta) {
  Grouped<Tally> grouped(meta.by);
  do {
    // Under detection every line must be of the detected kind; with --kind
    // the tally's own checks decide.
    if (meta.detected) {
      const Kind seen = detect(record.root);
      if (seen != meta.kind) {
        reader.reject(record, 0,
                      std::string(seen == Kind::kAuto ? "not one of the" : kind_one(seen)) +
                          (seen == Kind::kAuto ? " " : " among ") +
                          std::string(kind_lines(meta.kind)) +
                          (seen == Kind::kAuto ? " this input starts with" : ""));
        continue;
      }
    }
    if (auto p = grouped.add(record, meta.settings))
      reader.reject(record, p->key.empty() ? 0 : io::value_column(record.text, p->key), p->message);
  } while (reader.next(record));
  return grouped;
}

template <class Tally, class Layout>
void report_kind(io::RecordReader& reader, io::Record& record, Meta& meta, io::Context& ctx,
                 const Output& output, Layout layout) {
  Grouped<Tally> grouped = accumulate<Tally>(reader, record, meta);
  meta.stats = ctx.stats;
  Document doc = layout(meta, grouped);
  if (output.format == Format::kJson)
    write_json(ctx.out, meta, doc, grouped);
  else
    output.page(std::move(doc));
  // Every line in "(missing)": the --by path is most likely misspelt.
  const auto groups = grouped.list();
  if (grouped.grouped() && groups.size() == 1 && groups[0].missing)
    ctx.diag.warning("--by: field \"" + io::path_text(*grouped.by()) + "\" was in no input line");
}

}  // namespace

int run(const Options& opt, io::Context& ctx) {
  Meta meta;
  meta.files = ctx.io.inputs;
  if (meta.files.empty()) meta.files.push_back("-");
  meta.kind = parse_kind(opt.kind);
  meta.detected = meta.kind == Kind::kAuto;
  if (!opt.by.empty()) meta.by = io::parse_path(opt.by);
  meta.settings.cutoff = opt.cutoff;
  meta.settings.public_sources = split_list(opt.public_sources);
  if (!(opt.threshold > 0 && opt.threshold < 1))
    throw Error(kExitUsage, "--threshold must be a probability between 0 and 1 (exclusive)");
  meta.settings.threshold = opt.threshold;
  if (!opt.truth.empty()) meta.settings.truth = io::parse_path(opt.truth);
  meta.settings.strict = ctx.io.strict;
  if (opt.top < 0) throw Error(kExitUsage, "--top must be 0 (all) or more");
  if (opt.bins < 0 || opt.bins > 1000) throw Error(kExitUsage, "--bins must be from 1 to 1000");
  meta.top = opt.top;
  meta.bins = opt.bins;
  if (opt.min_group < 1) throw Error(kExitUsage, "--min-group must be 1 or more");
  meta.min_group = opt.min_group;
  const Output output{parse_format(opt.format), use_color(opt.color), opt, ctx.out};

  if (!opt.compare.empty()) {
    if (opt.compare.size() != 2) throw Error(kExitUsage, "--compare takes two runs: A B");
    if (!ctx.io.inputs.empty())
      throw Error(kExitUsage, "--compare reads its two runs; give no other input files");
    if (meta.kind == Kind::kLink || meta.kind == Kind::kEvent)
      throw Error(kExitUsage, "--compare reads score lines or decision lines");
    CompareSettings cs{meta.kind, meta.by, meta.settings, meta.top};
    Comparison c = compare_runs(opt.compare[0], opt.compare[1], cs, ctx.rejects, ctx.stats);
    meta.files = opt.compare;
    meta.stats = ctx.stats;
    if (meta.kind == Kind::kAuto) meta.kind = c.kind;
    Document doc = layout_compare(meta, c);
    if (output.format == Format::kJson)
      write_json(ctx.out, meta, doc, c);
    else
      output.page(std::move(doc));
    return kExitOk;
  }

  io::RecordReader reader(ctx.io.inputs, ctx.rejects, ctx.stats);
  io::Record record;
  bool have = false;
  while (reader.next(record)) {
    if (meta.kind == Kind::kAuto) {
      const Kind seen = detect(record.root);
      if (seen == Kind::kAuto) {
        reader.reject(record, 0,
                      "not a score line, decision line, linkage pair or event (--kind "
                      "says which)");
        continue;
      }
      meta.kind = seen;
    }
    have = true;
    break;
  }
  if (!have) {
    meta.stats = ctx.stats;
    meta.kind = meta.detected ? Kind::kAuto : meta.kind;
    if (output.format == Format::kJson)
      write_json_empty(ctx.out, meta);
    else
      output.page(layout_empty(meta));
    return kExitOk;
  }
  switch (meta.kind) {
    case Kind::kScore:
      report_kind<ScoreTally>(reader, record, meta, ctx, output, layout_score);
      break;
    case Kind::kDecision:
      report_kind<DecisionTally>(reader, record, meta, ctx, output, layout_decision);
      break;
    case Kind::kLink:
      report_kind<LinkTally>(reader, record, meta, ctx, output, layout_link);
      break;
    case Kind::kEvent:
      report_kind<EventTally>(reader, record, meta, ctx, output, layout_event);
      break;
    case Kind::kAuto:
      break;
  }
  return kExitOk;
}

}  // namespace socred::report
