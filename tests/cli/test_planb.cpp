// `cityfin planb` and `cityfin solve`: exit codes, the JSON shape, the table's verdict.

#include "cli_runner.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <string>

using cityfin::test::runCli;

namespace {

std::string casePath(const std::string& id) {
    return std::string(std::getenv("CITYFIN_SOURCE_DIR")) + "/cases/" + id + "/case.json";
}

} // namespace

TEST(PlanBCommand, PrintsEachPlansRulesAndTheConclusion) {
    const auto run = runCli({"planb", casePath("qianhai-parking")});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("feasible"), std::string::npos);
    EXPECT_NE(run.out.find("Plan A is feasible"), std::string::npos) << run.out;  // no plans: psc first
}

TEST(PlanBCommand, JsonCarriesTheSameChain) {
    const auto run = runCli({"planb", casePath("qianhai-parking"), "--format", "json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto j = nlohmann::json::parse(run.out);
    ASSERT_TRUE(j["steps"].is_array());
    EXPECT_EQ(j["chosen"], 0);
    EXPECT_TRUE(j.contains("conclusion"));
    EXPECT_TRUE(j["steps"][0].contains("rules"));
    for (const auto& rule : j["steps"][0]["rules"]) {
        const std::string id = rule["id"], unit = rule["unit"];
        EXPECT_EQ(unit, id == "equity_irr" ? "rate" : id == "min_dscr" ? "cover" : "money") << id;
    }
}

TEST(PlanBCommand, TheTablePrintsEachMarginInItsRulesUnit) {
    // Yangzhou's Plan A: the 10% ceiling in money, the 5% rule on government-pay PPPs in points of the budget.
    const auto run = runCli({"planb", casePath("yangzhou-smart-streetlights"), "--paths", "200", "--no-mend"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("FAIL  ppp_budget_share  margin CNY -3,914,181"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("FAIL  government_pay_ppp  margin -4.83 pts"), std::string::npos) << run.out;
}

TEST(PlanBCommand, LangZhWritesTheMemoInChineseAndAnUnknownLanguageIsAnInputError) {
    const auto zh = runCli({"planb", casePath("yangzhou-smart-streetlights"), "--paths", "200", "--lang", "zh", "--format", "json"});
    ASSERT_EQ(zh.exitCode, 0) << zh.err;
    const auto j = nlohmann::json::parse(zh.out);
    EXPECT_EQ(j["conclusion"].get<std::string>().rfind("建议转向", 0), 0u) << j["conclusion"];
    EXPECT_EQ(j["steps"][0]["rules"][3]["id"], "government_pay_ppp");  // ids stay as they are
    const auto fr = runCli({"planb", casePath("yangzhou-smart-streetlights"), "--lang", "fr"});
    EXPECT_EQ(fr.exitCode, 2);
    EXPECT_NE(fr.err.find("--lang"), std::string::npos) << fr.err;
}

TEST(PlanBCommand, BadInputExitsWithTwo) {
    EXPECT_EQ(runCli({"planb"}).exitCode, 2);
    EXPECT_EQ(runCli({"planb", "/no/such/case.json"}).exitCode, 2);
    EXPECT_EQ(runCli({"planb", casePath("qianhai-parking"), "--format", "csv"}).exitCode, 2);
    EXPECT_EQ(runCli({"planb", casePath("qianhai-parking"), "--paths", "0"}).exitCode, 2);
    EXPECT_EQ(runCli({"planb", "--help"}).exitCode, 0);
}

TEST(SolveCommand, AnswersInTableAndJson) {
    const auto table = runCli({"solve", casePath("qianhai-parking"), "--structure", "bot", "--target", "equity_irr=0.11", "--vary",
                               "tariff_factor"});
    EXPECT_EQ(table.exitCode, 0) << table.err;
    EXPECT_NE(table.out.find("when tariff_factor = 1.09"), std::string::npos) << table.out;
    const auto json = runCli({"solve", casePath("qianhai-parking"), "--structure", "bot", "--target", "equity_irr=0.11", "--vary",
                              "tariff_factor", "--format", "json"});
    ASSERT_EQ(json.exitCode, 0) << json.err;
    const auto j = nlohmann::json::parse(json.out);
    EXPECT_NEAR(j["value"].get<double>(), 1.0968, 1e-3);
    EXPECT_EQ(j["metric"], "equity_irr");
}

TEST(SolveCommand, NoRootIsAnAnswerWithExitZero) {
    const auto run = runCli({"solve", casePath("qianhai-parking"), "--structure", "bot", "--target", "equity_irr=0.5", "--vary",
                             "tariff_factor", "--range", "0.9:1.1"});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("no answer"), std::string::npos) << run.out;
}

TEST(SolveCommand, BadInputExitsWithTwo) {
    const std::string c = casePath("qianhai-parking");
    EXPECT_EQ(runCli({"solve", c, "--structure", "bot", "--target", "equity_irr", "--vary", "tariff_factor"}).exitCode, 2);
    EXPECT_EQ(runCli({"solve", c, "--structure", "bot", "--target", "equity_irr=x", "--vary", "tariff_factor"}).exitCode, 2);
    EXPECT_EQ(runCli({"solve", c, "--structure", "bot", "--target", "equity_irr=0.1", "--vary", "nothing"}).exitCode, 2);
    EXPECT_EQ(runCli({"solve", c, "--structure", "bot", "--target", "equity_irr=0.1"}).exitCode, 2);
    EXPECT_EQ(runCli({"solve", c, "--structure", "bot", "--target", "equity_irr=0.1", "--vary", "tariff_factor", "--range", "2:1"}).exitCode, 2);
    EXPECT_EQ(runCli({"solve", "--help"}).exitCode, 0);
}

TEST(PlanBCommand, HaeundaeMemoRejectsPlanAForItsCoverUnderRiskAndChoosesPlanB) {
    const auto run = runCli({"planb", casePath("haeundae-smart-parking")});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("FAIL  risk_confidence"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("the lenders' 1.40x cover gives way first, holding in"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("We therefore turn to Plan B: BTL availability lease."), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("We recommend falling back to Plan B: BTL availability lease"), std::string::npos) << run.out;

    const auto json = runCli({"planb", casePath("haeundae-smart-parking"), "--format", "json", "--no-mend"});
    ASSERT_EQ(json.exitCode, 0) << json.err;
    const auto j = nlohmann::json::parse(json.out);
    EXPECT_EQ(j["chosen"], 1);
    const auto& rules = j["steps"][0]["rules"];
    const auto risk = std::find_if(rules.begin(), rules.end(), [](const auto& r) { return r["id"] == "risk_confidence"; });
    ASSERT_NE(risk, rules.end());
    EXPECT_FALSE((*risk)["holds"].get<bool>());
    ASSERT_TRUE((*risk)["under_risk"].is_array());
    const auto& cover = (*risk)["under_risk"][0];
    EXPECT_EQ(cover["id"], "min_dscr");
    EXPECT_TRUE(cover["counted"].get<bool>());
    // Only the cover fails: P(all) equals its share of the scenarios.
    EXPECT_DOUBLE_EQ((*risk)["value"].get<double>(), cover["probability"].get<double>());
    EXPECT_LT(cover["probability"].get<double>(), 0.90);
}
