// The evaluation of a structure: party NPVs at their own rates, the city's present cost and peak
// outlay, project and equity returns. Values worked by hand on small projects.

#include "finance/metrics.hpp"
#include "fixtures_public.hpp"
#include "models/evaluation.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace cityfin::models;

namespace {

Structure traditional() {
    Structure s;
    s.id = "psc";
    s.name = "comparator";
    s.terms = TraditionalTerms{0.0, 0.04, 2};  // all from the budget
    return s;
}

} // namespace

TEST(Evaluation, CityPresentCostIsMinusTheNpvOfItsFlowsAtThePublicRate) {
    // Budget-funded: the city's flows are -600, -400, then 200 - 50 = 150 a year, +100 residual at
    // the end: -600, -400, 150, 150, 150, 250. At 4%: PV = -600 - 400/1.04 + 150/1.04^2 + 150/1.04^3
    // + 150/1.04^4 + 250/1.04^5.
    const Evaluation e = evaluate(public_fixtures::twoPlusFour(), traditional());
    const double pv = -600 - 400 / 1.04 + 150 / std::pow(1.04, 2) + 150 / std::pow(1.04, 3) +
                      150 / std::pow(1.04, 4) + 250 / std::pow(1.04, 5);
    EXPECT_NEAR(e.party(Party::Government).npv, pv, 1e-9);
    EXPECT_NEAR(e.cityPresentCost, -pv, 1e-9);
    EXPECT_DOUBLE_EQ(e.party(Party::Government).discountRate, 0.04);
    EXPECT_DOUBLE_EQ(e.cityPeakOutlay, 600.0);
    EXPECT_EQ(e.cityPeakYear, 2026);
    EXPECT_EQ(e.kind, "traditional");
    EXPECT_EQ(e.structureId, "psc");
}

TEST(Evaluation, UsersPayTheChargesAndTheProjectIrrIsBeforeFinancing) {
    const Evaluation e = evaluate(public_fixtures::twoPlusFour(), traditional());
    // Users pay 200 a year in operation.
    public_fixtures::expectFlowsNear(e.party(Party::Users).flows, {0, 0, -200, -200, -200, -200});
    // Project IRR: of -600, -400, 150, 150, 150, 250 (the project's own flows).
    const std::vector<double> own{-600, -400, 150, 150, 150, 250};
    ASSERT_TRUE(e.projectIrr.value);
    EXPECT_NEAR(*e.projectIrr.value, *cityfin::finance::irr(own).value, 1e-12);
    EXPECT_NEAR(cityfin::finance::npv(*e.projectIrr.value, own), 0.0, 1e-9);
}

TEST(Evaluation, NoPrivatePartyMeansNoEquityFiguresWithAReason) {
    const Evaluation e = evaluate(public_fixtures::twoPlusFour(), traditional());
    EXPECT_FALSE(e.equityIrr.value);
    EXPECT_EQ(e.equityIrr.reason, "the private party has no flows");
    EXPECT_FALSE(e.minDscr);
    EXPECT_EQ(e.guaranteePayments, 0.0);
    EXPECT_EQ(e.parties.size(), kParties.size());
}

TEST(Evaluation, EvaluateAllKeepsTheOrderOfTheStructures) {
    Structure second = traditional();
    second.id = "psc-loan";
    second.terms = TraditionalTerms{0.5, 0.04, 2};
    const auto all = evaluateAll(public_fixtures::twoPlusFour(), {traditional(), second});
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[1].structureId, "psc-loan");
    // Borrowing half at the city's own discount rate costs the city the same in present value.
    EXPECT_NEAR(all[0].cityPresentCost, all[1].cityPresentCost, 1e-9);
    EXPECT_LT(all[1].cityPeakOutlay, all[0].cityPeakOutlay);
}
