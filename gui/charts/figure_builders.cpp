#include "gui/charts/figure_builders.hpp"

#include "gui/charts/figures_from_models.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace cityfin::charts {

BarChartData tornadoChart(const std::string& metric, const std::string& unit, double base, std::vector<TornadoInput> inputs) {
    std::stable_sort(inputs.begin(), inputs.end(), [](const auto& a, const auto& b) {
        return std::abs(a.atHigh - a.atLow) > std::abs(b.atHigh - b.atLow);
    });
    BarChartData chart;
    chart.id = "tornado";
    chart.title = "Tornado: " + metric;
    chart.categoryAxisTitle = "Input";
    chart.valueAxisTitle = "Change from the base case (" + unit + ")";
    chart.layout = BarLayout::HorizontalStacked;
    BarSeriesData low{"Input at its low value", {}, false}, high{"Input at its high value", {}, false};
    for (const auto& in : inputs) {
        chart.categories.push_back(in.name);
        low.values.push_back(in.atLow - base);
        high.values.push_back(in.atHigh - base);
    }
    chart.bars = {std::move(low), std::move(high)};
    return chart;
}

BarChartData riskSharingChart(const std::vector<std::string>& structures, const std::vector<std::string>& parties,
                              const std::vector<std::vector<double>>& borne, const std::string& unit) {
    if (borne.size() != structures.size()) throw std::invalid_argument("risk sharing: one row per structure");
    BarChartData chart;
    chart.id = "risk-sharing";
    chart.title = "Risk borne by each party";
    chart.categoryAxisTitle = "Structure";
    chart.valueAxisTitle = "Risk borne (" + unit + ")";
    chart.layout = BarLayout::Stacked;
    chart.categories = structures;
    for (std::size_t p = 0; p < parties.size(); ++p) {
        BarSeriesData series{parties[p], {}, p == 0};
        for (const auto& row : borne) {
            if (row.size() != parties.size()) throw std::invalid_argument("risk sharing: one value per party");
            series.values.push_back(row[p]);
        }
        chart.bars.push_back(std::move(series));
    }
    return chart;
}

HeatMapData riskAllocationHeatMap(const std::string& structure, const std::string& valueTitle,
                                  const std::vector<std::string>& risks, const std::vector<std::string>& parties,
                                  const std::vector<std::vector<double>>& values) {
    if (values.size() != risks.size()) throw std::invalid_argument("risk allocation: one row per risk");
    for (const auto& row : values)
        if (row.size() != parties.size()) throw std::invalid_argument("risk allocation: one value per party");
    return {"risk-allocation-" + fileStem(structure), "Who bears each risk: " + structure, valueTitle, risks, parties,
            values};
}

HistogramData npvHistogram(const std::string& structure, const std::vector<std::string>& parties,
                           const std::vector<std::vector<double>>& samples, const std::string& unit, int bins) {
    return binSamples("npv-distribution-" + fileStem(structure), "NPV distribution by party: " + structure,
                      "NPV (" + unit + ")", parties, samples, bins);
}

BandData percentileBand(const std::string& metric, const std::string& unit, const std::vector<std::string>& structures,
                        std::vector<double> p5, std::vector<double> p50, std::vector<double> p95) {
    return {"band-" + fileStem(metric), metric + ": P5, P50 and P95 by structure", metric + " (" + unit + ")", structures,
            std::move(p5), std::move(p50), std::move(p95)};
}

BarChartData planChainChart(const std::vector<PlanRules>& plans) {
    BarChartData chart;
    chart.id = "plan-b-chain";
    chart.title = "Plan B chain: each plan's rules";
    chart.categoryAxisTitle = "Plan and rule";
    chart.valueAxisTitle = "Margin over the threshold (% of the threshold)";
    chart.layout = BarLayout::HorizontalStacked;  // one of the two series is 0 in each row
    BarSeriesData passes{"Holds", {}, false}, fails{"Fails", {}, true};
    for (const auto& plan : plans)
        for (const auto& rule : plan.rules) {
            chart.categories.push_back(plan.plan + ": " + rule.text);
            passes.values.push_back(rule.holds ? rule.relativeMargin * 100.0 : 0.0);
            fails.values.push_back(rule.holds ? 0.0 : rule.relativeMargin * 100.0);
        }
    chart.bars = {std::move(passes), std::move(fails)};
    return chart;
}

RadarChartData maturityRadar(const std::vector<std::string>& characteristics, const std::vector<double>& level,
                             const std::string& comparedName, const std::vector<double>& compared, double maxLevel,
                             std::vector<std::string> warnings) {
    return {"maturity-ladder", "Maturity ladder", characteristics, maxLevel,
            {{"Level reached", level}, {comparedName, compared}}, std::move(warnings)};
}

} // namespace cityfin::charts
