// What `cityfin evaluate` and `compare` show of the social return (table, json, csv): the figures
// are consistent with one another and with their definitions (docs/methodology/social-return.md),
// a hand-worked case comes out right end to end, and society ranks by economic NPV.

#include "cli_runner.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

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

json runJson(const std::vector<std::string>& args) {
    const auto run = runCli(args);
    EXPECT_EQ(run.exitCode, 0) << run.err;
    return json::parse(run.out);
}

const json& evaluationOf(const json& doc, const std::string& structure) {
    for (const json& e : doc["evaluations"])
        if (e["structure"]["id"] == structure) return e;
    throw std::runtime_error("no evaluation of " + structure);
}

double presentValue(double rate, const json& flows) {
    double pv = 0.0;
    for (std::size_t t = 0; t < flows.size(); ++t) pv += flows[t].get<double>() / std::pow(1.0 + rate, static_cast<double>(t));
    return pv;
}

// The hand-worked case of tests/models/test_social_return.cpp as a case file: capex 1,000 at t0,
// three operating years, social rate 5%; 100 trips a year at 2 each, deadweight 20%, attribution
// 10%, drop-off 10%, 0.5 t CO2e per trip. Impact kept 0.8 x 0.9 = 0.72: 144, 129.6, 116.64;
// PV 144/1.05 + 129.6/1.05^2 + 116.64/1.05^3 = 355.451895; SROI 0.355452:1; ENPV -644.548105;
// (100 + 90 + 81) x 0.72 x 0.5 = 97.56 t; cost per t 644.548105 / 97.56 = 6.606684.
const char* const kHandCase = R"({
  "cityfin": 1, "id": "hand", "name": "Hand-worked SROI",
  "project": {"name": "Hand-worked", "capex": [1000], "operating_years": 3,
              "rates": {"public": 0.04, "private": 0.1, "social": 0.05}},
  "structures": [{"id": "psc", "name": "Public procurement", "type": "traditional", "terms": {"loan_share": 0}}],
  "outcomes": [{"id": "trips", "name": "Trips made easier", "category": "social", "unit": "trips",
                "annual_quantity": 100, "proxy_value": 2, "proxy_source": "a test proxy",
                "tonnes_co2_per_unit": 0.5, "deadweight": 0.2, "attribution": 0.1, "drop_off": 0.1}]
})";

} // namespace

TEST(SocialOutput, HandWorkedCaseComesOutRightInJson) {
    const json doc = runJson({"evaluate", writeTemp("hand-sroi.json", kHandCase), "--format", "json"});
    const json& s = evaluationOf(doc, "psc")["social_return"];
    const double pv = 144 / 1.05 + 129.6 / (1.05 * 1.05) + 116.64 / (1.05 * 1.05 * 1.05);
    EXPECT_NEAR(s["present_value"].get<double>(), pv, 1e-9);
    EXPECT_NEAR(s["gross_present_value"].get<double>(), pv / 0.72, 1e-9);
    EXPECT_NEAR(s["sroi_ratio"].get<double>(), pv / 1000.0, 1e-12);
    EXPECT_NEAR(s["benefit_cost_ratio"].get<double>(), pv / 1000.0, 1e-12);
    EXPECT_NEAR(s["economic_npv"].get<double>(), pv - 1000.0, 1e-9);
    EXPECT_NEAR(s["tonnes_co2"].get<double>(), 97.56, 1e-9);
    EXPECT_NEAR(s["cost_per_tonne_co2"].get<double>(), (1000.0 - pv) / 97.56, 1e-9);
    EXPECT_TRUE(s["sroi_payback_years"].is_null());
    EXPECT_EQ(s["sroi_payback_years_reason"], "the social value does not repay the inputs within the horizon");
    EXPECT_NEAR(s["present_value_by_category"]["social"].get<double>(), pv, 1e-9);
    ASSERT_EQ(s["outcomes"].size(), 1u);
    EXPECT_NEAR(s["outcomes"][0]["net_impact"][2].get<double>(), 129.6, 1e-9);
    // Nothing paid by users: +0, not -0, in the output.
    EXPECT_EQ(s["user_payments_pv"].get<double>(), 0.0);
    EXPECT_FALSE(std::signbit(s["user_payments_pv"].get<double>()));
}

TEST(SocialOutput, HandWorkedCaseTableShowsTheHeadlineFigures) {
    const auto run = runCli({"evaluate", writeTemp("hand-sroi-table.json", kHandCase)});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("Social return at the social rate of 5.00%"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("355"), std::string::npos);     // social value 355 (rounded to the unit)
    EXPECT_NE(run.out.find("-645"), std::string::npos);    // economic NPV -644.5
    EXPECT_NE(run.out.find("0.36:1"), std::string::npos);  // SROI ratio
    EXPECT_NE(run.out.find("Trips made easier"), std::string::npos);
    EXPECT_NE(run.out.find("cost per t 6.61"), std::string::npos) << run.out;
    EXPECT_EQ(run.out.find("Impact report"), std::string::npos);  // no bond
}

TEST(SocialOutput, EvaluateJsonFiguresAgreeWithTheirDefinitions) {
    const json doc = runJson({"evaluate", bundled("nansha-hvac-retrofit"), "--format", "json"});
    ASSERT_FALSE(doc["evaluations"].empty());
    for (const json& e : doc["evaluations"]) {
        SCOPED_TRACE(e["structure"]["id"].get<std::string>());
        ASSERT_TRUE(e.contains("social_return"));
        const json& s = e["social_return"];
        const double rate = s["social_rate"];
        const double pv = s["present_value"];
        EXPECT_NEAR(s["economic_npv"].get<double>(),
                    pv + s["real_flows_npv"].get<double>() + s["user_payments_pv"].get<double>(), 1e-6);
        EXPECT_NEAR(s["benefit_cost_ratio"].get<double>(), s["benefits_pv"].get<double>() / s["costs_pv"].get<double>(), 1e-12);
        EXPECT_NEAR(s["sroi_ratio"].get<double>(), pv / s["investment_pv"].get<double>(), 1e-12);
        // The real flows NPV is that of the real flows the evaluation prints, at the social rate.
        EXPECT_NEAR(s["real_flows_npv"].get<double>(), presentValue(rate, e["real_flows"]), 1e-3);
        double byOutcome = 0.0, byCategory = 0.0, tonnes = 0.0;
        for (const json& o : s["outcomes"]) {
            EXPECT_NEAR(o["present_value"].get<double>(), presentValue(rate, o["net_impact"]), 1e-6);
            byOutcome += o["present_value"].get<double>();
            tonnes += o["tonnes_co2"].get<double>();
        }
        for (const auto& [category, value] : s["present_value_by_category"].items()) byCategory += value.get<double>();
        EXPECT_NEAR(byOutcome, pv, 1e-6);
        EXPECT_NEAR(byCategory, pv, 1e-6);
        EXPECT_NEAR(tonnes, s["tonnes_co2"].get<double>(), 1e-9);
        EXPECT_NEAR(s["cost_per_tonne_co2"].get<double>(),
                    -(s["economic_npv"].get<double>() - s["carbon_present_value"].get<double>()) / tonnes, 1e-9);
    }
}

TEST(SocialOutput, GreenBondJsonCarriesTheIcmaImpactReportPerMillionIssued) {
    const json doc = runJson({"evaluate", bundled("nansha-hvac-retrofit"), "--format", "json"});
    int reports = 0;
    for (const json& e : doc["evaluations"]) {
        if (e["structure"]["kind"] != "green_bond") {
            EXPECT_FALSE(e.contains("impact_report")) << e["structure"]["id"];
            continue;
        }
        ++reports;
        const json& r = e["impact_report"];
        EXPECT_EQ(r["framework"], "ICMA Harmonised Framework for Impact Reporting");
        const double millions = r["amount_issued"].get<double>() / 1e6;
        EXPECT_NEAR(r["amount_issued"].get<double>(), e["bond"]["face"].get<double>(), 1e-6);
        EXPECT_NEAR(r["ghg_avoided_tco2e_per_million"].get<double>(), r["annual_ghg_avoided_tco2e"].get<double>() / millions, 1e-9);
        EXPECT_NEAR(r["energy_saved_mwh_per_million"].get<double>(), r["annual_energy_saved_mwh"].get<double>() / millions, 1e-9);
        // The annual GHG is the attributable tonnes over the horizon averaged over the operating years.
        EXPECT_NEAR(r["annual_ghg_avoided_tco2e"].get<double>(),
                    e["social_return"]["tonnes_co2"].get<double>() / r["averaged_over_operating_years"].get<double>(), 1e-9);
        EXPECT_GT(r["annual_energy_saved_mwh"].get<double>(), 0.0);
    }
    EXPECT_EQ(reports, 1);
}

TEST(SocialOutput, GreenBondTableShowsTheImpactReport) {
    const auto run = runCli({"evaluate", bundled("nansha-hvac-retrofit"), "--structure", "green-bond"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("Impact report (ICMA Harmonised Framework)"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("GHG avoided per year"), std::string::npos);
    EXPECT_NE(run.out.find("Energy saved per year"), std::string::npos);
    EXPECT_NE(run.out.find("per million issued"), std::string::npos);
}

TEST(SocialOutput, EvaluateCsvSocialValueRowsDiscountToTheOutcomesPresentValue) {
    const std::string path = bundled("zhangzhou-city-wifi");
    const json doc = runJson({"evaluate", path, "--format", "json"});
    const auto run = runCli({"evaluate", path, "--format", "csv"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    // structure,party,line,counterparty,year,amount -> rows of party "society".
    std::map<std::pair<std::string, std::string>, std::vector<double>> rows;
    std::istringstream lines(run.out);
    std::string line;
    while (std::getline(lines, line)) {
        std::vector<std::string> f;
        std::stringstream cells(line);
        for (std::string cell; std::getline(cells, cell, ',');) f.push_back(cell);
        if (f.size() == 6 && f[1] == "society") rows[{f[0], f[2]}].push_back(std::stod(f[5]));
    }
    ASSERT_FALSE(rows.empty()) << run.out.substr(0, 400);
    std::size_t checked = 0;
    for (const json& e : doc["evaluations"]) {
        const json& s = e["social_return"];
        for (const json& o : s["outcomes"]) {
            const auto it = rows.find({e["structure"]["id"].get<std::string>(), "social_value:" + o["id"].get<std::string>()});
            ASSERT_NE(it, rows.end()) << o["id"];
            ASSERT_EQ(it->second.size(), e["years"].size());
            EXPECT_NEAR(presentValue(s["social_rate"], json(it->second)), o["present_value"].get<double>(),
                        1e-6 * std::max(1.0, std::abs(o["present_value"].get<double>())));
            ++checked;
        }
    }
    EXPECT_GT(checked, 0u);
}

TEST(SocialOutput, CompareForSocietyRanksByEconomicNpvInEveryFormat) {
    const std::string path = bundled("zhangzhou-city-wifi");
    const json evaluated = runJson({"evaluate", path, "--format", "json"});
    const json compared = runJson({"compare", path, "--perspective", "society", "--format", "json"});
    const json& ranking = compared["comparison"]["ranking"];
    ASSERT_EQ(ranking.size(), evaluated["evaluations"].size());
    EXPECT_NE(compared["comparison"]["score"].get<std::string>().find("social value included"), std::string::npos);
    double previous = INFINITY;
    for (const json& r : ranking) {
        const double enpv = evaluationOf(evaluated, r["structure"])["social_return"]["economic_npv"];
        EXPECT_NEAR(r["score"].get<double>(), enpv, 1e-6) << r["structure"];
        EXPECT_LE(enpv, previous + 1e-9);
        previous = enpv;
    }

    const auto csv = runCli({"compare", path, "--perspective", "society", "--format", "csv"});
    ASSERT_EQ(csv.exitCode, 0) << csv.err;
    const std::string header = csv.out.substr(0, csv.out.find('\n'));
    for (const char* column : {"social_value_pv", "economic_npv", "benefit_cost_ratio", "sroi_ratio", "tonnes_co2",
                               "cost_per_tonne_co2"})
        EXPECT_NE(header.find(column), std::string::npos) << column;

    const auto table = runCli({"compare", path, "--perspective", "society"});
    ASSERT_EQ(table.exitCode, 0) << table.err;
    EXPECT_NE(table.out.find("Economic NPV"), std::string::npos);
    EXPECT_NE(table.out.find("SROI"), std::string::npos);
    EXPECT_NE(table.out.find("has the highest economic NPV at the social rate"), std::string::npos) << table.out;
}

TEST(SocialOutput, CaseWithoutOutcomesPrintsNoSocialFigures) {
    json d = json::parse(kHandCase);
    d.erase("outcomes");
    const std::string path = writeTemp("no-outcomes.json", d.dump());
    const json doc = runJson({"evaluate", path, "--format", "json"});
    EXPECT_FALSE(evaluationOf(doc, "psc").contains("social_return"));
    const auto table = runCli({"evaluate", path});
    ASSERT_EQ(table.exitCode, 0) << table.err;
    EXPECT_EQ(table.out.find("Social return"), std::string::npos);
    const json compared = runJson({"compare", path, "--perspective", "society", "--format", "json"});
    EXPECT_EQ(compared["comparison"]["score"].get<std::string>().find("social value included"), std::string::npos);
}

TEST(SocialOutput, BadOutcomeExitsTwoNamingItsJsonPath) {
    json d = json::parse(kHandCase);
    d["outcomes"][0]["drop_off"] = -0.1;
    const auto run = runCli({"evaluate", writeTemp("bad-outcome.json", d.dump()), "--format", "json"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("outcomes[0].drop_off: got -0.1"), std::string::npos) << run.err;
    EXPECT_EQ(run.out, "");
}

TEST(SocialOutput, ChineseOutcomeNamesAreCutOnACharacterAndKeepTheColumns) {
    // 30 CJK characters (3 bytes, 2 columns each) in a 44-column cell: 21 characters (42 columns) fit
    // before the gap; the category column starts where it does for an ASCII name.
    json d = json::parse(kHandCase);
    std::string name;
    for (int i = 0; i < 30; ++i) name += "出行";
    name.resize(30 * 3);
    d["outcomes"][0]["name"] = name;
    const auto run = runCli({"evaluate", writeTemp("cjk-outcome.json", d.dump())});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NO_THROW((void)json(run.out).dump()) << "the output is not valid UTF-8";
    const std::size_t at = run.out.find(name.substr(0, 21 * 3));
    ASSERT_NE(at, std::string::npos) << run.out;
    EXPECT_EQ(run.out.substr(at + 21 * 3, 2), "  ");  // 44 - 42 columns of padding, then "social"
    EXPECT_EQ(run.out.substr(at + 21 * 3 + 2, 6), "social");
}
