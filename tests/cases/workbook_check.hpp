#pragma once
// The workbook's figures, machine-checkable. In docs/workbook.md every figure quoted from cityfin is
// followed on its line by an HTML comment naming where it comes from, invisible when rendered:
//
//     it brings the city EUR 10.00 m <!-- check: germany-led-streetlights psc city_present_cost -m -->
//
// The figure is the last number before the comment; the unit scales cityfin's value the way the
// text prints it (m millions, bn billions, k thousands, % percent, x as is; a leading '-' negates, so
// that a negative present cost reads as a gain); the decimals printed set the tolerance (half a unit
// of the last digit). key=value words after the unit set the scenario (demand_factor=0.6). The unit
// `id` checks a structure id quoted in backticks instead of a number, against the metric
// rank.<perspective>.<position> (rank.city.1 is the city's first choice).
// Metrics are those of expected.json (tests/cases/golden.hpp): city_present_cost, equity_irr, ...

#include "models/project.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cityfin::test {

struct WorkbookCheck {
    int line = 0;             ///< 1-based line of the workbook
    std::string caseId;
    std::string structureId;  ///< "-" for rank checks
    std::string metric;
    std::string unit;         ///< m, bn, k, %, x, id; m, bn, k and x may carry a leading '-'
    std::vector<std::pair<std::string, double>> scenario;
    std::string quoted;       ///< the figure as printed ("10.00", "8.87", "psc")
};

/// Every check of a Markdown text, in order. A malformed check comment or one with no figure before
/// it throws std::invalid_argument("line N: ...").
std::vector<WorkbookCheck> parseWorkbookChecks(const std::string& markdown);

/// The case's scenario with the check's overrides applied; an unknown key throws std::invalid_argument.
models::Scenario scenarioFor(models::Scenario base, const WorkbookCheck& check);

/// A failure sentence naming the line, case, structure, metric, the workbook's value and cityfin's,
/// or nothing when the quoted figure is cityfin's value at the printed precision. `figures` is the
/// case's goldenFigures() under the check's scenario.
std::optional<std::string> verifyCheck(const WorkbookCheck& check, const nlohmann::ordered_json& figures);

} // namespace cityfin::test
