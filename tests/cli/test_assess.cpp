// `cityfin assess`: formats, languages, --case suggestions and exit codes.
#include "cli_runner.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using cityfin::test::runCli;

namespace {

std::string source(const std::string& rel) { return std::string(std::getenv("CITYFIN_SOURCE_DIR")) + "/" + rel; }
std::string zhangzhou() { return source("cases/maturity/zhangzhou.json"); }

std::string writeTemp(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / name;
    std::ofstream(path) << text;
    return path.string();
}

std::size_t lines(const std::string& text) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')); }

} // namespace

TEST(CliAssess, TableShowsLevelCriterionNextStepAndWarnings) {
    const auto r = runCli({"assess", zhangzhou()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("Governance: general"), std::string::npos);
    EXPECT_NE(r.out.find("decided by: Appropriate cross-departmental governance structures"), std::string::npos);
    EXPECT_NE(r.out.find("next step (advanced): City-wide governance structure"), std::string::npos);
    EXPECT_NE(r.out.find("Value assessment: cannot assess (at least basic)"), std::string::npos);
    EXPECT_NE(r.out.find("[leapfrogging] Financing"), std::string::npos);
    EXPECT_NE(r.out.find("[isolation] ICT infrastructure"), std::string::npos);
    EXPECT_EQ(r.out.find("case suggests"), std::string::npos);
}

TEST(CliAssess, ChineseTableQuotesAnnexTwo) {
    const auto r = runCli({"assess", zhangzhou(), "--lang", "zh"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("治理：一般"), std::string::npos);
    EXPECT_NE(r.out.find("依据：适当的跨部门治理结构，以确保整个城市规划发展进程的协作。"), std::string::npos);
    EXPECT_NE(r.out.find("价值评估：无法评估"), std::string::npos);
}

TEST(CliAssess, JsonHasNineCharacteristicsInBothLanguages) {
    const auto r = runCli({"assess", zhangzhou(), "--format", "json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["characteristics"].size(), 9u);
    EXPECT_EQ(j["characteristics"][2]["level"]["id"], "general");
    EXPECT_EQ(j["characteristics"][2]["criterion"]["zh"], "适当的跨部门治理结构，以确保整个城市规划发展进程的协作。");
    EXPECT_EQ(j["characteristics"][4]["level"]["id"], "cannot_assess");
    EXPECT_EQ(j["warnings"].size(), 2u);
    EXPECT_FALSE(j["unanswered"].empty());
}

TEST(CliAssess, CsvHasAHeaderAndOneRowPerCharacteristic) {
    const auto r = runCli({"assess", zhangzhou(), "--format", "csv"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out.rfind("characteristic,level,reached,target,suggested,criterion,", 0), 0u);
    EXPECT_EQ(lines(r.out), 10u);
    EXPECT_NE(r.out.find("\ngovernance,general,general,,,"), std::string::npos);
    EXPECT_NE(r.out.find("\nvalue_assessment,cannot_assess,basic,"), std::string::npos);
}

TEST(CliAssess, CaseSuggestsBesideTheSelfAssessment) {
    const auto r = runCli({"assess", zhangzhou(), "--case", source("cases/zhangzhou-city-wifi/case.json"), "--format", "json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["characteristics"][3]["level"]["id"], "basic");                   // the city's own answer
    EXPECT_EQ(j["characteristics"][3]["suggestion"]["level"]["id"], "general");  // from the case
    EXPECT_EQ(j["characteristics"][5]["suggestion"]["level"]["id"], "advanced");
    EXPECT_FALSE(j["characteristics"][0].contains("suggestion"));
    const auto table = runCli({"assess", zhangzhou(), "--case", source("cases/zhangzhou-city-wifi/case.json")});
    EXPECT_NE(table.out.find("case suggests: general"), std::string::npos);
    const auto csv = runCli({"assess", zhangzhou(), "--case", source("cases/zhangzhou-city-wifi/case.json"), "--format", "csv"});
    EXPECT_NE(csv.out.find("\nfinancing,basic,basic,most_mature,general,"), std::string::npos);
}

TEST(CliAssess, HelpExitsZero) {
    const auto r = runCli({"assess", "--help"});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_NE(r.out.find("Usage: cityfin assess ANSWERS"), std::string::npos);
}

TEST(CliAssess, BadInputExitsTwoWithTheJsonPath) {
    const auto bad = writeTemp("cityfin_assess_bad.json", R"({"cityfin_maturity": 1, "answers": {"ict.city_cto": true}})");
    const auto r = runCli({"assess", bad});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("answers[\"ict.city_cto\"]"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("did you mean \"ict.city_cio\"?"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
}

TEST(CliAssess, MissingFileBadOptionsAndBadCaseExitTwo) {
    EXPECT_EQ(runCli({"assess"}).exitCode, 2);
    EXPECT_EQ(runCli({"assess", "/nonexistent.json"}).exitCode, 2);
    EXPECT_EQ(runCli({"assess", zhangzhou(), "--format", "xml"}).exitCode, 2);
    EXPECT_EQ(runCli({"assess", zhangzhou(), "--lang", "fr"}).exitCode, 2);
    EXPECT_EQ(runCli({"assess", zhangzhou(), "--case", "/nonexistent/case.json"}).exitCode, 2);
    EXPECT_EQ(runCli({"assess", zhangzhou(), "--bogus"}).exitCode, 2);
}
