// Lays the figures of each kind of input out as a document: which tables
// and charts a reader sees, in what order, with what words.
#pragma once

#include <string>
#include <vector>

#include "report/compare.hpp"
#include "report/disparity.hpp"
#include "report/document.hpp"
#include "report/groups.hpp"

namespace socred::report {

Document layout_score(const Meta& meta, const Grouped<ScoreTally>& grouped);
Document layout_decision(const Meta& meta, const Grouped<DecisionTally>& grouped);
Document layout_link(const Meta& meta, const Grouped<LinkTally>& grouped);
Document layout_event(const Meta& meta, const Grouped<EventTally>& grouped);
Document layout_compare(const Meta& meta, const Comparison& comparison);
/// No records at all: the reconciliation alone.
Document layout_empty(const Meta& meta);

// Pieces shared by the layouts.

/// "Input": files, kind, and lines read = used + rejected + blank, followed
/// by `checks`, the kind's own reconciliation sentences.
Section input_section(const Meta& meta, const std::vector<std::string>& checks);
/// One row per named distribution: n, mean, min, quantiles, max.
Table distribution_table(const std::string& title, const std::string& first_column,
                         const std::vector<std::pair<std::string, const Distribution*>>& rows);
Chart histogram_chart(const std::string& id, const std::string& title, const std::string& axis,
                      const std::vector<Bin>& bins, bool integers);
/// A disparity as a table and a chart of ratios with the four-fifths line.
Table disparity_table(const Disparity& d, const std::string& group_title,
                      const std::string& selected_word);
Chart disparity_chart(const std::string& id, const Disparity& d);
/// What a flag means and what it does not, said once beside the tables.
Paragraph disparity_meaning(std::uint64_t min_group);
std::string by_text(const Meta& meta);  // "who.city"
/// Group charts keep their first kMaxGroupBars bars (--by person would draw
/// a bar per person); the title says so and the table keeps every group.
inline constexpr std::size_t kMaxGroupBars = 60;
Chart cap_group_bars(Chart chart);

}  // namespace socred::report
