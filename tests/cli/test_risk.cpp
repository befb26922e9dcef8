// `cityfin risk` and `cityfin sensitivity` on the bundled cases and on bad input.

#include "cli_runner.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <algorithm>
#include <fstream>
#include <sstream>

using cityfin::test::runCli;
using nlohmann::json;

namespace {

std::string caseFile(const std::string& id) {
    const char* root = std::getenv("CITYFIN_SOURCE_DIR");
    return std::string(root ? root : ".") + "/cases/" + id + "/case.json";
}

} // namespace

TEST(RiskCommand, SameSeedGivesTheSameJsonWhateverTheThreads) {
    const auto one = runCli({"risk", caseFile("qianhai-parking"), "--paths", "1500", "--seed", "5", "--threads", "1", "--format", "json"});
    const auto two = runCli({"risk", caseFile("qianhai-parking"), "--paths", "1500", "--seed", "5", "--threads", "2", "--format", "json"});
    ASSERT_EQ(one.exitCode, 0) << one.err;
    ASSERT_EQ(two.exitCode, 0) << two.err;
    EXPECT_EQ(one.out, two.out);
    EXPECT_TRUE(one.err.empty());  // no progress bar when stderr is not a terminal
    const auto other = runCli({"risk", caseFile("qianhai-parking"), "--paths", "1500", "--seed", "6", "--format", "json"});
    EXPECT_NE(one.out, other.out);
}

TEST(RiskCommand, JsonCarriesDistributionsRulesRiskBorneAndValueForMoney) {
    const auto run = runCli({"risk", caseFile("zhangzhou-city-wifi"), "--paths", "500", "--format", "json", "--tornado",
                             "concession", "--metric", "equity_irr"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const json j = json::parse(run.out);
    EXPECT_EQ(j["simulation"]["paths"], 500);
    const json& first = j["simulation"]["structures"][0];
    EXPECT_EQ(first["metrics"]["npv_government"]["histogram"]["counts"].size(), 20u);
    EXPECT_TRUE(first.contains("probability_all_rules"));
    EXPECT_EQ(j["risk_borne"]["risks"].size(), 4u);
    EXPECT_EQ(j["value_for_money"]["psc_structure"], "psc");
    EXPECT_EQ(j["tornado"]["metric"], "equity_irr");
    EXPECT_EQ(j["risks"].size(), 4u);
    EXPECT_EQ(run.out.find("NaN"), std::string::npos);
}

TEST(RiskCommand, TableAndCsv) {
    const auto table = runCli({"risk", caseFile("nansha-hvac-retrofit"), "--paths", "300"});
    ASSERT_EQ(table.exitCode, 0) << table.err;
    EXPECT_NE(table.out.find("P(the rules below all hold)"), std::string::npos);
    EXPECT_NE(table.out.find("psc (traditional): no equity or debt rule applies"), std::string::npos);
    EXPECT_NE(table.out.find("Risk borne"), std::string::npos);
    EXPECT_NE(table.out.find("Value for money against the public sector comparator (psc)"), std::string::npos);
    const auto csv = runCli({"risk", caseFile("nansha-hvac-retrofit"), "--paths", "300", "--no-risk-borne", "--format", "csv"});
    ASSERT_EQ(csv.exitCode, 0) << csv.err;
    EXPECT_EQ(csv.out.rfind("structure,metric,base,defined,mean,stdev,p5,p50,p95\n", 0), 0u);
    std::istringstream lines(csv.out);
    for (std::string line; std::getline(lines, line);)
        EXPECT_EQ(std::count(line.begin(), line.end(), ','), 8) << line;  // no thousands separators
}

TEST(RiskCommand, BadInputExitsWithTwo) {
    EXPECT_EQ(runCli({"risk"}).exitCode, 2);
    EXPECT_EQ(runCli({"risk", caseFile("qianhai-parking"), "--paths", "0"}).exitCode, 2);
    EXPECT_EQ(runCli({"risk", caseFile("qianhai-parking"), "--format", "xml"}).exitCode, 2);
    EXPECT_EQ(runCli({"risk", caseFile("qianhai-parking"), "--paths", "10", "--tornado", "nope"}).exitCode, 2);
    const auto help = runCli({"risk", "--help"});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_NE(help.out.find("--sobol"), std::string::npos);
}

TEST(SensitivityCommand, TornadoIsSortedBySwing) {
    const auto run = runCli({"sensitivity", caseFile("qianhai-parking"), "--structure", "bot", "--metric", "npv_private",
                             "--format", "json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const json bars = json::parse(run.out)["tornado"]["bars"];
    ASSERT_EQ(bars.size(), 6u);  // five risks on money, and the search time saved (a social outcome)
    for (std::size_t i = 1; i < bars.size(); ++i) EXPECT_GE(bars[i - 1]["swing"].get<double>(), bars[i]["swing"].get<double>());
    EXPECT_EQ(bars.back()["swing"].get<double>(), 0.0);  // an outcome's quantity does not move a party's NPV
    const auto swing = runCli({"sensitivity", caseFile("qianhai-parking"), "--structure", "ppp", "--swing", "0.1"});
    ASSERT_EQ(swing.exitCode, 0) << swing.err;
    EXPECT_NE(swing.out.find("+-10%"), std::string::npos);
}

TEST(SensitivityCommand, BadInputExitsWithTwo) {
    EXPECT_EQ(runCli({"sensitivity", caseFile("qianhai-parking")}).exitCode, 2);
    EXPECT_EQ(runCli({"sensitivity", caseFile("qianhai-parking"), "--structure", "bot", "--metric", "npv"}).exitCode, 2);
    EXPECT_EQ(runCli({"sensitivity", caseFile("qianhai-parking"), "--structure", "bot", "--low-high", "p5-p95"}).exitCode, 2);
}
