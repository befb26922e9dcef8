#include "finance/errors.hpp"
#include "fixtures_energy.hpp"
#include "models/evaluation.hpp"
#include "models/structures/build.hpp"

#include <gtest/gtest.h>

using namespace cityfin::models;
using namespace cityfin::models::energy_fixtures;

namespace {

RevenueSharingTerms zhangzhouLike(int termYears) {
    RevenueSharingTerms t;
    t.operatorCapexShare = 0.4;
    t.operatorOpexShare = 0.5;
    t.operatorRevenueShare = 0.7;
    t.termYears = termYears;
    return t;
}

void expectSeries(const std::vector<double>& actual, const std::vector<double>& expected, double tolerance,
                  const std::string& what) {
    ASSERT_EQ(actual.size(), expected.size()) << what;
    for (std::size_t t = 0; t < actual.size(); ++t) EXPECT_NEAR(actual[t], expected[t], tolerance) << what << "[" << t << "]";
}

std::string messageOf(const RevenueSharingTerms& terms) {
    try {
        evaluate(smallNetwork(), structureOf(terms));
    } catch (const cityfin::InputError& e) {
        return e.what();
    }
    return "no error";
}

Scenario demandAt(double factor) {
    Scenario s;
    s.demandFactor = factor;
    return s;
}

} // namespace

// smallNetwork (periods 0-1 construction, 2-5 operation), 3-year term (periods 2-4). The operator
// pays 40% of capex (240, 160), half the opex (25), collects 200 + 50 and pays the city 30% (75):
// cash 150 a year. It depreciates its 400 over the 3 years it holds the asset (133.33): profit
// 16.67, tax 4.17. The city pays the rest of the capex (360, 240) and opex (25), keeps the savings
// (30) and, after the term (period 5), takes all revenue and pays all costs: 250 + 30 - 50 - 40
// lifecycle + 100 residual = 290.
TEST(RevenueSharing, TermMechanicsWorkedByHand) {
    const Evaluation e = evaluate(smallNetwork(), structureOf(zhangzhouLike(3)));
    const Ledger& l = e.outcome.ledger;
    const double tax = 0.25 * (150.0 - 400.0 / 3.0);
    expectSeries(l.lineTotal(Party::Government, LineKind::RevenueShare), {0, 0, 75, 75, 75, 0}, 1e-9, "share");
    expectSeries(l.lineTotal(Party::Private, LineKind::UserCharge), {0, 0, 200, 200, 200, 0}, 1e-9, "op users");
    expectSeries(l.lineTotal(Party::Government, LineKind::UserCharge), {0, 0, 0, 0, 0, 200}, 1e-9, "city users");
    expectSeries(l.lineTotal(Party::Private, LineKind::OtherRevenue), {0, 0, 50, 50, 50, 0}, 1e-9, "op market");
    expectSeries(l.lineTotal(Party::Private, LineKind::Opex), {0, 0, -25, -25, -25, 0}, 1e-12, "op opex");
    expectSeries(l.lineTotal(Party::Government, LineKind::Lifecycle), {0, 0, 0, 0, 0, -40}, 1e-12, "city lifecycle");
    expectSeries(l.lineTotal(Party::Government, LineKind::Tax), {0, 0, tax, tax, tax, 0}, 1e-9, "tax");
    expectSeries(e.party(Party::Private).flows, {-240, -160, 150 - tax, 150 - tax, 150 - tax, 0}, 1e-9, "operator");
    expectSeries(e.party(Party::Government).flows, {-360, -240, 80 + tax, 80 + tax, 80 + tax, 290}, 1e-9, "city");
    expectSeries(e.party(Party::Users).flows, {0, 0, -200, -200, -200, -200}, 1e-12, "users");
    EXPECT_DOUBLE_EQ(e.outcome.privateRate, 0.10);
    EXPECT_FALSE(e.outcome.debt);
    EXPECT_LT(l.conservationError(), 1e-9 * ledgerScale(l));
}

TEST(RevenueSharing, TermZeroMeansAllOperatingYears) {
    const Evaluation e = evaluate(smallNetwork(), structureOf(zhangzhouLike(0)));
    const Ledger& l = e.outcome.ledger;
    expectSeries(l.lineTotal(Party::Government, LineKind::RevenueShare), {0, 0, 75, 75, 75, 75}, 1e-9, "share");
    expectSeries(l.lineTotal(Party::Private, LineKind::Lifecycle), {0, 0, 0, 0, 0, -20}, 1e-12, "op lifecycle");
    expectSeries(l.lineTotal(Party::Government, LineKind::Lifecycle), {0, 0, 0, 0, 0, -20}, 1e-12, "city lifecycle");
    EXPECT_FALSE(hasLine(l, Party::Government, LineKind::UserCharge));
    // Energy savings and the residual value stay with the city.
    expectSeries(l.lineTotal(Party::Government, LineKind::EnergySavings), {0, 0, 30, 30, 30, 30}, 1e-9, "savings");
    expectSeries(l.lineTotal(Party::Government, LineKind::ResidualValue), {0, 0, 0, 0, 0, 100}, 1e-12, "residual");
    EXPECT_LT(l.conservationError(), 1e-9 * ledgerScale(l));
}

// Demand at 60%: user charges 120 against a forecast of 200; the guarantee of 80% pays 160 - 120 = 40
// in each year of the term, not after it. Demand at 150%: 300 against 200; half of what exceeds
// 110% of forecast (300 - 220) goes back to the city: 40.
TEST(RevenueSharing, MinimumRevenueGuaranteeAndClawbackDuringTheTerm) {
    SupportTerms s;
    s.minimumRevenueGuarantee = MinimumRevenueGuarantee{{{1, 4, 0.8}}, 0.5, {{1.1, 0.5}}};
    const Evaluation low = evaluate(smallNetwork(), structureOf(zhangzhouLike(3), s), demandAt(0.6));
    expectSeries(low.outcome.ledger.lineTotal(Party::Private, LineKind::RevenueGuarantee), {0, 0, 40, 40, 40, 0}, 1e-9,
                 "guarantee");
    EXPECT_NEAR(low.guaranteePayments, 120.0, 1e-9);
    const Evaluation high = evaluate(smallNetwork(), structureOf(zhangzhouLike(3), s), demandAt(1.5));
    expectSeries(high.outcome.ledger.lineTotal(Party::Government, LineKind::RevenueClawback), {0, 0, 40, 40, 40, 0},
                 1e-9, "clawback");
    EXPECT_LT(low.outcome.ledger.conservationError(), 1e-9 * ledgerScale(low.outcome.ledger));
    EXPECT_LT(high.outcome.ledger.conservationError(), 1e-9 * ledgerScale(high.outcome.ledger));
}

TEST(RevenueSharing, SubsidyGrantAndCoInvestmentGoWithTheOperatorsEquity) {
    SupportTerms s;
    s.constructionSubsidyShare = 0.3;
    const Evaluation subsidised = evaluate(smallNetwork(), structureOf(zhangzhouLike(3), s));
    expectSeries(subsidised.outcome.ledger.lineTotal(Party::Private, LineKind::ConstructionSubsidy),
                 {72, 48, 0, 0, 0, 0}, 1e-9, "subsidy");

    const Evaluation plain = evaluate(smallNetwork(), structureOf(zhangzhouLike(3)));
    s = {};
    s.coInvestment = CoInvestmentFund{0.1};
    const Evaluation coInvested = evaluate(smallNetwork(), structureOf(zhangzhouLike(3), s));
    // The city takes 10% of every equity flow: it injects 24 of the 240 and receives 10% of the cash.
    EXPECT_NEAR(coInvested.outcome.ledger.lineTotal(Party::Government, LineKind::EquityInjection)[0], -24.0, 1e-9);
    for (std::size_t t = 0; t < 6; ++t)
        EXPECT_NEAR(coInvested.party(Party::Private).flows[t], 0.9 * plain.party(Party::Private).flows[t], 1e-9) << t;
}

TEST(RevenueSharing, CrowdfundingLendsToWhoeverFundsMostOfTheCapex) {
    SupportTerms s;
    s.crowdfunding = Crowdfunding{100.0, 0.06, 3};
    const StructureOutcome cityLed =
        buildOutcome(smallNetwork(), projectFlows(smallNetwork()), structureOf(zhangzhouLike(3), s));
    EXPECT_EQ(cityLed.ledger.lineTotal(Party::Government, LineKind::Drawdown)[0], 100.0);
    RevenueSharingTerms operatorLed = zhangzhouLike(3);
    operatorLed.operatorCapexShare = 0.6;
    const StructureOutcome opLed = buildOutcome(smallNetwork(), projectFlows(smallNetwork()), structureOf(operatorLed, s));
    EXPECT_EQ(opLed.ledger.lineTotal(Party::Private, LineKind::Drawdown)[0], 100.0);
}

TEST(RevenueSharing, EverySupportInstrumentConservesMoney) {
    const Project p = smallNetwork();
    for (const RevenueSharingTerms& terms : {zhangzhouLike(3), zhangzhouLike(0)}) {
        for (const auto& [name, support] : supportCatalogue(p)) {
            for (const double demand : {0.6, 1.0, 1.5}) {
                const Evaluation e = evaluate(p, structureOf(terms, support), demandAt(demand));
                EXPECT_LT(e.outcome.ledger.conservationError(), 1e-9 * ledgerScale(e.outcome.ledger)) << name;
                EXPECT_EQ(hasNote(e.outcome, "The credit guarantee is ignored: the operator funds its share with equity"),
                          support.creditGuarantee.has_value())
                    << name;
            }
        }
    }
}

TEST(RevenueSharing, TaxIncentiveExemptsTheOperatorsFirstProfitableYears) {
    SupportTerms s;
    s.taxIncentive = TaxIncentive{true, std::nullopt};
    const Evaluation e = evaluate(smallNetwork(), structureOf(zhangzhouLike(3), s));
    EXPECT_FALSE(hasLine(e.outcome.ledger, Party::Government, LineKind::Tax));  // 3 years exempt = the whole term
}

TEST(RevenueSharing, BadCrossFieldTermsNameTheField) {
    EXPECT_EQ(messageOf(zhangzhouLike(5)), "terms.term_years: got 5, expected 0 (all operating years) to 4 years");
    EXPECT_EQ(messageOf(zhangzhouLike(-1)), "terms.term_years: got -1, expected 0 (all operating years) to 4 years");
    RevenueSharingTerms t = zhangzhouLike(3);
    t.operatorRevenueShare = 1.5;
    EXPECT_EQ(messageOf(t), "terms.operator_revenue_share: got 1.5, expected a share from 0 to 1");
}
