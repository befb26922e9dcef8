#pragma once
// Adapters: models' results -> chart data. They choose what to show and how to label it (units,
// currency, scale); they never compute a financial figure themselves.

#include "gui/charts/chart_data.hpp"
#include "models/evaluation.hpp"
#include "models/party.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cityfin::charts {

/// NPV of each party (grouped bars) for each structure; the city's series is highlighted (its NPV
/// is minus the city's present cost). Parties with no flows in any structure are left out.
BarChartData npvByPartyChart(const std::vector<models::Evaluation>& evaluations, const std::string& currency);

/// One party's cash flows per year under one structure: stacked bars by ledger line, with the
/// cumulative net flow as a line.
BarChartData cashFlowChart(const models::Evaluation& evaluation, models::Party party, const std::string& currency);

/// Debt service (interest and principal) per year, with the DSCR and the lenders' covenant on a
/// secondary axis. Empty when the structure has no debt.
std::optional<BarChartData> debtServiceChart(const models::Evaluation& evaluation, const std::string& currency);

/// Present value of the social outcomes by category (stacked) for each structure. Empty when no
/// evaluation carries a social return.
std::optional<BarChartData> socialValueByCategoryChart(const std::vector<models::Evaluation>& evaluations,
                                                       const std::string& currency);

/// Present value of each outcome for one structure (horizontal bars, in the case's order).
std::optional<BarChartData> socialValueByOutcomeChart(const models::Evaluation& evaluation,
                                                      const std::string& currency);

/// SROI ratio and benefit-cost ratio per structure.
std::optional<BarChartData> sroiChart(const std::vector<models::Evaluation>& evaluations);

/// A file-name stem safe on every system: lower-case ASCII letters, digits and '-'.
std::string fileStem(const std::string& text);

} // namespace cityfin::charts
