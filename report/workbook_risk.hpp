#pragma once
// The workbook's Risk sheet (Monte Carlo summaries, rule probabilities, contingent payments, the
// risk-borne table and value for money) and Sensitivity sheet (a tornado per structure). Values
// are the models'; the sheets only lay them out.

#include "models/case_file.hpp"
#include "models/risk/case_risk.hpp"
#include "models/risk/tornado.hpp"
#include "report/workbook_cells.hpp"

#include <vector>

namespace cityfin::report {

void writeRiskSheet(lxw_worksheet* ws, const Formats& f, const models::Case& c, const models::CaseRisk& risk);

void writeSensitivitySheet(lxw_worksheet* ws, const Formats& f, const models::Case& c,
                           const std::vector<models::Tornado>& tornadoes);

} // namespace cityfin::report
