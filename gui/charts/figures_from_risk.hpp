#pragma once
// Adapters for the decision figures: Monte Carlo, risk borne, tornado, the Plan B chain and the
// maturity ladder, from models' results to chart data. Like figures_from_models.hpp they choose
// what to show, its order, labels and scale; every figure they show is models'.

#include "gui/charts/chart_data.hpp"
#include "models/maturity/assessment.hpp"
#include "models/plans/plan_chain.hpp"
#include "models/risk/risk_borne.hpp"
#include "models/risk/tornado.hpp"

#include <string>
#include <vector>

namespace cityfin::charts {

/// The expected cost of all the risks (drawn together) that each party bears under each structure:
/// stacked bars, PV at the public rate, so that each stack adds up to the project's expected cost.
/// Users are left out when their PV does not move (no user charges).
BarChartData riskSharingChart(const models::RiskRun& run, const models::RiskBorne& borne, const std::string& currency);

/// For one structure (index into run.structures): the spread (stdev of PV) that each risk alone
/// puts on each party, as a table-like heat map; the last row is every risk drawn together.
HeatMapData riskAllocationChart(const models::RiskRegister& reg, const models::RiskRun& run,
                                const models::RiskBorne& borne, std::size_t structure, const std::string& currency);

/// The NPV distribution (each party at its own rate) of the parties with flows under one structure.
HistogramData npvDistributionChart(const models::StructureRisk& structure, const std::string& currency);

/// P5, P50 and P95 of a metric for every structure where the metric is defined.
BandData percentileBandChart(const models::RiskRun& run, models::RiskMetric metric, const std::string& currency);

/// The tornado of one structure's metric, inputs named by the register's risk names; the id is
/// "tornado-<structure id>".
BarChartData tornadoFigure(const models::Tornado& tornado, const std::string& structureName,
                           const std::string& currency);

/// The Plan B chain: every evaluated plan's rules with their margins, failures highlighted; the
/// verdict (chosen plan, or the nearest one) as a note.
BarChartData planChainFigure(const models::plans::PlanChain& chain);

/// The maturity ladder: each characteristic's level (0 = not involved; cannot-assess shown at 0
/// and named in the notes) against the level planned, with the warnings as notes. `lang` "en"/"zh".
RadarChartData maturityFigure(const models::maturity::Framework& framework,
                              const models::maturity::Assessment& assessment, const std::string& lang = "en");

/// A metric's display: its name, unit (with the money scale for money metrics) and divisor.
struct MetricDisplay {
    std::string name, unit;
    double divisor = 1.0;
};
MetricDisplay metricDisplay(models::RiskMetric metric, double largestMagnitude, const std::string& currency);

} // namespace cityfin::charts
