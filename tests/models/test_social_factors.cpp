// The multipliers a risk draw puts on the outcomes (OutcomeFactors), and the scenario's savings
// factor in the green-bond impact report, against figures worked by hand.
#include "models/case_evaluation.hpp"
#include "models/case_file.hpp"

#include "case_samples.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>

namespace {

using namespace cityfin::models;
using cityfin::test::editedCase;
using cityfin::test::errorOf;
using Json = nlohmann::json;

// The hand-worked case of test_social_return.cpp: capex 1,000 at t0, three operating years (start
// 2026, so 2027-2029), social rate 5%. "trips": 100 a year, proxy 2, deadweight 20%, attribution
// 10%, drop-off 10%, 0.5 t CO2e per unit: impact 144, 129.6, 116.64, PV 355.451895, 97.56 t.
// "co2": 10 t a year at the carbon price, 50 in 2027 rising linearly to 100 in 2029: 500, 750, 1000.
Case handCase() {
    return parseCase(editedCase([](Json& c) {
        c["project"]["capex"] = {1000};
        c["project"]["operating_years"] = 3;
        c["project"]["start_year"] = 2026;
        c["project"]["rates"] = {{"public", 0.04}, {"private", 0.1}, {"social", 0.05}};
        c["structures"][0]["terms"] = {{"loan_share", 0}};
        c["carbon_price"] = {{{"year", 2027}, {"price", 50}}, {{"year", 2029}, {"price", 100}}};
        c["outcomes"] = {{{"id", "trips"}, {"name", "Trips made easier"}, {"category", "social"}, {"unit", "trips"},
                          {"annual_quantity", 100}, {"proxy_value", 2}, {"proxy_source", "a test proxy"},
                          {"tonnes_co2_per_unit", 0.5}, {"deadweight", 0.2}, {"attribution", 0.1},
                          {"drop_off", 0.1}},
                         {{"id", "co2"}, {"name", "CO2 avoided"}, {"category", "environmental"}, {"unit", "t CO2e"},
                          {"annual_quantity", 10}, {"valuation", "carbon_price"}, {"tonnes_co2_per_unit", 1},
                          {"proxy_source", "a carbon price path"}}};
    }));
}

constexpr double kTripsPv = 355.4518950437317;
// 500/1.05 + 750/1.05^2 + 1000/1.05^3 = 476.190476 + 680.272109 + 863.837598
constexpr double kCo2Pv = 500 / 1.05 + 750 / (1.05 * 1.05) + 1000 / (1.05 * 1.05 * 1.05);

SocialReturn underFactors(const OutcomeFactors& factors) {
    const Case c = handCase();
    const Evaluation e = evaluateCase(c).front();
    return socialReturn(c.project, e.project, e.outcome, c.outcomes, c.carbonPrice, factors);
}

TEST(OutcomeFactors, BaseFactorsGiveTheHandWorkedFigures) {
    const SocialReturn s = underFactors({});
    EXPECT_NEAR(s.outcomes.at(0).presentValue, kTripsPv, 1e-9);
    EXPECT_NEAR(s.outcomes.at(1).presentValue, kCo2Pv, 1e-9);
    EXPECT_NEAR(s.tonnesCo2, 97.56 + 30.0, 1e-9);
}

TEST(OutcomeFactors, GlobalAndPerOutcomeFactorsMultiply) {
    // Every quantity x 1.5; the trips' proxy x 2 on top: trips PV x 3 = 1066.355685, its tonnes x 1.5
    // = 146.34 (the proxy does not move tonnes); co2 x 1.5 in quantity: PV x 1.5, 45 t.
    OutcomeFactors f;
    f.quantity = 1.5;
    f.byOutcome = {{"trips", 1.0, 2.0}};
    const SocialReturn s = underFactors(f);
    EXPECT_NEAR(s.outcomes.at(0).presentValue, 3.0 * kTripsPv, 1e-9);
    EXPECT_NEAR(s.outcomes.at(0).tonnesCo2, 146.34, 1e-9);
    EXPECT_NEAR(s.outcomes.at(1).presentValue, 1.5 * kCo2Pv, 1e-9);
    EXPECT_NEAR(s.tonnesCo2, 146.34 + 45.0, 1e-9);
    EXPECT_NEAR(s.presentValue, 3.0 * kTripsPv + 1.5 * kCo2Pv, 1e-9);
    // ENPV moves by the change in social value alone: the real flows do not depend on the outcomes.
    const SocialReturn base = underFactors({});
    EXPECT_NEAR(s.economicNpv - base.economicNpv, s.presentValue - base.presentValue, 1e-9);
    EXPECT_NEAR(s.realFlowsNpv, base.realFlowsNpv, 1e-9);
}

TEST(OutcomeFactors, SeveralEntriesOnOneOutcomeMultiply) {
    // Two risks on the trips' quantity, 0.5 each: 0.25 of the quantity, PV 88.862974.
    OutcomeFactors f;
    f.byOutcome = {{"trips", 0.5, 1.0}, {"trips", 0.5, 1.0}};
    const SocialReturn s = underFactors(f);
    EXPECT_NEAR(s.outcomes.at(0).presentValue, 0.25 * kTripsPv, 1e-9);
    EXPECT_NEAR(s.outcomes.at(1).presentValue, kCo2Pv, 1e-9);
}

TEST(OutcomeFactors, CarbonPriceFactorMovesOnlyCarbonPricedOutcomes) {
    // Carbon price x 2: co2 is worth 1000, 1500, 2000; the trips keep their proxy; the tonnes and the
    // cost per t before carbon do not move (the carbon value is taken out of it).
    OutcomeFactors f;
    f.carbonPrice = 2.0;
    const SocialReturn s = underFactors(f);
    const SocialReturn base = underFactors({});
    EXPECT_NEAR(s.outcomes.at(1).netImpact.at(1), 1000.0, 1e-9);
    EXPECT_NEAR(s.outcomes.at(1).netImpact.at(3), 2000.0, 1e-9);
    EXPECT_NEAR(s.outcomes.at(0).presentValue, kTripsPv, 1e-9);
    EXPECT_NEAR(s.carbonPresentValue, 2.0 * kCo2Pv, 1e-9);
    EXPECT_NEAR(s.tonnesCo2, base.tonnesCo2, 1e-9);
    ASSERT_TRUE(s.costPerTonneCo2 && base.costPerTonneCo2);
    EXPECT_NEAR(*s.costPerTonneCo2, *base.costPerTonneCo2, 1e-9);
    // (1000 - 355.451895) / 127.56 t: the capex less the trips' value, per tonne.
    EXPECT_NEAR(*s.costPerTonneCo2, (1000.0 - kTripsPv) / 127.56, 1e-9);
}

TEST(OutcomeFactors, BadFactorsNameTheirPath) {
    OutcomeFactors f;
    f.byOutcome = {{"trip", 1.0, 1.0}};
    EXPECT_EQ(errorOf([&] { underFactors(f); }),
              "outcome_factors.by_outcome[0].id: got \"trip\", expected the id of one of the case's outcomes");
    f = {};
    f.quantity = -1.0;
    EXPECT_EQ(errorOf([&] { underFactors(f); }), "outcome_factors.quantity: got -1, expected a finite multiplier >= 0");
    f = {};
    f.byOutcome = {{"co2", 1.0, std::numeric_limits<double>::quiet_NaN()}};
    EXPECT_NE(errorOf([&] { underFactors(f); }).find("outcome_factors.by_outcome[0].proxy: got "), std::string::npos);
    f = {};
    f.carbonPrice = std::numeric_limits<double>::infinity();
    EXPECT_NE(errorOf([&] { underFactors(f); }).find("outcome_factors.carbon_price: got "), std::string::npos);
}

TEST(OutcomeFactors, AttachSocialReturnPassesTheFactorsOn) {
    const Case c = handCase();
    std::vector<Evaluation> evaluations = evaluateAll(c.project, c.structures, c.scenario);
    OutcomeFactors f;
    f.proxy = 0.5;
    attachSocialReturn(evaluations, c.project, c.outcomes, c.carbonPrice, c.scenario, f);
    ASSERT_TRUE(evaluations.front().social);
    EXPECT_NEAR(evaluations.front().social->presentValue, 0.5 * (kTripsPv + kCo2Pv), 1e-9);
}

TEST(GreenBondImpactReport, EnergySavedFollowsTheScenariosSavingsFactor) {
    // 1,000,000 kWh baseline, 30% saved: 300 MWh a year; the case's scenario saves only 80% of it:
    // 240 MWh a year, and per million issued 240 / (face / 1e6).
    Json d = Json::parse(cityfin::test::fullCase);
    d["scenario"] = {{"delay_years", 0}, {"savings_factor", 0.8}};
    d["project"]["energy_savings"] = {{{"name", "LED"}, {"baseline_kwh", 1000000}, {"saving_fraction", 0.3},
                                       {"price_per_kwh", 0.8}}};
    d["outcomes"] = {{{"id", "co2"}, {"name", "CO2 avoided"}, {"category", "environmental"}, {"unit", "MWh"},
                      {"annual_quantity", 240}, {"proxy_value", 0}, {"tonnes_co2_per_unit", 0.5},
                      {"proxy_source", "grid factor 0.5 t/MWh"}}};
    const auto evaluations = evaluateCase(parseCase(d.dump()));
    const auto green = std::find_if(evaluations.begin(), evaluations.end(),
                                    [](const Evaluation& e) { return e.kind == "green_bond"; });
    ASSERT_NE(green, evaluations.end());
    ASSERT_TRUE(green->greenBondImpact);
    EXPECT_NEAR(green->greenBondImpact->annualEnergySavedMwh, 240.0, 1e-9);
    EXPECT_NEAR(green->greenBondImpact->energySavedMwhPerMillion, 240.0 / (green->greenBondImpact->face / 1e6), 1e-9);
    EXPECT_NEAR(green->greenBondImpact->annualTonnesCo2, 120.0, 1e-9);
}

} // namespace
