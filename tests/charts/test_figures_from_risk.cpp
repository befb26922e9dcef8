// The decision figures' adapters: every value shown is the models' figure, scaled to the axis unit,
// and every figure builds and renders offscreen.
#include "gui/charts/figures_from_risk.hpp"
#include "gui/charts/figures_from_models.hpp"
#include "gui/charts/qt_charts.hpp"
#include "models/case_file.hpp"
#include "models/maturity/answers.hpp"
#include "models/risk/case_risk.hpp"

#include <QtGui/QImage>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <numeric>

namespace cityfin::charts {
namespace {

using models::Party;
using models::RiskMetric;

std::string source(const std::string& relative) { return std::string(std::getenv("CITYFIN_SOURCE_DIR")) + "/" + relative; }

const models::Case& busan() {
    static const models::Case c = models::loadCaseFile(source("cases/busan-wifi-bto/case.json"));
    return c;
}

// A concession with a minimum revenue guarantee and a four-risk register.
const models::Case& korea() {
    static const models::Case c = models::loadCaseFile(source("cases/korea-bto-mrg/case.json"));
    return c;
}

const models::CaseRisk& koreaRisk() {
    static const models::CaseRisk r = [] {
        models::RiskOptions o;
        o.paths = 400;
        o.seed = 7;
        o.threads = 1;
        return models::analyseCaseRisk(korea(), o, true);
    }();
    return r;
}

std::size_t partyAt(Party p) {
    return static_cast<std::size_t>(std::find(models::kParties.begin(), models::kParties.end(), p) -
                                    models::kParties.begin());
}

TEST(FiguresFromRisk, RiskSharingStacksEachPartysExpectedCostAndTheStacksAddUpToTheProjects) {
    const auto& r = koreaRisk();
    const auto chart = riskSharingChart(r.run, *r.borne, korea().project.currency);
    ASSERT_EQ(chart.categories.size(), r.run.structures.size());
    EXPECT_EQ(chart.bars[0].name, "City");
    EXPECT_TRUE(chart.bars[0].highlighted);
    const double divisor = chart.valueAxisTitle.find("billion") != std::string::npos ? 1e9 : 1e6;
    for (std::size_t s = 0; s < r.run.structures.size(); ++s) {
        EXPECT_NEAR(chart.bars[0].values[s], r.borne->structures[s].total[partyAt(Party::Government)].expectedCost / divisor, 1e-9);
        // Parties left out of the chart bear nothing, so the shown stack is the project's expected cost.
        double shown = 0.0, all = 0.0;
        for (const auto& b : chart.bars) shown += b.values[s];
        for (const auto& e : r.borne->structures[s].total) all += e.expectedCost;
        EXPECT_NEAR(shown, all / divisor, 1e-6 * std::max(1.0, std::abs(all / divisor)));
    }
}

TEST(FiguresFromRisk, AllocationHeatMapHasOneRowPerRiskPlusTheJointRowWithTheMeasuredSpreads) {
    const auto& r = koreaRisk();
    const auto map = riskAllocationChart(r.reg, r.run, *r.borne, 0, korea().project.currency);
    ASSERT_EQ(map.rows.size(), r.reg.risks.size() + 1);
    EXPECT_EQ(map.rows.front(), r.reg.risks.front().name);
    EXPECT_EQ(map.rows.back(), "All risks together");
    EXPECT_EQ(map.id, "risk-allocation-" + fileStem(r.run.structures[0].structureId));
    const double divisor = map.valueTitle.find("billion") != std::string::npos ? 1e9 : 1e6;
    EXPECT_EQ(map.columns.front(), "City");
    for (std::size_t k = 0; k < r.reg.risks.size(); ++k)
        EXPECT_NEAR(map.values[k][0], r.borne->structures[0].byRisk[k][partyAt(Party::Government)].spread / divisor, 1e-9);
}

TEST(FiguresFromRisk, NpvHistogramCountsEveryPathOfEveryPartyShown) {
    const auto& s = koreaRisk().run.structures.back();
    const auto h = npvDistributionChart(s, korea().project.currency);
    ASSERT_FALSE(h.seriesNames.empty());
    EXPECT_EQ(h.seriesNames.front(), "City");
    for (const auto& counts : h.counts)
        EXPECT_DOUBLE_EQ(std::accumulate(counts.begin(), counts.end(), 0.0), 400.0);
    for (const auto& n : h.seriesNames) EXPECT_NE(n, "Users");
}

TEST(FiguresFromRisk, PercentileBandShowsTheRunsPercentilesInTheAxisUnit) {
    const auto& run = koreaRisk().run;
    const auto band = percentileBandChart(run, RiskMetric::CityPresentCost, korea().project.currency);
    ASSERT_EQ(band.categories.size(), run.structures.size());
    const double divisor = band.valueAxisTitle.find("billion") != std::string::npos ? 1e9 : 1e6;
    for (std::size_t s = 0; s < run.structures.size(); ++s) {
        const auto& sm = run.structures[s].summary(RiskMetric::CityPresentCost);
        EXPECT_NEAR(band.p5[s], sm.p5 / divisor, 1e-9);
        EXPECT_NEAR(band.p50[s], sm.p50 / divisor, 1e-9);
        EXPECT_NEAR(band.p95[s], sm.p95 / divisor, 1e-9);
    }
    // The equity IRR is in percent and skips structures where it is never defined.
    const auto irr = percentileBandChart(run, RiskMetric::EquityIrr, "KRW");
    EXPECT_EQ(irr.valueAxisTitle, "Equity IRR (%)");
    EXPECT_LE(irr.categories.size(), run.structures.size());
}

TEST(FiguresFromRisk, TornadoBarsAreTheModelsChangesFromTheBase) {
    const auto& c = korea();
    const auto& reg = koreaRisk().reg;
    const auto t = models::tornado(c.project, c.scenario, c.structures, reg, c.structures[0].id, RiskMetric::CityPresentCost);
    const auto chart = tornadoFigure(t, c.structures[0].name, c.project.currency);
    const double divisor = chart.valueAxisTitle.find("billion") != std::string::npos ? 1e9 : 1e6;
    ASSERT_EQ(chart.categories.size(), t.bars.size());
    for (std::size_t i = 0; i < t.bars.size(); ++i) {
        EXPECT_EQ(chart.categories[i], t.bars[i].riskName);  // the models' order: largest swing first
        EXPECT_NEAR(chart.bars[0].values[i], (t.bars[i].lowValue - t.baseValue) / divisor, 1e-6);
        EXPECT_NEAR(chart.bars[1].values[i], (t.bars[i].highValue - t.baseValue) / divisor, 1e-6);
    }
    EXPECT_NE(chart.title.find(c.structures[0].name), std::string::npos);
}

TEST(FiguresFromRisk, PlanChainShowsEveryRuleOfEveryPlanAndTheVerdict) {
    const auto chain = models::plans::runPlanChain(busan());
    const auto chart = planChainFigure(chain);
    std::size_t rules = 0, failing = 0;
    for (const auto& step : chain.steps)
        for (const auto& rule : step.rules) {
            ++rules;
            failing += rule.holds ? 0 : 1;
        }
    ASSERT_EQ(chart.categories.size(), rules);
    ASSERT_GT(failing, 0u);  // Plan A fails in this case
    EXPECT_EQ(chart.categories[0].rfind("Plan A: ", 0), 0u);   // the plan's letter, its name in a note
    EXPECT_NE(chart.notes.front().find(chain.steps[0].plan.label), std::string::npos);
    std::size_t negative = 0;
    for (double v : chart.bars[1].values) negative += v < 0.0 ? 1 : 0;
    EXPECT_EQ(negative, failing);
    ASSERT_FALSE(chart.notes.empty());
    EXPECT_EQ(chart.notes.back(), chain.conclusion);
}

TEST(FiguresFromRisk, PlanChainNamesEveryRuleInWords) {
    // Yangzhou's Plan A fails the 10% ceiling and the 5% rule on government-pay PPPs: no raw rule id on the axis.
    const auto chain = models::plans::runPlanChain(models::loadCaseFile(source("cases/yangzhou-smart-streetlights/case.json")));
    const auto chart = planChainFigure(chain);
    ASSERT_FALSE(chart.categories.empty());
    for (const auto& category : chart.categories) EXPECT_EQ(category.find('_'), std::string::npos) << category;
    EXPECT_NE(std::find(chart.categories.begin(), chart.categories.end(), "Plan A: other PPP spending <= 5% (government pay)"),
              chart.categories.end());
}

TEST(FiguresFromRisk, MaturityRadarShowsEachCharacteristicsLevelInTheChosenLanguage) {
    const auto& fw = models::maturity::builtinFramework();
    const auto answers = models::maturity::loadAnswersFile(source("cases/maturity/zhangzhou.json"), fw);
    const auto a = models::maturity::assess(fw, answers);
    const auto radar = maturityFigure(fw, a, "zh");
    ASSERT_EQ(radar.axes.size(), fw.characteristics.size());
    EXPECT_EQ(radar.axes[0], fw.characteristics[0].name.zh);
    EXPECT_DOUBLE_EQ(radar.maximum, 4.0);
    for (std::size_t i = 0; i < a.characteristics.size(); ++i) {
        const auto& ch = a.characteristics[i];
        EXPECT_DOUBLE_EQ(radar.series[0].values[i], ch.level ? models::maturity::levelRank(*ch.level) : 0.0);
    }
    EXPECT_GE(radar.notes.size(), a.warnings.size());
}

TEST(FiguresFromRisk, EveryDecisionFigureRendersOffscreen) {
    ensureApplication(true);
    const auto& r = koreaRisk();
    const auto& c = korea();
    std::vector<Figure> figures(5);
    figures[0].bars = riskSharingChart(r.run, *r.borne, c.project.currency);
    figures[1].heatMap = riskAllocationChart(r.reg, r.run, *r.borne, 0, c.project.currency);
    figures[2].histogram = npvDistributionChart(r.run.structures[0], c.project.currency);
    figures[3].band = percentileBandChart(r.run, RiskMetric::NpvPrivate, c.project.currency);
    figures[4].bars = planChainFigure(models::plans::runPlanChain(busan()));
    const auto dir = std::filesystem::temp_directory_path();
    for (const auto& f : figures) {
        const auto chart = buildChart(f);
        EXPECT_FALSE(chart->series().isEmpty()) << f.id();
        const auto path = (dir / ("cityfin-risk-" + f.id() + ".png")).string();
        renderPng(*chart, path, {800, 500}, 96);
        EXPECT_EQ(QImage(QString::fromStdString(path)).size(), QSize(800, 500)) << f.id();
        std::filesystem::remove(path);
    }
}

} // namespace
} // namespace cityfin::charts
