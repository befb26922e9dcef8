// The social return of a structure, against figures worked by hand.
#include "models/case_evaluation.hpp"
#include "models/case_file.hpp"
#include "models/compare.hpp"

#include "case_samples.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace {

using namespace cityfin::models;
using cityfin::test::editedCase;
using cityfin::test::errorOf;
using Json = nlohmann::json;

// One construction year (capex 1,000 at t0), three operating years, nothing earned, social rate 5%.
// One outcome: 100 units a year, proxy 2 per unit, 0.5 t CO2e per unit, deadweight 20%,
// attribution 10%, displacement 0, drop-off 10% a year after the first.
Json handCase() {
    Json d = Json::parse(editedCase([](Json& c) {
        c["project"]["capex"] = {1000};
        c["project"]["operating_years"] = 3;
        c["project"]["rates"] = {{"public", 0.04}, {"private", 0.1}, {"social", 0.05}};
        c["structures"][0]["terms"] = {{"loan_share", 0}};
        c["outcomes"] = {{{"id", "trips"}, {"name", "Trips made easier"}, {"category", "social"}, {"unit", "trips"},
                          {"annual_quantity", 100}, {"proxy_value", 2}, {"proxy_source", "a test proxy"},
                          {"tonnes_co2_per_unit", 0.5}, {"deadweight", 0.2}, {"attribution", 0.1},
                          {"drop_off", 0.1}}};
    }));
    return d;
}

Evaluation evaluateOnly(const Json& doc) {
    const Case c = parseCase(doc.dump());
    auto evaluations = evaluateCase(c);
    return std::move(evaluations.front());
}

TEST(SocialReturn, SroiFiguresMatchAHandWorkedExample) {
    // Impact kept after the adjustments: (1 - 0.2) x (1 - 0.1) x (1 - 0) = 0.72.
    // Year 1: 100 x 2 x 0.72 = 144; year 2: 90 (10% drop-off) -> 129.6; year 3: 81 -> 116.64.
    // PV at 5%: 144/1.05 + 129.6/1.05^2 + 116.64/1.05^3 = 137.142857 + 117.551020 + 100.758017 = 355.451895.
    // Gross PV (before adjustments): 200/1.05 + 180/1.05^2 + 162/1.05^3 = 493.683188.
    // Inputs: the capex, 1,000 at t0. SROI ratio = 355.451895 / 1000; BCR the same (nothing earned);
    // ENPV = 355.451895 - 1000. Tonnes: (100 + 90 + 81) x 0.72 x 0.5 = 97.56. The outcome is not valued
    // at the carbon price, so the net cost before carbon is the whole -ENPV: 644.548105 / 97.56 per t.
    const Evaluation e = evaluateOnly(handCase());
    ASSERT_TRUE(e.social);
    const SocialReturn& s = *e.social;
    EXPECT_NEAR(s.outcomes.at(0).netImpact.at(1), 144.0, 1e-9);
    EXPECT_NEAR(s.outcomes.at(0).netImpact.at(2), 129.6, 1e-9);
    EXPECT_NEAR(s.outcomes.at(0).netImpact.at(3), 116.64, 1e-9);
    EXPECT_NEAR(s.presentValue, 355.4518950437317, 1e-9);
    EXPECT_NEAR(s.grossPresentValue, 355.4518950437317 / 0.72, 1e-9);
    EXPECT_NEAR(s.costsPv, 1000.0, 1e-9);
    EXPECT_NEAR(*s.sroiRatio, 0.3554518950437317, 1e-12);
    EXPECT_NEAR(*s.benefitCostRatio, 0.3554518950437317, 1e-12);
    EXPECT_NEAR(s.economicNpv, 355.4518950437317 - 1000.0, 1e-9);
    EXPECT_NEAR(s.tonnesCo2, 97.56, 1e-9);
    EXPECT_NEAR(*s.costPerTonneCo2, (1000.0 - 355.4518950437317) / 97.56, 1e-9);
    EXPECT_NEAR(s.presentValueByCategory[2], s.presentValue, 1e-9);  // all of it "social"
    EXPECT_FALSE(s.sroiPaybackYears.value);
    EXPECT_EQ(s.sroiPaybackYears.reason, "the social value does not repay the inputs within the horizon");
}

TEST(SocialReturn, PaybackInterpolatesInsideTheYearThatRepaysTheInputs) {
    // Ten times the quantity: discounted impact 1371.43 in year 1 alone repays the 1,000 of inputs
    // within year 1: payback = 0 + 1000 / 1371.428571 = 0.729167 years.
    Json d = handCase();
    d["outcomes"][0]["annual_quantity"] = 1000;
    const Evaluation e = evaluateOnly(d);
    ASSERT_TRUE(e.social->sroiPaybackYears.value);
    EXPECT_NEAR(*e.social->sroiPaybackYears.value, 1000.0 / (1440.0 / 1.05), 1e-9);
}

TEST(SocialReturn, RampUpGrowthAndEscalationFollowTheProjectConventions) {
    // Ramp-up 1 year: year 1 delivers 1/2; growth 10% from year 2; proxy escalates 5% a year from t0.
    // No adjustments. Year 1 (t=1): 100 x 0.5 x 2 x 1.05 = 105; year 2 (t=2): 110 x 2 x 1.05^2 = 242.55.
    Json d = handCase();
    auto& o = d["outcomes"][0];
    o["ramp_up_years"] = 1;
    o["quantity_growth"] = 0.1;
    o["proxy_escalation"] = 0.05;
    o["deadweight"] = 0;
    o["attribution"] = 0;
    o["drop_off"] = 0;
    const Evaluation e = evaluateOnly(d);
    EXPECT_NEAR(e.social->outcomes.at(0).netImpact.at(1), 105.0, 1e-9);
    EXPECT_NEAR(e.social->outcomes.at(0).netImpact.at(2), 242.55, 1e-9);
}

TEST(SocialReturn, CarbonPricedOutcomeFollowsTheInterpolatedPath) {
    // 10 t a year valued at the carbon price: 2027 -> 50, 2029 -> 100 (75 in 2028, linear).
    // start_year 2026: operation runs 2027-2029, so values 500, 750, 1000.
    Json d = handCase();
    d["project"]["start_year"] = 2026;
    d["carbon_price"] = {{{"year", 2027}, {"price", 50}}, {{"year", 2029}, {"price", 100}}};
    d["outcomes"] = {{{"id", "co2"}, {"name", "CO2 avoided"}, {"category", "environmental"}, {"unit", "t CO2e"},
                      {"annual_quantity", 10}, {"valuation", "carbon_price"}, {"tonnes_co2_per_unit", 1},
                      {"proxy_source", "a carbon price path"}}};
    const Evaluation e = evaluateOnly(d);
    const auto& v = e.social->outcomes.at(0).netImpact;
    EXPECT_NEAR(v.at(1), 500.0, 1e-9);
    EXPECT_NEAR(v.at(2), 750.0, 1e-9);
    EXPECT_NEAR(v.at(3), 1000.0, 1e-9);
    EXPECT_NEAR(e.social->presentValueByCategory[1], e.social->presentValue, 1e-9);  // environmental
    // Carbon is the only benefit: the net cost before carbon is the capex, 1,000, over 30 tonnes.
    EXPECT_NEAR(e.social->carbonPresentValue, e.social->presentValue, 1e-9);
    EXPECT_NEAR(*e.social->costPerTonneCo2, 1000.0 / 30.0, 1e-9);
}

TEST(SocialReturn, UserChargesCountOnceAsTheUsersWillingnessToPay) {
    // 50 visits a year at 4 each, paid by users: a transfer in the ledger, a benefit of 200 a year to
    // society. ENPV rises by PV(200 a year, years 1-3, 5%) = 200 x 2.723248 = 544.649, BCR likewise.
    Json d = handCase();
    const Evaluation base = evaluateOnly(d);
    d["project"]["revenues"] = {{{"name", "visits"}, {"payer", "users"}, {"annual_volume", 50}, {"unit_price", 4}}};
    const Evaluation paid = evaluateOnly(d);
    const double annuity = 1 / 1.05 + 1 / (1.05 * 1.05) + 1 / (1.05 * 1.05 * 1.05);
    EXPECT_NEAR(paid.social->userPaymentsPv, 200.0 * annuity, 1e-9);
    EXPECT_NEAR(paid.social->economicNpv - base.social->economicNpv, 200.0 * annuity, 1e-9);
    EXPECT_NEAR(paid.social->realFlowsNpv, base.social->realFlowsNpv, 1e-9);
    EXPECT_NEAR(*paid.social->sroiRatio, *base.social->sroiRatio, 1e-12);  // SROI values the outcomes only
}

TEST(SocialReturn, CapitalPhasingDeliversOutcomesInStepWithTheWorksInService) {
    // The city can spend 500 a year on a 1,000 capex: half the asset serves in year 1, all of it from
    // year 2, so year 1 delivers half the outcome (72 instead of 144).
    Json d = handCase();
    d["project"]["capex"] = {1000};
    d["structures"] = {{{"id", "phased"}, {"name", "Pay-as-you-go phasing"}, {"type", "pay_as_you_go"},
                        {"terms", {{"variant", "capital_phasing"}, {"annual_capex_budget", 500}}}}};
    const Evaluation e = evaluateOnly(d);
    ASSERT_FALSE(e.outcome.serviceShare.empty());
    const auto& v = e.social->outcomes.at(0).netImpact;
    EXPECT_NEAR(v.at(1), 144.0 * e.outcome.serviceShare.at(1), 1e-9);
    EXPECT_LT(e.outcome.serviceShare.at(1), 1.0);
    EXPECT_NEAR(v.at(2), 129.6, 1e-9);
}

TEST(SocialReturn, NoOutcomesMeansNoSocialFigures) {
    const Case c = parseCase(cityfin::test::minimalCase);
    EXPECT_FALSE(evaluateCase(c).front().social);
}

TEST(SocialReturn, SocietyPerspectiveRanksByEconomicNpvWithSocialValue) {
    const Case c = parseCase(cityfin::test::fullCase);
    Case withOutcomes = c;
    withOutcomes.outcomes = {SocialOutcome{"time", "Time saved", OutcomeCategory::Social, "hours", 200000, 0, 0.0,
                                           OutcomeValuation::Proxy, 25.0, 0.0, "value of time", 0.0, 0.1, 0.0, 0.0, 0.0}};
    const auto evaluations = evaluateCase(withOutcomes);
    const Comparison society = compareStructures(withOutcomes.project, evaluations, Perspective::Society);
    for (const RankedStructure& r : society.ranking)
        EXPECT_NEAR(*r.score, evaluations[r.evaluation].social->economicNpv, 1e-6);
    EXPECT_NE(society.scoreLabel.find("social value included"), std::string::npos);
}

TEST(SocialReturn, GreenBondImpactReportIsPerMillionIssued) {
    // 1,000,000 kWh baseline, 30% saved, no degradation: 300 MWh a year; 0.5 t CO2e per MWh as an
    // outcome of 300 MWh a year -> 150 t a year. Per million of the bond's face: divide by face / 1e6.
    Json d = Json::parse(cityfin::test::fullCase);
    d["scenario"] = {{"delay_years", 0}};
    d["project"]["energy_savings"] = {{{"name", "LED"}, {"baseline_kwh", 1000000}, {"saving_fraction", 0.3},
                                       {"price_per_kwh", 0.8}}};
    d["outcomes"] = {{{"id", "co2"}, {"name", "CO2 avoided"}, {"category", "environmental"}, {"unit", "MWh"},
                      {"annual_quantity", 300}, {"proxy_value", 0}, {"tonnes_co2_per_unit", 0.5},
                      {"proxy_source", "grid factor 0.5 t/MWh"}}};
    const Case c = parseCase(d.dump());
    const auto evaluations = evaluateCase(c);
    const auto green = std::find_if(evaluations.begin(), evaluations.end(), [](const Evaluation& e) { return e.kind == "green_bond"; });
    ASSERT_NE(green, evaluations.end());
    ASSERT_TRUE(green->greenBondImpact);
    const GreenBondImpact& g = *green->greenBondImpact;
    EXPECT_NEAR(g.annualTonnesCo2, 150.0, 1e-9);
    EXPECT_NEAR(g.annualEnergySavedMwh, 300.0, 1e-9);
    EXPECT_NEAR(g.tonnesCo2PerMillion, 150.0 / (g.face / 1e6), 1e-9);
    EXPECT_NEAR(green->outcome.bond->tonnesCo2PerMillion, g.tonnesCo2PerMillion, 1e-12);
    for (const Evaluation& e : evaluations)
        if (e.kind != "green_bond") {
            EXPECT_FALSE(e.greenBondImpact);
        }
}

TEST(SocialOutcomes, ReaderNamesTheFieldValueAndExpectation) {
    Json d = handCase();
    d["outcomes"][0]["deadweight"] = 1.5;
    EXPECT_EQ(errorOf([&] { parseCase(d.dump()); }), "outcomes[0].deadweight: got 1.5, expected a share from 0 to 1");
    d = handCase();
    d["outcomes"][0]["category"] = "enviromental";
    EXPECT_EQ(errorOf([&] { parseCase(d.dump()); }),
              "outcomes[0].category: got \"enviromental\", expected one of \"economic\", \"environmental\", \"social\", "
              "\"cultural\"");
    d = handCase();
    d["outcomes"][0].erase("proxy_source");
    EXPECT_NE(errorOf([&] { parseCase(d.dump()); }).find("outcomes[0].proxy_source: got no value"), std::string::npos);
    d = handCase();
    d["outcomes"][0]["valuation"] = "carbon_price";
    EXPECT_EQ(errorOf([&] { parseCase(d.dump()); }),
              "carbon_price: got no path, expected a carbon price path, for outcome \"trips\" valued at it");
    d = handCase();
    d["carbon_price"] = {{{"year", 2030}, {"price", 50}}, {{"year", 2030}, {"price", 60}}};
    EXPECT_EQ(errorOf([&] { parseCase(d.dump()); }),
              "carbon_price[1].year: got 2030, expected a year after the previous point's 2030");
    d = handCase();
    d["outcomes"].push_back(d["outcomes"][0]);
    EXPECT_EQ(errorOf([&] { parseCase(d.dump()); }), "outcomes[1].id: got \"trips\", expected an id no other outcome has");
}

TEST(SocialOutcomes, RoundTripThroughTheCanonicalText) {
    Json d = handCase();
    d["carbon_price"] = {{{"year", 2027}, {"price", 50.5}}};
    const Case c = parseCase(d.dump());
    const std::string text = caseToJson(c);
    EXPECT_EQ(caseToJson(parseCase(text)), text);
    EXPECT_NE(text.find("\"proxy_source\": \"a test proxy\""), std::string::npos);
    EXPECT_NE(text.find("\"carbon_price\""), std::string::npos);
}

} // namespace
