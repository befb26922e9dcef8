#pragma once
// The auditable workbook (XLSX, libxlsxwriter): Inputs, one Ledger sheet per structure, Metrics with
// live NPV and IRR formulas over the exported flows (the engine's values cached), Risk and
// Sensitivity when the case has a risk register, and Social return when it has outcomes. It writes models' results; it computes no figure of its own.
// Layout: docs/charts-and-reports.md.

#include "models/case_file.hpp"
#include "models/compare.hpp"
#include "models/evaluation.hpp"
#include "report/analyses.hpp"

#include <string>
#include <vector>

namespace cityfin::report {

/// Where a Metrics formula sits, for tests and the summary: sheet, A1 cell, and the engine's value.
struct FormulaCell {
    std::string sheet, cell;
    std::string structureId, partyId, metric;  ///< metric: "npv", "irr" or "city_present_cost"
    double engineValue = 0.0;
};

struct WorkbookResult {
    std::vector<std::string> sheets;
    std::vector<FormulaCell> formulas;
    std::vector<std::string> notes;  ///< sheets left out and why
};

/// Writes the workbook to `path`; the Risk and Sensitivity sheets come from `analyses` when the case
/// has a risk register. Throws InputError("--out", path, ...) when it cannot be written.
WorkbookResult writeWorkbook(const std::string& path, const models::Case& c,
                             const std::vector<models::Evaluation>& evaluations, const models::Comparison& comparison,
                             const CaseAnalyses* analyses = nullptr);

/// "A".."Z", "AA".. for a zero-based column.
std::string columnName(int column);

} // namespace cityfin::report
