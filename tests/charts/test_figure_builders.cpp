// Chart data for the figures whose models results land later: order, units and highlighting, and
// each one builds and renders through the Qt layer.
#include "gui/charts/figure_builders.hpp"
#include "gui/charts/qt_charts.hpp"

#include <QtCharts/QBarCategoryAxis>
#include <QtGui/QImage>
#include <gtest/gtest.h>

#include <filesystem>

namespace cityfin::charts {
namespace {

TEST(FigureBuilders, TornadoPutsTheLargestSwingFirstAsChangesFromTheBase) {
    const auto chart = tornadoChart("city present cost", "CNY million", 100.0,
                                    {{"Opex", 98.0, 103.0}, {"Demand", 80.0, 115.0}, {"Capex", 95.0, 108.0}});
    EXPECT_EQ(chart.categories, (std::vector<std::string>{"Demand", "Capex", "Opex"}));
    EXPECT_EQ(chart.bars[0].values, (std::vector<double>{-20.0, -5.0, -2.0}));
    EXPECT_EQ(chart.bars[1].values, (std::vector<double>{15.0, 8.0, 3.0}));
    EXPECT_EQ(chart.valueAxisTitle, "Change from the base case (CNY million)");
    EXPECT_EQ(chart.layout, BarLayout::HorizontalStacked);
}

TEST(FigureBuilders, PlanChainSplitsPassesAndFailuresWithMarginsInPercent) {
    const auto chart = planChainChart({{"Plan A: PPP", {{"equity IRR >= hurdle", -0.05, false}, {"DSCR >= 1.3", 0.12, true}}},
                                       {"Plan B: city budget", {{"peak outlay <= budget", 0.25, true}}}});
    ASSERT_EQ(chart.categories.size(), 3u);
    EXPECT_EQ(chart.categories[0], "Plan A: PPP: equity IRR >= hurdle");
    EXPECT_EQ(chart.bars[0].name, "Holds");
    EXPECT_EQ(chart.bars[0].values, (std::vector<double>{0.0, 12.0, 25.0}));
    EXPECT_EQ(chart.bars[1].values, (std::vector<double>{-5.0, 0.0, 0.0}));
    EXPECT_TRUE(chart.bars[1].highlighted);
}

TEST(FigureBuilders, RiskSharingStacksEachPartysRiskPerStructure) {
    const auto chart = riskSharingChart({"Traditional", "PPP"}, {"City", "Private partner"}, {{10.0, 0.0}, {3.0, 7.0}}, "CNY million");
    EXPECT_EQ(chart.bars[0].values, (std::vector<double>{10.0, 3.0}));
    EXPECT_EQ(chart.bars[1].values, (std::vector<double>{0.0, 7.0}));
    EXPECT_TRUE(chart.bars[0].highlighted);
    EXPECT_THROW(riskSharingChart({"A"}, {"City", "Private"}, {{1.0}}, "CNY"), std::invalid_argument);
}

TEST(FigureBuilders, EveryLaterFigureBuildsAndRendersOffscreen) {
    ensureApplication(true);
    std::vector<Figure> figures(6);
    figures[0].bars = tornadoChart("NPV", "CNY million", 0.0, {{"Demand", -3.0, 2.0}, {"Capex", -1.0, 1.5}});
    figures[1].bars = planChainChart({{"Plan A", {{"rule", 0.1, true}, {"other rule", -0.2, false}}}});
    figures[2].heatMap = riskAllocationHeatMap("PPP", "Spread (CNY million)", {"Demand", "Construction"}, {"City", "Private"}, {{100, 0}, {20, 80}});
    figures[3].histogram = npvHistogram("PPP", {"City", "Private"}, {{1, 2, 3, 4}, {2, 3, 3, 5}}, "CNY million", 4);
    figures[4].band = percentileBand("City present cost", "CNY million", {"A", "B"}, {1, 2}, {2, 3}, {4, 5});
    figures[5].radar = maturityRadar({"Strategy", "Data", "Governance"}, {2, 3, 1}, "Level planned", {3, 3, 3}, 4.0, {"Governance low"});
    const auto dir = std::filesystem::temp_directory_path();
    for (const auto& f : figures) {
        const auto chart = buildChart(f);
        EXPECT_FALSE(chart->series().isEmpty()) << f.id();
        const auto path = (dir / ("cityfin-later-" + f.id() + ".png")).string();
        renderPng(*chart, path, {600, 400}, 96);
        EXPECT_EQ(QImage(QString::fromStdString(path)).size(), QSize(600, 400)) << f.id();
        std::filesystem::remove(path);
    }
    // The tornado's largest swing is drawn at the top, i.e. last on Qt's category axis.
    const auto tornado = buildChart(figures[0]);
    for (auto* axis : tornado->axes())
        if (auto* c = qobject_cast<QBarCategoryAxis*>(axis)) {
            EXPECT_EQ(c->categories().back(), "Demand");
        }
}

} // namespace
} // namespace cityfin::charts
