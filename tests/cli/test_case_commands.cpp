// `cityfin validate|evaluate|compare` on the bundled cases and on bad input.

#include "cli_runner.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>

using cityfin::test::runCli;
using nlohmann::json;

namespace {

std::string bundled(const std::string& id) {
    return std::string(std::getenv("CITYFIN_SOURCE_DIR")) + "/cases/" + id + "/case.json";
}

std::string writeTemp(const std::string& name, const std::string& text) {
    const std::string path = testing::TempDir() + name;
    std::ofstream(path) << text;
    return path;
}

} // namespace

TEST(ValidateCommand, BundledCaseIsValid) {
    const auto run = runCli({"validate", bundled("qianhai-parking")});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find(": valid."), std::string::npos);
}

TEST(ValidateCommand, BadFieldExitsTwoWithJsonPath) {
    const std::string path = writeTemp("bad-case.json", R"({"cityfin": 1, "id": "x", "name": "x",
        "project": {"name": "x", "currency": "CNY", "construction_years": 1, "operating_years": 5, "capex": [-5]},
        "structures": [{"id": "psc", "name": "PSC", "type": "traditional", "terms": {}}]})");
    const auto run = runCli({"validate", path});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("project.capex[0]"), std::string::npos) << run.err;
    EXPECT_EQ(run.out, "");
}

TEST(ValidateCommand, MissingFileExitsTwo) {
    const auto run = runCli({"validate", "/nonexistent/case.json"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("case file"), std::string::npos) << run.err;
}

TEST(EvaluateCommand, JsonCarriesEveryPartysLinesAndRealFlows) {
    const auto run = runCli({"evaluate", bundled("nansha-hvac-retrofit"), "--structure", "psc", "--format", "json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const json doc = json::parse(run.out);
    ASSERT_EQ(doc["evaluations"].size(), 1u);
    const json& e = doc["evaluations"][0];
    EXPECT_EQ(e["structure"]["id"], "psc");
    EXPECT_EQ(e["parties"].size(), 5u);
    EXPECT_EQ(e["real_flows"].size(), e["years"].size());
    EXPECT_TRUE(e["metrics"].contains("city_present_cost"));
}

TEST(EvaluateCommand, UnknownStructureListsTheIds) {
    const auto run = runCli({"evaluate", bundled("nansha-hvac-retrofit"), "--structure", "ppp"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(run.err, "cityfin evaluate: error: --structure: got \"ppp\", expected the id of a structure of the "
                       "case: psc, espc-guaranteed, espc-shared, green-bond\n");
}

TEST(EvaluateCommand, CsvIsLongFormatWithHeader) {
    const auto run = runCli({"evaluate", bundled("zhangzhou-city-wifi"), "--format", "csv"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.out.substr(0, run.out.find('\n')), "structure,party,line,counterparty,year,amount");
}

TEST(CompareCommand, RanksEveryStructureAndRecommendsOne) {
    const auto run = runCli({"compare", bundled("qianhai-parking"), "--format", "json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const json doc = json::parse(run.out);
    EXPECT_EQ(doc["comparison"]["ranking"].size(), 5u);
    EXPECT_EQ(doc["comparison"]["perspective"], "city");
    EXPECT_FALSE(doc["comparison"]["reasons"].empty());
}

TEST(CompareCommand, TableNamesThePerspectiveAndTheReasons) {
    const auto run = runCli({"compare", bundled("qianhai-parking"), "--perspective", "investor"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("from the investor's perspective"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("\n- "), std::string::npos);
}

TEST(CompareCommand, LangZhGivesTheSameRankingWithTheReasonsInChinese) {
    const auto en = json::parse(runCli({"compare", bundled("qianhai-parking"), "--format", "json"}).out);
    const auto run = runCli({"compare", bundled("qianhai-parking"), "--format", "json", "--lang", "zh"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const json zh = json::parse(run.out);
    ASSERT_EQ(zh["comparison"]["ranking"].size(), en["comparison"]["ranking"].size());
    for (std::size_t i = 0; i < en["comparison"]["ranking"].size(); ++i)
        for (const char* key : {"structure", "score", "feasible"})
            EXPECT_EQ(zh["comparison"]["ranking"][i][key], en["comparison"]["ranking"][i][key]) << key;
    EXPECT_EQ(zh["comparison"]["reasons"][0].get<std::string>().rfind("推荐：", 0), 0u) << zh["comparison"]["reasons"][0];
    EXPECT_EQ(runCli({"compare", bundled("qianhai-parking"), "--lang", "fr"}).err,
              "cityfin compare: error: --lang: got \"fr\", expected one of en, zh\n");
}

TEST(CompareCommand, BadPerspectiveAndFormatExitTwo) {
    EXPECT_EQ(runCli({"compare", bundled("qianhai-parking"), "--perspective", "mayor"}).err,
              "cityfin compare: error: --perspective: got \"mayor\", expected one of city, investor, society\n");
    EXPECT_EQ(runCli({"compare", bundled("qianhai-parking"), "--format", "xml"}).exitCode, 2);
    EXPECT_EQ(runCli({"compare"}).exitCode, 2);
    EXPECT_EQ(runCli({"compare", "--help"}).exitCode, 0);
}
