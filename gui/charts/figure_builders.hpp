#pragma once
// Chart data for the figures whose results land in models later (risk, Monte Carlo, sensitivity,
// maturity, Plan B): each takes plain inputs the adapter reads off the result, and applies the
// figure's conventions (order, units, highlighting) in one place. No Qt.

#include "gui/charts/chart_data.hpp"

#include <string>
#include <vector>

namespace cityfin::charts {

/// One input of a tornado: the metric at the input's low and high value (the base case apart).
struct TornadoInput {
    std::string name;
    double atLow = 0.0;
    double atHigh = 0.0;
};

/// Horizontal bars of the change from the base value, low and high, the largest swing at the top.
/// `unit` is the axis unit of the values given (already scaled).
BarChartData tornadoChart(const std::string& metric, const std::string& unit, double base,
                          std::vector<TornadoInput> inputs);

/// Risk borne by each party (columns of `borne`) under each structure (rows): stacked bars.
BarChartData riskSharingChart(const std::vector<std::string>& structures, const std::vector<std::string>& parties,
                              const std::vector<std::vector<double>>& borne, const std::string& unit);

/// What each risk (rows) puts on each party (columns) under one structure, as a table-like heat map;
/// `valueTitle` says what a cell is, with its unit. The id is "risk-allocation-<structure>".
HeatMapData riskAllocationHeatMap(const std::string& structure, const std::string& valueTitle,
                                  const std::vector<std::string>& risks, const std::vector<std::string>& parties,
                                  const std::vector<std::vector<double>>& values);

/// The NPV distribution of each party under one structure: equal-width bins over every party's
/// samples (non-finite samples are left out). The id is "npv-distribution-<structure>".
HistogramData npvHistogram(const std::string& structure, const std::vector<std::string>& parties,
                           const std::vector<std::vector<double>>& samples, const std::string& unit, int bins = 30);

/// P5, P50, P95 of one metric per structure. The id is "band-<metric>".
BandData percentileBand(const std::string& metric, const std::string& unit, const std::vector<std::string>& structures,
                        std::vector<double> p5, std::vector<double> p50, std::vector<double> p95);

/// One rule of a plan with its margin (value minus threshold) in the rule's own unit, and the
/// margin relative to the threshold (margin / |threshold|), which puts every rule on one axis.
struct PlanRule {
    std::string text;
    double relativeMargin = 0.0;
    bool holds = true;
};
struct PlanRules {
    std::string plan;
    std::vector<PlanRule> rules;
};

/// The Plan B chain: one bar per rule, plans in order from the top, passes and failures in two
/// series (failures in the accent), the margin in percent of each threshold.
BarChartData planChainChart(const std::vector<PlanRules>& plans);

/// The maturity ladder: the level reached on each characteristic and a second series to compare
/// it with (the level planned, or the level a structure needs), named by `comparedName`.
RadarChartData maturityRadar(const std::vector<std::string>& characteristics, const std::vector<double>& level,
                             const std::string& comparedName, const std::vector<double>& compared, double maxLevel,
                             std::vector<std::string> warnings);

} // namespace cityfin::charts
