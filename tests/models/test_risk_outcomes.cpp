// Social outcomes as risk drivers: the register's outcome factors move the social value and the
// economic NPV of every scenario, and nothing else.
#include "models/case_file.hpp"
#include "models/risk/case_risk.hpp"

#include "case_samples.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace {

using namespace cityfin::models;
using Json = nlohmann::json;

// Capex 1,000, three operating years, social rate 5%; one outcome worth 144, 129.6 and 116.64 a year
// after its adjustments (PV 355.451895, tests/models/test_social_return.cpp) and one risk: a
// uniform factor from 0.5 to 1.5 on every outcome's quantity.
Case outcomeRiskCase(const std::string& driver) {
    Json d = Json::parse(cityfin::test::editedCase([&](Json& c) {
        c["project"]["capex"] = {1000};
        c["project"]["operating_years"] = 3;
        c["project"]["rates"] = {{"public", 0.04}, {"private", 0.1}, {"social", 0.05}};
        c["structures"][0]["terms"] = {{"loan_share", 0}};
        c["outcomes"] = {{{"id", "trips"}, {"name", "Trips made easier"}, {"category", "social"}, {"unit", "trips"},
                          {"annual_quantity", 100}, {"proxy_value", 2}, {"proxy_source", "a test proxy"},
                          {"deadweight", 0.2}, {"attribution", 0.1}, {"drop_off", 0.1}}};
        c["risks"] = {{{"id", "uptake"}, {"name", "Uptake"}, {"category", "outcome"}, {"driver", driver},
                       {"distribution", {{"type", "uniform"}, {"min", 0.5}, {"max", 1.5}}}}};
    }));
    return parseCase(d.dump());
}

RiskOptions options() {
    RiskOptions o;
    o.paths = 400;
    o.seed = 7;
    o.threads = 1;
    return o;
}

TEST(RiskOutcomes, QuantityFactorScalesTheSocialValueAndLeavesTheMoneyAlone) {
    const CaseRisk r = analyseCaseRisk(outcomeRiskCase("outcome_quantity_factor"), options(), false);
    const StructureRisk& s = r.run.structures.front();
    const double base = s.baseValue(RiskMetric::SocialValue);
    EXPECT_NEAR(base, 355.4518950437317, 1e-9);
    const auto& social = s.metric(RiskMetric::SocialValue);
    const auto& economic = s.metric(RiskMetric::EconomicNpv);
    const auto& city = s.metric(RiskMetric::CityPresentCost);
    double lowest = 2.0, highest = 0.0;
    for (std::size_t i = 0; i < social.size(); ++i) {
        const double factor = social[i] / base;  // social value is linear in the quantity
        lowest = std::min(lowest, factor);
        highest = std::max(highest, factor);
        EXPECT_NEAR(economic[i] - social[i], s.baseValue(RiskMetric::EconomicNpv) - base, 1e-9);
        EXPECT_NEAR(city[i], s.baseValue(RiskMetric::CityPresentCost), 1e-9);
    }
    EXPECT_GE(lowest, 0.5 - 1e-12);
    EXPECT_LE(highest, 1.5 + 1e-12);
    EXPECT_LT(lowest, 0.6);   // 400 uniform draws cover the range
    EXPECT_GT(highest, 1.4);
    EXPECT_NEAR(s.summary(RiskMetric::SocialValue).mean / base, 1.0, 0.05);
}

TEST(RiskOutcomes, ProxyFactorMovesTheValueLikeTheQuantity) {
    const CaseRisk q = analyseCaseRisk(outcomeRiskCase("outcome_quantity_factor"), options(), false);
    const CaseRisk p = analyseCaseRisk(outcomeRiskCase("outcome_proxy_factor"), options(), false);
    // Same seed, same draws: value = quantity x proxy, so either factor gives the same samples.
    const auto& a = q.run.structures.front().metric(RiskMetric::SocialValue);
    const auto& b = p.run.structures.front().metric(RiskMetric::SocialValue);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) EXPECT_NEAR(a[i], b[i], 1e-9);
}

TEST(RiskOutcomes, CarbonPriceFactorLeavesProxyValuedOutcomesAlone) {
    const CaseRisk r = analyseCaseRisk(outcomeRiskCase("carbon_price_factor"), options(), false);
    const StructureRisk& s = r.run.structures.front();
    EXPECT_NEAR(s.summary(RiskMetric::SocialValue).stdev, 0.0, 1e-9);
}

TEST(RiskOutcomes, WithoutOutcomesTheSocialMetricsAreUndefined) {
    Json d = Json::parse(caseToJson(outcomeRiskCase("capex_factor")));
    d.erase("outcomes");
    const CaseRisk r = analyseCaseRisk(parseCase(d.dump()), options(), false);
    EXPECT_EQ(r.run.structures.front().summary(RiskMetric::SocialValue).defined, 0u);
    EXPECT_TRUE(std::isnan(r.run.structures.front().baseValue(RiskMetric::EconomicNpv)));
}

TEST(RiskOutcomes, DrawsOnOutcomeDriversMultiply) {
    RiskRegister reg;
    reg.risks.resize(3);
    reg.risks[0].driver = RiskDriver::OutcomeQuantityFactor;
    reg.risks[1].driver = RiskDriver::OutcomeQuantityFactor;
    reg.risks[2].driver = RiskDriver::CarbonPriceFactor;
    const double draws[] = {0.5, 1.2, -3.0};
    const OutcomeFactors f = outcomeFactorsFromDraws(reg, draws);
    EXPECT_DOUBLE_EQ(f.quantity, 0.6);
    EXPECT_DOUBLE_EQ(f.proxy, 1.0);
    EXPECT_DOUBLE_EQ(f.carbonPrice, 0.0);  // kept >= 0
    const Scenario s = applyDraws({}, reg, draws);
    EXPECT_DOUBLE_EQ(s.capexFactor, 1.0);  // the money's scenario does not move
    EXPECT_DOUBLE_EQ(s.demandFactor, 1.0);
}

} // namespace
