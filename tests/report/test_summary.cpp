// The report's files: the summary is well-formed XHTML, and every image and document it references
// exists next to it; every figure is there as PNG and PDF.
#include "report/report.hpp"
#include "report/summary_html.hpp"

#include "models/case_file.hpp"

#include <QtCore/QFile>
#include <QtCore/QXmlStreamReader>
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include <filesystem>

namespace cityfin::report {
namespace {

namespace fs = std::filesystem;

class ReportFilesTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        dir = fs::temp_directory_path() / ("cityfin-report-" + GetParam() + "-" +
                                           std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
    }
    void TearDown() override { fs::remove_all(dir); }
    fs::path dir;
};

struct ParsedSummary {
    std::vector<std::string> images, links, headings;
    std::string error;
};

ParsedSummary parse(const std::string& path) {
    QFile file(QString::fromStdString(path));
    ParsedSummary parsed;
    if (!file.open(QIODevice::ReadOnly)) { parsed.error = "cannot open"; return parsed; }
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) continue;
        if (xml.name() == QLatin1String("img")) parsed.images.push_back(xml.attributes().value("src").toString().toStdString());
        if (xml.name() == QLatin1String("a")) parsed.links.push_back(xml.attributes().value("href").toString().toStdString());
        if (xml.name() == QLatin1String("h2")) parsed.headings.push_back(xml.readElementText(QXmlStreamReader::IncludeChildElements).toStdString());
    }
    if (xml.hasError()) parsed.error = xml.errorString().toStdString() + " at line " + std::to_string(xml.lineNumber());
    return parsed;
}

TEST_P(ReportFilesTest, SummaryIsWellFormedAndEveryReferencedFileExists) {
    const auto c = models::loadCaseFile(std::string(std::getenv("CITYFIN_SOURCE_DIR")) + "/cases/" + GetParam() + "/case.json");
    ReportOptions options{dir.string(), 96, nullptr, {}};
    options.analysis.paths = 200;
    options.analysis.threads = 1;
    const auto files = writeReport(c, options);
    EXPECT_EQ(fs::path(files.workbook).filename(), c.id + ".xlsx");
    EXPECT_EQ(fs::path(files.summary).filename(), c.id + ".html");
    ASSERT_TRUE(fs::exists(files.workbook));
    const auto summary = parse(files.summary);
    ASSERT_EQ(summary.error, "");
    ASSERT_EQ(summary.images.size() * 2, files.images.size());  // each figure as PNG and PDF
    EXPECT_GE(summary.images.size(), 4u);
    for (const auto& src : summary.images) {
        EXPECT_EQ(fs::path(src).is_relative(), true) << src;  // the folder can be moved or mailed whole
        EXPECT_TRUE(fs::exists(dir / src)) << src;
        EXPECT_GT(fs::file_size(dir / src), 10000u) << src;
    }
    for (const auto& href : summary.links) EXPECT_TRUE(fs::exists(dir / href)) << href;
    for (const auto& image : files.images) EXPECT_TRUE(fs::exists(image)) << image;
    const bool risk = !c.risks.empty();
    std::vector<std::string> sections = {"Comparison (city perspective)", "Plan B", "Key assumptions", "Charts", "Notes"};
    if (risk) sections.insert(sections.begin() + 2, "Risk");
    EXPECT_EQ(summary.headings, sections);
    // The decision figures: the Plan B chain always; risk sharing and a tornado per structure with a register.
    const auto has = [&](const std::string& id) {
        return std::any_of(summary.images.begin(), summary.images.end(), [&](const auto& s) { return s.find(id) != std::string::npos; });
    };
    EXPECT_TRUE(has("charts/plan-b-chain.png"));
    EXPECT_EQ(has("charts/risk-sharing.png"), risk);
    EXPECT_EQ(has("charts/tornado-"), risk);
    EXPECT_EQ(has("charts/npv-distribution-"), risk);
}

INSTANTIATE_TEST_SUITE_P(BundledCases, ReportFilesTest,
                         ::testing::Values("qianhai-parking", "nansha-hvac-retrofit", "zhangzhou-city-wifi", "busan-wifi-bto"),
                         [](const auto& info) {
                             std::string name = info.param;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

TEST(ReportFiles, AnalysesAlreadyRunAreReusedNotRunAgain) {
    const auto c = models::loadCaseFile(std::string(std::getenv("CITYFIN_SOURCE_DIR")) + "/cases/korea-bto-mrg/case.json");
    AnalysisOptions run;
    run.paths = 123;
    run.threads = 1;
    const CaseAnalyses analyses = analyseCase(c, run);
    const auto dir = fs::temp_directory_path() / ("cityfin-reuse-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
    ReportOptions options{dir.string(), 72, nullptr, {}};
    options.analysis.paths = 5000;   // ignored: the analyses given are used
    options.analyses = &analyses;
    const auto files = writeReport(c, options);
    std::ifstream in(files.summary);
    const std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    fs::remove_all(dir);
    EXPECT_NE(html.find("123 Monte Carlo scenarios"), std::string::npos);
    // A structure without equity or debt has no rule to hold: a dash that says so, not a certain 100%.
    const auto noRules = std::find_if(analyses.risk->run.structures.begin(), analyses.risk->run.structures.end(),
                                      [](const auto& s) { return s.rules.empty(); });
    ASSERT_NE(noRules, analyses.risk->run.structures.end());
    EXPECT_NE(html.find(escapeXml(noRules->structureName) + "</td><td class=\"num\">&#8212; (no equity or debt rule applies)</td>"),
              std::string::npos);
}

TEST(SummaryHtml, TextIsEscapedForXml) {
    EXPECT_EQ(escapeXml("R&D <fees> \"a\" 'b'"), "R&amp;D &lt;fees&gt; &quot;a&quot; &#39;b&#39;");
    EXPECT_EQ(escapeXml("前海"), "前海");
}

} // namespace
} // namespace cityfin::report
