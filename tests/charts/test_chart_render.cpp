// Headless rendering: PNG of the size asked for with something drawn, vector PDF, Chinese glyphs.
#include "gui/charts/qt_charts.hpp"
#include "chart_fixtures.hpp"

#include <QtGui/QFontInfo>
#include <QtGui/QFontMetrics>
#include <QtGui/QImage>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace cityfin::charts {
namespace {

namespace fs = std::filesystem;

class ChartRender : public ::testing::Test {
protected:
    void SetUp() override {
        ensureApplication(true);
        dir = fs::temp_directory_path() / ("cityfin-charts-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                           "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(dir);
    }
    void TearDown() override { fs::remove_all(dir); }
    fs::path dir;
};

// Share of pixels that are not white: a blank render has none.
double inkedShare(const QImage& image) {
    std::size_t inked = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (image.pixel(x, y) != qRgb(255, 255, 255)) ++inked;
    return static_cast<double>(inked) / (static_cast<double>(image.width()) * image.height());
}

TEST_F(ChartRender, EveryFixtureRendersToAPngOfTheRequestedSizeWithSomethingDrawn) {
    std::vector<Figure> figures(6);
    figures[0].bars = test::npvFixture();
    figures[1].bars = test::debtFixture();
    figures[2].bars = test::tornadoFixture();
    figures[3].heatMap = test::riskHeatMapFixture();
    figures[4].radar = test::maturityFixture();
    figures[5].band = test::bandFixture();
    for (const auto& f : figures) {
        const auto chart = buildChart(f);
        const auto path = (dir / (f.id() + ".png")).string();
        renderPng(*chart, path, {1200, 700}, 150);
        QImage image(QString::fromStdString(path));
        ASSERT_FALSE(image.isNull()) << f.id();
        EXPECT_EQ(image.size(), QSize(1200, 700)) << f.id();
        EXPECT_GT(inkedShare(image), 0.03) << f.id();  // bars, text and grid, not a blank page
        EXPECT_NEAR(image.dotsPerMeterX() * 0.0254, 150.0, 0.5) << f.id();
    }
}

TEST_F(ChartRender, PdfIsAOnePageVectorDocument) {
    const auto chart = buildChart(test::npvFixture());
    const auto path = (dir / "npv.pdf").string();
    renderPdf(*chart, path, {240.0, 140.0}, 300);
    std::ifstream in(path, std::ios::binary);
    const std::string pdf((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_GT(pdf.size(), 2000u);
    EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
    EXPECT_EQ(pdf.find("/Type /Page\n", pdf.find("/Type /Page\n") + 1), std::string::npos);  // one page
    EXPECT_EQ(pdf.find("/Subtype /Image"), std::string::npos);  // drawn as vectors, not a bitmap
}

TEST_F(ChartRender, AnUnwritablePathIsAnErrorNotASilentSuccess) {
    const auto chart = buildChart(test::npvFixture());
    EXPECT_THROW(renderPng(*chart, (dir / "missing" / "x.png").string()), std::runtime_error);
}

TEST_F(ChartRender, ChineseLabelsUseAFontThatHasTheGlyphs) {
    // Without a CJK font Qt draws boxes; the charts ask for Noto Sans CJK SC (fonts-noto-cjk).
    const QFont font(chartFontFamily(), 10);
    EXPECT_EQ(QFontInfo(font).family(), chartFontFamily());
    const QFontMetrics metrics(font);
    for (char32_t ch : {U'前', U'海', U'停', U'车', U'城', U'市'}) EXPECT_TRUE(metrics.inFontUcs4(ch));
    auto data = test::npvFixture();
    data.title = "前海智慧停车: 各方净现值";
    data.categories = {"传统采购", "政府和社会资本合作", "特许经营"};
    const auto chart = buildChart(data);
    EXPECT_EQ(chart->title(), QString::fromUtf8("前海智慧停车: 各方净现值"));
    EXPECT_EQ(chart->titleFont().family(), chartFontFamily());
    renderPng(*chart, (dir / "zh.png").string(), {900, 500}, 96);
    EXPECT_GT(inkedShare(QImage(QString::fromStdString((dir / "zh.png").string()))), 0.03);
}

} // namespace
} // namespace cityfin::charts
