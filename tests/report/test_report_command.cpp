// `cityfin report` through the command table: help, bad arguments (exit 2) and a run.
#include "../cli/cli_runner.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace cityfin::test {
namespace {

namespace fs = std::filesystem;

std::string qianhai() { return std::string(std::getenv("CITYFIN_SOURCE_DIR")) + "/cases/qianhai-parking/case.json"; }

TEST(ReportCommand, HelpDescribesTheFilesWritten) {
    const auto run = runCli({"report", "--help"});
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_NE(run.out.find("Usage: cityfin report CASE --out DIR"), std::string::npos);
    EXPECT_NE(run.out.find("--dpi"), std::string::npos);
    EXPECT_NE(runCli({"--help"}).out.find("report"), std::string::npos);
}

TEST(ReportCommand, MissingOutOrABadDpiIsBadInput) {
    auto run = runCli({"report", qianhai()});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("--out: got nothing"), std::string::npos) << run.err;
    run = runCli({"report", qianhai(), "--out", "x", "--dpi", "20"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("--dpi: got 20, expected a resolution from 72 to 600"), std::string::npos) << run.err;
    run = runCli({"report", "no-such-case.json", "--out", "x"});
    EXPECT_EQ(run.exitCode, 2);
    run = runCli({"report", qianhai(), "--out", "x", "--paths", "0"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("--paths: got 0, expected from 1 to 1000000 scenarios"), std::string::npos) << run.err;
    const auto dir = std::filesystem::temp_directory_path() / "cityfin-report-bad-answers";
    run = runCli({"report", qianhai(), "--out", dir.string(), "--maturity", "no-such-answers.json"});
    std::filesystem::remove_all(dir);
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("no-such-answers.json"), std::string::npos) << run.err;
}

TEST(ReportCommand, WritesTheWorkbookTheSummaryAndTheChartsAndSaysWhere) {
    const auto dir = fs::temp_directory_path() / ("cityfin-report-cmd-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
    const auto run = runCli({"report", qianhai(), "--out", dir.string(), "--dpi", "72"});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_TRUE(fs::exists(dir / "qianhai-parking.xlsx"));
    EXPECT_TRUE(fs::exists(dir / "qianhai-parking.html"));
    EXPECT_TRUE(fs::exists(dir / "charts" / "npv-by-party.png"));
    EXPECT_TRUE(fs::exists(dir / "charts" / "npv-by-party.pdf"));
    EXPECT_NE(run.out.find("workbook  " + (dir / "qianhai-parking.xlsx").string()), std::string::npos) << run.out;
    EXPECT_EQ(run.err, "");  // no progress line off a terminal
    fs::remove_all(dir);
}

} // namespace
} // namespace cityfin::test
