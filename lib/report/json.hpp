// The numbers for other tools: one JSON object on one line with every
// figure of the report (per group too) and the charts' bars, so that a
// chart's bars on the HTML page can be checked against this output.
#pragma once

#include "io/jsonl_writer.hpp"
#include "report/compare.hpp"
#include "report/document.hpp"
#include "report/groups.hpp"

namespace socred::report {

void write_json(io::JsonlWriter& out, const Meta& meta, const Document& doc,
                const Grouped<ScoreTally>& grouped);
void write_json(io::JsonlWriter& out, const Meta& meta, const Document& doc,
                const Grouped<DecisionTally>& grouped);
void write_json(io::JsonlWriter& out, const Meta& meta, const Document& doc,
                const Grouped<LinkTally>& grouped);
void write_json(io::JsonlWriter& out, const Meta& meta, const Document& doc,
                const Grouped<EventTally>& grouped);
void write_json(io::JsonlWriter& out, const Meta& meta, const Document& doc,
                const Comparison& comparison);
/// No records: the input section and empty charts.
void write_json_empty(io::JsonlWriter& out, const Meta& meta);

}  // namespace socred::report
