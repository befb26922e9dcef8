// The Qt builders, checked on the QChart objects: series kinds, names, values, axes and labels.
#include "gui/charts/qt_charts.hpp"
#include "chart_fixtures.hpp"

#include <QtCharts/QAreaSeries>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QBoxPlotSeries>
#include <QtCharts/QBoxSet>
#include <QtCharts/QHorizontalStackedBarSeries>
#include <QtCharts/QLegend>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QPolarChart>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QStackedBarSeries>
#include <QtCharts/QValueAxis>
#include <QtWidgets/QApplication>
#include <QtWidgets/QGraphicsScene>
#include <gtest/gtest.h>

namespace cityfin::charts {
namespace {

class ChartBuilders : public ::testing::Test {
protected:
    void SetUp() override { ensureApplication(true); }
};

template <class T>
std::vector<T*> seriesOf(QChart& chart) {
    std::vector<T*> found;
    for (auto* s : chart.series())
        if (auto* t = qobject_cast<T*>(s)) found.push_back(t);
    return found;
}

QBarCategoryAxis* categories(QChart& chart) {
    for (auto* a : chart.axes())
        if (auto* c = qobject_cast<QBarCategoryAxis*>(a)) return c;
    return nullptr;
}

TEST_F(ChartBuilders, GroupedBarsHaveOneSetPerSeriesWithTitlesAndTheCityHighlighted) {
    const auto chart = buildChart(test::npvFixture());
    EXPECT_EQ(chart->title(), "NPV by party and structure");
    const auto bars = seriesOf<QBarSeries>(*chart);
    ASSERT_EQ(bars.size(), 1u);
    ASSERT_EQ(bars[0]->count(), 2);
    EXPECT_EQ(bars[0]->barSets()[0]->label(), "City");
    EXPECT_DOUBLE_EQ(bars[0]->barSets()[0]->at(1), -8.0);
    EXPECT_EQ(bars[0]->barSets()[1]->label(), "Private partner");
    EXPECT_NE(bars[0]->barSets()[0]->color(), bars[0]->barSets()[1]->color());
    EXPECT_EQ(bars[0]->barSets()[0]->color(), QColor(0xC0, 0x39, 0x2B));  // the accent
    auto* cats = categories(*chart);
    ASSERT_NE(cats, nullptr);
    EXPECT_EQ(cats->categories(), (QStringList{"Traditional", "PPP", "Concession"}));
    EXPECT_EQ(cats->titleText(), "Structure");
    const auto values = chart->axes(Qt::Vertical);
    ASSERT_EQ(values.size(), 1);
    auto* axis = qobject_cast<QValueAxis*>(values[0]);
    ASSERT_NE(axis, nullptr);
    EXPECT_EQ(axis->titleText(), "NPV (CNY million)");
    EXPECT_LE(axis->min(), -10.0);  // the range holds every bar, with zero
    EXPECT_GE(axis->max(), 2.5);
    EXPECT_TRUE(chart->legend()->isVisible());
}

TEST_F(ChartBuilders, LongCategoryNamesBreakOverLinesInsteadOfBeingCut) {
    auto data = test::npvFixture();
    data.categories[0] = "Traditional procurement (public sector comparator)";
    const auto chart = buildChart(data);
    EXPECT_EQ(categories(*chart)->categories()[0], "Traditional<br/>procurement (public<br/>sector comparator)");
}

TEST_F(ChartBuilders, StackedBarsCarryLinesSplitAtUndefinedValuesOnASecondaryAxis) {
    const auto chart = buildChart(test::debtFixture());
    ASSERT_EQ(seriesOf<QStackedBarSeries>(*chart).size(), 1u);
    const auto lines = seriesOf<QLineSeries>(*chart);
    ASSERT_EQ(lines.size(), 3u);  // DSCR in two runs, the covenant in one
    EXPECT_EQ(lines[0]->name(), "DSCR");
    ASSERT_EQ(lines[0]->count(), 1);
    EXPECT_EQ(lines[0]->at(0), QPointF(1, 1.6));
    ASSERT_EQ(lines[1]->count(), 2);
    EXPECT_EQ(lines[1]->at(0), QPointF(3, 1.5));
    EXPECT_EQ(lines[2]->name(), "Covenant");
    EXPECT_EQ(lines[2]->pen().style(), Qt::DashLine);
    // One legend entry per line: the second DSCR run hides its marker (seen once laid out in a scene).
    QGraphicsScene scene;
    scene.addItem(chart.get());
    chart->setGeometry(0, 0, 900, 500);
    QApplication::processEvents();
    EXPECT_TRUE(chart->legend()->markers(lines[2])[0]->isVisible());
    EXPECT_TRUE(chart->legend()->markers(lines[0])[0]->isVisible());
    EXPECT_FALSE(chart->legend()->markers(lines[1])[0]->isVisible());
    const auto right = chart->axes(Qt::Vertical, lines[2]);
    ASSERT_EQ(right.size(), 1);
    EXPECT_EQ(right[0]->alignment(), Qt::AlignRight);
    EXPECT_EQ(right[0]->titleText(), "DSCR (x)");
    EXPECT_GE(qobject_cast<QValueAxis*>(right[0])->max(), 1.6);
    scene.removeItem(chart.get());
}

TEST_F(ChartBuilders, HorizontalBarsShowTheFirstCategoryAtTheTop) {
    // Qt draws a horizontal chart's first category at the bottom, so the builder reverses them.
    const auto chart = buildChart(test::tornadoFixture());
    const auto bars = seriesOf<QHorizontalStackedBarSeries>(*chart);
    ASSERT_EQ(bars.size(), 1u);
    EXPECT_EQ(categories(*chart)->categories(), (QStringList{"Opex", "Capex", "Demand"}));
    EXPECT_DOUBLE_EQ(bars[0]->barSets()[0]->at(2), -9.0);  // Demand's low case, now last (top)
    EXPECT_DOUBLE_EQ(bars[0]->barSets()[1]->at(0), 1.5);   // Opex's high case, now first (bottom)
    EXPECT_EQ(categories(*chart)->alignment(), Qt::AlignLeft);
}

TEST_F(ChartBuilders, SeriesOfTheWrongLengthAreRefused) {
    auto data = test::npvFixture();
    data.bars[1].values.pop_back();
    EXPECT_THROW(buildChart(data), std::invalid_argument);
}

TEST_F(ChartBuilders, HeatMapHasACellAndAValueLabelPerRiskAndParty) {
    const auto chart = buildChart(test::riskHeatMapFixture());
    EXPECT_EQ(seriesOf<QAreaSeries>(*chart).size(), 6u);
    const auto labels = seriesOf<QScatterSeries>(*chart);
    ASSERT_EQ(labels.size(), 6u);
    EXPECT_EQ(labels[1]->pointLabelsFormat(), "90");  // Construction / Private partner
    EXPECT_EQ(labels[1]->at(0), QPointF(1.5, 1.5));  // first row on top
    EXPECT_EQ(seriesOf<QAreaSeries>(*chart)[3]->name(), "Demand / City");
}

TEST_F(ChartBuilders, RadarIsAPolarChartWithClosedPolygons) {
    const auto chart = buildChart(test::maturityFixture());
    ASSERT_NE(dynamic_cast<QPolarChart*>(chart.get()), nullptr);
    const auto lines = seriesOf<QLineSeries>(*chart);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0]->count(), 6);  // five axes and the closing point
    EXPECT_EQ(lines[0]->at(5).y(), lines[0]->at(0).y());
    EXPECT_EQ(lines[1]->name(), "Stage needed");
}

TEST_F(ChartBuilders, BandIsABoxFromP5ToP95WithTheMedianAtP50) {
    const auto chart = buildChart(test::bandFixture());
    const auto boxes = seriesOf<QBoxPlotSeries>(*chart);
    ASSERT_EQ(boxes.size(), 1u);
    ASSERT_EQ(boxes[0]->count(), 2);
    const auto* ppp = boxes[0]->boxSets()[1];
    EXPECT_EQ(ppp->label(), "PPP");
    EXPECT_DOUBLE_EQ(ppp->at(QBoxSet::LowerExtreme), 6.0);
    EXPECT_DOUBLE_EQ(ppp->at(QBoxSet::Median), 7.5);
    EXPECT_DOUBLE_EQ(ppp->at(QBoxSet::UpperExtreme), 11.0);
}

TEST_F(ChartBuilders, HistogramBinsEverySampleAndDrawsOneSetPerParty) {
    // Samples 0..9 and 5..14 over [0, 14] in 7 bins of width 2.
    std::vector<double> city, investor;
    for (int i = 0; i < 10; ++i) { city.push_back(i); investor.push_back(i + 5); }
    const auto h = binSamples("mc", "NPV distribution", "NPV (CNY million)", {"City", "Investor"}, {city, investor}, 7);
    ASSERT_EQ(h.edges.size(), 8u);
    EXPECT_DOUBLE_EQ(h.edges.back(), 14.0);
    EXPECT_EQ(h.counts[0], (std::vector<double>{2, 2, 2, 2, 2, 0, 0}));
    EXPECT_EQ(h.counts[1], (std::vector<double>{0, 0, 1, 2, 2, 2, 3}));  // 14 falls in the last bin
    const auto chart = buildChart(h);
    const auto bars = seriesOf<QBarSeries>(*chart);
    ASSERT_EQ(bars.size(), 1u);
    EXPECT_EQ(bars[0]->count(), 2);
    EXPECT_EQ(categories(*chart)->categories().front(), "1.0");  // bin centres
}

TEST_F(ChartBuilders, FigureBuildsWhicheverChartItHolds) {
    Figure f;
    f.band = test::bandFixture();
    EXPECT_EQ(f.id(), "npv-band");
    EXPECT_EQ(buildChart(f)->title(), "City present cost, P5-P50-P95");
    EXPECT_THROW(buildChart(Figure{}), std::invalid_argument);
}

TEST(MoneyScale, PicksAUnitThatKeepsTickValuesShort) {
    EXPECT_EQ(moneyScale(7.3e7, "CNY").label, "CNY million");
    EXPECT_DOUBLE_EQ(moneyScale(7.3e7, "CNY").divisor, 1e6);
    EXPECT_EQ(moneyScale(-2.0e4, "EUR").label, "EUR thousand");
    EXPECT_EQ(moneyScale(900.0, "EUR").label, "EUR");
    EXPECT_EQ(moneyScale(6e9, "USD").label, "USD billion");
}

} // namespace
} // namespace cityfin::charts

namespace cityfin::charts {
namespace {

TEST_F(ChartBuilders, ValueAxesTickAtRoundStepsWithZeroOnATick) {
    // -73..44 gives steps of 20 (not Qt's -100, -50, 0, 50); a range from 0 starts at 0.
    auto data = test::npvFixture();
    data.bars = {{"City", {-73.0, 44.0, 10.0}, true}};
    auto chart = buildChart(data);
    auto* axis = qobject_cast<QValueAxis*>(chart->axes(Qt::Vertical)[0]);
    EXPECT_DOUBLE_EQ(axis->min(), -80.0);
    EXPECT_DOUBLE_EQ(axis->max(), 60.0);
    EXPECT_EQ(axis->tickCount(), 8);
    data.bars = {{"Debt service", {0.0, 6.75, 3.5}, false}};
    chart = buildChart(data);
    axis = qobject_cast<QValueAxis*>(chart->axes(Qt::Vertical)[0]);
    EXPECT_DOUBLE_EQ(axis->min(), 0.0);
    EXPECT_DOUBLE_EQ(axis->max(), 7.0);
    EXPECT_EQ(axis->labelFormat(), "%.0f");
}

} // namespace
} // namespace cityfin::charts
