#pragma once
// Chart data fixtures: small figures with known series, for the builder and render tests.

#include "gui/charts/chart_data.hpp"

namespace cityfin::test {

inline charts::BarChartData npvFixture() {
    charts::BarChartData d;
    d.id = "npv";
    d.title = "NPV by party and structure";
    d.categoryAxisTitle = "Structure";
    d.valueAxisTitle = "NPV (CNY million)";
    d.categories = {"Traditional", "PPP", "Concession"};
    d.bars = {{"City", {-10.0, -8.0, -6.5}, true}, {"Private partner", {0.0, 1.2, 2.5}, false}};
    return d;
}

inline charts::BarChartData debtFixture() {
    charts::BarChartData d;
    d.id = "debt";
    d.title = "Debt service and cover";
    d.categoryAxisTitle = "Year";
    d.valueAxisTitle = "Debt service (CNY million)";
    d.secondaryAxisTitle = "DSCR (x)";
    d.layout = charts::BarLayout::Stacked;
    d.categories = {"2026", "2027", "2028", "2029", "2030"};
    d.bars = {{"Interest paid", {0.0, 4.0, 3.0, 2.0, 1.0}, false}, {"Principal", {0.0, 6.0, 7.0, 8.0, 9.0}, false}};
    // Undefined in 2026 (no debt service) and 2028 (a gap): two runs, 2027 and 2029-2030.
    d.lines = {{"DSCR", {0.0, 1.6, 0.0, 1.5, 1.45}, {false, true, false, true, true}, true, false},
               {"Covenant", {1.3, 1.3, 1.3, 1.3, 1.3}, {}, true, true}};
    return d;
}

inline charts::BarChartData tornadoFixture() {
    charts::BarChartData d;
    d.id = "tornado";
    d.title = "Tornado: city present cost";
    d.categoryAxisTitle = "Input";
    d.valueAxisTitle = "Change in present cost (CNY million)";
    d.layout = charts::BarLayout::HorizontalStacked;
    d.categories = {"Demand", "Capex", "Opex"};  // largest swing first: it must show at the top
    d.bars = {{"Low case", {-9.0, -5.0, -1.0}, false}, {"High case", {8.0, 6.0, 1.5}, false}};
    return d;
}

inline charts::HeatMapData riskHeatMapFixture() {
    return {"risk-allocation", "Risk allocation", "Share of each risk borne (%)", {"Construction", "Demand"},
            {"City", "Private partner", "Lenders"}, {{0.0, 90.0, 10.0}, {100.0, 0.0, 0.0}}};
}

inline charts::RadarChartData maturityFixture() {
    return {"maturity", "Maturity ladder", {"Strategy", "Data", "Governance", "Finance", "Skills"}, 5.0,
            {{"This city", {3, 2, 4, 1, 2}}, {"Stage needed", {3, 3, 3, 3, 3}}}, {"Finance below the stage needed"}};
}

inline charts::BandData bandFixture() {
    return {"npv-band", "City present cost, P5-P50-P95", "Present cost (CNY million)", {"Traditional", "PPP"},
            {8.0, 6.0}, {10.0, 7.5}, {13.0, 11.0}};
}

} // namespace cityfin::test
