// The risk register: strict reading with JSON paths in errors, the canonical writer, and how draws
// become a scenario.

#include "models/case_file.hpp"
#include "models/risk/risk_register.hpp"

#include "finance/errors.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "risk_fixtures.hpp"

using namespace cityfin;
using namespace cityfin::models;

namespace {

std::string errorField(const std::string& text) {
    try {
        readRiskRegister(nlohmann::json::parse(text));
    } catch (const InputError& e) {
        return e.field();
    }
    return "no error";
}

const char* kEveryKind = R"([
  {"id": "a", "name": "Overrun", "category": "construction_overrun", "driver": "capex_factor",
   "distribution": {"type": "pert", "min": 0.9, "mode": 1.0, "max": 1.5, "lambda": 4}, "correlations": {"b": 0.4},
   "source": "Flyvbjerg"},
  {"id": "b", "category": "delay", "driver": "delay_years",
   "distribution": {"type": "discrete", "values": [0, 1, 2], "probabilities": [0.5, 0.3, 0.2]}, "correlations": {"a": 0.4}},
  {"id": "c", "driver": "demand_factor", "distribution": {"type": "lognormal", "mean": 0.9, "stdev": 0.2}},
  {"id": "d", "driver": "price_factor", "distribution": {"type": "normal", "mean": 1, "stdev": 0.1}},
  {"id": "e", "driver": "opex_factor", "distribution": {"type": "triangular", "min": 0.9, "mode": 1, "max": 1.3}},
  {"id": "f", "driver": "savings_factor", "distribution": {"type": "uniform", "min": 0.7, "max": 1.1}}
])";

} // namespace

TEST(RiskRegister, ReadsEveryDistributionKindDriverAndCorrelation) {
    const RiskRegister reg = readRiskRegister(nlohmann::json::parse(kEveryKind));
    ASSERT_EQ(reg.risks.size(), 6u);
    EXPECT_EQ(reg.risks[0].name, "Overrun");
    EXPECT_EQ(reg.risks[2].name, "c");  // the id when no name is given
    EXPECT_EQ(reg.risks[1].driver, RiskDriver::DelayYears);
    EXPECT_EQ(reg.risks[2].category, RiskCategory::Other);
    EXPECT_NEAR(reg.risks[0].distribution.mean(), (0.9 + 4.0 + 1.5) / 6.0, 1e-12);
    EXPECT_NEAR(reg.risks[2].distribution.mean(), 0.9, 1e-12);
    EXPECT_NEAR(riskCorrelation(reg).at(0, 1), 0.4, 0.0);
    EXPECT_NEAR(riskCorrelation(reg).at(1, 0), 0.4, 0.0);
    EXPECT_NEAR(riskCorrelation(reg).at(2, 3), 0.0, 0.0);
}

TEST(RiskRegister, WriterRoundTripsToTheSameText) {
    const RiskRegister reg = readRiskRegister(nlohmann::json::parse(kEveryKind));
    const std::string once = riskRegisterToJson(reg).dump();
    const RiskRegister again = readRiskRegister(nlohmann::json::parse(once));
    EXPECT_EQ(riskRegisterToJson(again).dump(), once);
    for (std::size_t i = 0; i < reg.risks.size(); ++i) {
        EXPECT_NEAR(again.risks[i].distribution.mean(), reg.risks[i].distribution.mean(), 1e-12);
        EXPECT_NEAR(again.risks[i].distribution.stdev(), reg.risks[i].distribution.stdev(), 1e-12);
    }
}

TEST(RiskRegister, ErrorsNameTheJsonPath) {
    EXPECT_EQ(errorField(R"({"a": 1})"), "risks");
    EXPECT_EQ(errorField(R"([{"id": "a", "driver": "capex_factor", "distribution": {"type": "normal", "mean": 1, "stdev": 0.1}, "colour": 1}])"),
              "risks[0].colour");
    EXPECT_EQ(errorField(R"([{"id": "a", "driver": "capex", "distribution": {"type": "normal", "mean": 1, "stdev": 0.1}}])"),
              "risks[0].driver");
    EXPECT_EQ(errorField(R"([{"id": "a", "driver": "capex_factor"}])"), "risks[0].distribution");
    EXPECT_EQ(errorField(R"([{"id": "a", "driver": "capex_factor", "distribution": {"type": "gamma"}}])"),
              "risks[0].distribution.type");
    EXPECT_EQ(errorField(R"([{"id": "a", "driver": "capex_factor", "distribution": {"type": "triangular", "min": 1, "mode": 3, "max": 2}}])"),
              "risks[0].distribution.mode");
    EXPECT_EQ(errorField(R"([{"id": "a", "driver": "capex_factor", "distribution": {"type": "normal", "mean": 1, "stdev": 0.1, "min": 0}}])"),
              "risks[0].distribution.min");
    EXPECT_EQ(errorField(R"([{"id": "a", "driver": "delay_years", "distribution": {"type": "discrete", "values": [0, 1], "probabilities": [0.5, 0.6]}}])"),
              "risks[0].distribution.probabilities");
}

TEST(RiskRegister, RejectsDuplicateIdsUnknownAndInconsistentCorrelations) {
    const std::string d = R"("driver": "capex_factor", "distribution": {"type": "uniform", "min": 1, "max": 2})";
    EXPECT_EQ(errorField("[{\"id\": \"a\", " + d + "}, {\"id\": \"a\", " + d + "}]"), "risks[1].id");
    EXPECT_EQ(errorField("[{\"id\": \"a\", " + d + ", \"correlations\": {\"z\": 0.2}}]"), "risks[0].correlations.z");
    EXPECT_EQ(errorField("[{\"id\": \"a\", " + d + ", \"correlations\": {\"a\": 0.2}}]"), "risks[0].correlations.a");
    EXPECT_EQ(errorField("[{\"id\": \"a\", " + d + ", \"correlations\": {\"b\": 0.2}}, {\"id\": \"b\", " + d +
                         ", \"correlations\": {\"a\": 0.3}}]"),
              "risks[0].correlations.b");
    EXPECT_EQ(errorField("[{\"id\": \"a\", " + d + ", \"correlations\": {\"b\": 1.5}}, {\"id\": \"b\", " + d + "}]"),
              "risks[0].correlations.b");
    // 0.9, 0.9, -0.9 between three risks is not positive semi-definite.
    EXPECT_EQ(errorField("[{\"id\": \"a\", " + d + ", \"correlations\": {\"b\": 0.9, \"c\": 0.9}}, {\"id\": \"b\", " + d +
                         ", \"correlations\": {\"c\": -0.9}}, {\"id\": \"c\", " + d + "}]"),
              "risks");
}

TEST(RiskRegister, DrawsOnOneFactorMultiplyAndDelaysAddUp) {
    const RiskRegister reg = readRiskRegister(nlohmann::json::parse(R"([
      {"id": "a", "driver": "capex_factor", "distribution": {"type": "uniform", "min": 1, "max": 2}},
      {"id": "b", "driver": "capex_factor", "distribution": {"type": "uniform", "min": 1, "max": 2}},
      {"id": "c", "driver": "delay_years", "distribution": {"type": "uniform", "min": 0, "max": 2}},
      {"id": "d", "driver": "demand_factor", "distribution": {"type": "uniform", "min": -1, "max": 2}}])"));
    Scenario base;
    base.capexFactor = 1.1;
    base.delayYears = 1;
    const double draws[] = {1.2, 1.5, 0.6, -0.5};
    const Scenario s = applyDraws(base, reg, draws);
    EXPECT_DOUBLE_EQ(s.capexFactor, 1.1 * 1.2 * 1.5);
    EXPECT_EQ(s.delayYears, 2);           // 1 + 0.6 rounds to 2
    EXPECT_DOUBLE_EQ(s.demandFactor, 0.0); // a factor never goes below 0
    const std::vector<bool> onlyB = {false, true, false, false};
    const Scenario b = applyDraws(base, reg, draws, &onlyB);
    EXPECT_DOUBLE_EQ(b.capexFactor, 1.1 * 1.5);
    EXPECT_EQ(b.delayYears, 1);
    EXPECT_DOUBLE_EQ(b.demandFactor, 1.0);
}

TEST(RiskRegister, ACaseWithABadRegisterFailsToLoad) {
    std::ifstream in(risk_fixtures::casesDir() + "/qianhai-parking/case.json");
    nlohmann::json c = nlohmann::json::parse(in);
    c["risks"] = nlohmann::json::parse(
        R"([{"id": "a", "driver": "capex_factor", "distribution": {"type": "pert", "min": 2, "mode": 1, "max": 3}}])");
    const std::string text = c.dump();
    try {
        parseCase(text);
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_EQ(e.field(), "risks[0].distribution.mode");
    }
}
