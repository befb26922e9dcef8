// Traditional public procurement (the public sector comparator). Expected values are worked by hand
// in the comments on the small projects of fixtures_public.hpp.

#include "fixtures_public.hpp"
#include "../finance/expect_input_error.hpp"

#include "finance/metrics.hpp"
#include "models/structures/build.hpp"

#include <cmath>

using namespace cityfin::models;
using namespace cityfin::models::public_fixtures;

namespace {

StructureOutcome build(const Project& p, const TraditionalTerms& terms, const SupportTerms& support = {},
                       const Scenario& scenario = {}) {
    return buildTraditional(p, projectFlows(p, scenario), terms, support);
}

} // namespace

TEST(Traditional, BudgetFundedCityCarriesEveryFlowOfTheProject) {
    // No loan: the city pays capex 600, 400, then earns 200 - 50 = 150 a year, plus the residual 100.
    const Project p = twoPlusFour();
    const StructureOutcome out = build(p, TraditionalTerms{});
    expectFlowsNear(out.ledger.partyFlows(Party::Government), {-600, -400, 150, 150, 150, 250});
    expectFlowsNear(out.ledger.partyFlows(Party::Users), {0, 0, -200, -200, -200, -200});
    expectFlowsNear(out.ledger.partyFlows(Party::Private), std::vector<double>(6, 0.0));
    expectFlowsNear(out.ledger.partyFlows(Party::Lenders), std::vector<double>(6, 0.0));
    EXPECT_FALSE(out.debt.has_value());
    EXPECT_FALSE(hasLine(out, Party::Government, LineKind::Tax));
    EXPECT_EQ(out.privateRate, p.rates.privateRate);
    expectConserved(out);
}

TEST(Traditional, RealFlowsAreExactlyTheProjectsOwn) {
    Project p = twoPlusFour();
    p.energySavings = {EnergySaving{"led", 1000.0, 0.3, 0.1, 0.0, 0.0}};
    p.revenues.push_back(RevenueStream{"ads", RevenueStream::Payer::Market, 10.0, 1.0, 0.0, 0.0, 0});
    p.lifecycle = {LifecycleCost{3, 70.0}};
    const ProjectFlows flows = projectFlows(p);
    const StructureOutcome out = buildTraditional(p, flows, TraditionalTerms{0.5, 0.04, 4}, {});
    // User charges are a transfer from the users (a party), so the real flows are the project's
    // cash flow before financing without them.
    std::vector<double> expected = flows.preFinancingCashFlow();
    for (std::size_t t = 0; t < expected.size(); ++t) expected[t] -= flows.userCharges[t];
    expectFlowsNear(out.ledger.realFlows(), expected);
    expectConserved(out);
}

TEST(Traditional, MunicipalLoanIsDrawnWithCapexCapitalisedAndRepaidAsAnAnnuity) {
    // Half the capex borrowed at 10%: draws 300 at t0 and 200 at t1, each with its year's capex (the
    // end of the year), earning interest from the next: balance at completion (t1)
    // 300 x 1.1 + 200 = 530; annuity over 2 years, paid at t2 and t3,
    // 530 x 0.1 / (1 - 1.1^-2) = 305.381. Interest paid: 53 then (530 - (A - 53)) x 0.1 = 27.762.
    const Project p = twoPlusFour();
    const StructureOutcome out = build(p, TraditionalTerms{0.5, 0.10, 2});
    const double a = 530.0 * 0.1 / (1.0 - std::pow(1.1, -2.0));
    EXPECT_NEAR(a, 305.381, 1e-3);
    const double interest2 = (530.0 - (a - 53.0)) * 0.1;
    EXPECT_NEAR(interest2, 27.762, 1e-3);
    expectFlowsNear(out.ledger.partyFlows(Party::Lenders), {-300, -200, a, a, 0, 0});
    expectFlowsNear(out.ledger.lineTotal(Party::Government, LineKind::Interest), {0, 0, -53.0, -interest2, 0, 0});
    expectFlowsNear(out.ledger.lineTotal(Party::Government, LineKind::Principal),
                    {0, 0, -(a - 53.0), -(a - interest2), 0, 0});
    expectFlowsNear(out.ledger.partyFlows(Party::Government), {-300, -200, 150 - a, 150 - a, 150, 250});
    ASSERT_TRUE(out.debt.has_value());
    EXPECT_EQ(out.debt->borrower, "government");
    EXPECT_DOUBLE_EQ(out.debt->amount, 500.0);
    EXPECT_FALSE(out.debt->cover.has_value());
    EXPECT_FALSE(out.debt->sizingConstraint.has_value());
    EXPECT_NEAR(out.debt->schedule.closingBalance.back(), 0.0, 1e-9);
    expectConserved(out);
}

TEST(Traditional, AnnuityMatchesTheSpreadsheetPmtOfTheBalanceAtCompletion) {
    // Property: whatever the share, the level debt service is -PMT(rate, tenor, balance at completion),
    // the balance at completion (t1) being share x (600 x 1.045 + 400).
    const Project p = twoPlusFour();
    for (double share : {0.2, 0.7, 1.0}) {
        const StructureOutcome out = build(p, TraditionalTerms{share, 0.045, 4});
        const double balance = share * (600.0 * 1.045 + 400.0);
        const double level = -cityfin::finance::pmt(0.045, 4, balance);
        const auto lenders = out.ledger.partyFlows(Party::Lenders);
        for (std::size_t t = 2; t < 6; ++t) EXPECT_NEAR(lenders[t], level, 1e-9) << "share " << share;
    }
}

TEST(Traditional, RepaymentFollowsTheContractEvenWhenOperationIsDelayed) {
    Scenario late;
    late.delayYears = 1;
    const StructureOutcome out = build(twoPlusFour(), TraditionalTerms{0.5, 0.10, 2}, {}, late);
    const auto service = out.ledger.partyFlows(Party::Lenders);
    EXPECT_GT(service[2], 0.0);
    EXPECT_GT(service[3], 0.0);
    expectFlowsNear(out.ledger.partyFlows(Party::Users), {0, 0, 0, -200, -200, -200});
}

TEST(Traditional, GrantsToTheCityTaxIncrementAndCrowdfundingApply) {
    SupportTerms s;
    s.grants = {Grant{"EU", 100.0, 0, false}};
    s.taxIncrement = TaxIncrementFinancing{20.0, 0.5, 0};
    s.crowdfunding = Crowdfunding{100.0, 0.05, 2};
    const StructureOutcome out = build(twoPlusFour(), TraditionalTerms{}, s);
    expectFlowsNear(out.ledger.lineTotal(Party::Government, LineKind::Grant), {100, 0, 0, 0, 0, 0});
    expectFlowsNear(out.ledger.partyFlows(Party::Funders), {-100, 0, 0, 0, 0, 0});
    expectFlowsNear(out.ledger.lineTotal(Party::Government, LineKind::TaxIncrement), {0, 0, 10, 10, 10, 10});
    // Crowdfunding: 100 at t0, annuity PMT(5%, 2, 100) = 53.780... in periods 1 and 2.
    const double c = 100.0 * 0.05 / (1.0 - std::pow(1.05, -2.0));
    expectFlowsNear(out.ledger.partyFlows(Party::Lenders), {-100, c, c, 0, 0, 0});
    EXPECT_TRUE(out.notes.empty());
    expectConserved(out);
}

TEST(Traditional, EveryInstrumentNeedingAPrivatePartyIsNotedAsIgnored) {
    SupportTerms s;
    s.grants = {Grant{"TSB", 50.0, 0, true}};
    s.constructionSubsidyShare = 0.3;
    s.minimumRevenueGuarantee = MinimumRevenueGuarantee{{GuaranteeBand{1, 4, 0.8}}, 0.5, {}};
    s.creditGuarantee = CreditGuarantee{};
    s.taxIncentive = TaxIncentive{true, std::nullopt};
    s.coInvestment = CoInvestmentFund{0.1};
    const StructureOutcome out = build(twoPlusFour(), TraditionalTerms{}, s);
    const std::string why = " ignored: traditional procurement has no private party.";
    EXPECT_EQ(out.notes, (std::vector<std::string>{"Grant to the private party from TSB" + why, "Construction subsidy" + why,
                                                   "Minimum revenue guarantee" + why, "Credit guarantee" + why,
                                                   "Tax incentive" + why, "Public co-investment" + why}));
    // Nothing of them reaches the ledger: the city's flows are those of the plain budget case.
    expectFlowsNear(out.ledger.partyFlows(Party::Government), {-600, -400, 150, 150, 150, 250});
    expectFlowsNear(out.ledger.partyFlows(Party::Funders), std::vector<double>(6, 0.0));
}

TEST(Traditional, NominalCaseBorrowsTheEscalatedCapex) {
    // Inflation 10%: capex 600 at t0 and 400 x 1.1 = 440 at t1; all borrowed at 0% over 4 years:
    // principal (600 + 440) / 4 = 260 a year.
    Project p = twoPlusFour();
    p.basis = PriceBasis::Nominal;
    p.inflation = 0.10;
    const StructureOutcome out = build(p, TraditionalTerms{1.0, 0.0, 4});
    expectFlowsNear(out.ledger.partyFlows(Party::Lenders), {-600, -440, 260, 260, 260, 260});
}

TEST(Traditional, RejectsTermsThatDoNotFitTheProject) {
    const Project p = twoPlusFour();
    EXPECT_INPUT_ERROR(build(p, TraditionalTerms{0.5, 0.04, 5}),
                       "terms.loan_tenor_years: got 5, expected 1 to 4 years, repaid within the operating years");
    EXPECT_INPUT_ERROR(build(p, TraditionalTerms{0.5, 0.04, 0}),
                       "terms.loan_tenor_years: got 0, expected 1 to 4 years, repaid within the operating years");
    EXPECT_INPUT_ERROR(build(p, TraditionalTerms{1.5, 0.04, 4}), "terms.loan_share: got 1.5, expected a share from 0 to 1");
    EXPECT_INPUT_ERROR(build(p, TraditionalTerms{std::nan(""), 0.04, 4}),
                       "terms.loan_share: got NaN, expected a share from 0 to 1");
    EXPECT_INPUT_ERROR(build(p, TraditionalTerms{0.5, -0.01, 4}), "terms.loan_rate: got -0.01, expected a finite rate >= 0");
    SupportTerms s;
    s.grants = {Grant{"EU", 10.0, 6, false}};
    EXPECT_INPUT_ERROR(build(p, TraditionalTerms{}, s), "support.grants[0].year: got 6, expected a period from 0 to 5");
}

TEST(Traditional, UnusedLoanTermsAreNotChecked) {
    // With nothing borrowed, a tenor longer than the operation is irrelevant, not an error.
    EXPECT_NO_THROW(build(twoPlusFour(), TraditionalTerms{0.0, 0.04, 40}));
}

namespace {

double irrOf(const std::vector<double>& flows) {
    const cityfin::finance::Answer irr = cityfin::finance::irr(flows);
    EXPECT_TRUE(irr.value.has_value()) << irr.reason;
    return irr.value.value_or(NAN);
}

} // namespace

// Property (the timing bug's test): on the ledger's timeline, where all of year t's flows fall at
// time t, the lenders' net flows on the municipal loan (drawn with each year's capex, serviced from
// the first operating year) have an IRR equal to the loan rate, whatever the share, rate, tenor,
// construction profile or price basis. A loan drawn at the start of its period but booked at its end
// gave more (300 then 200 at 10%: 15.1%).
TEST(Traditional, LendersEarnExactlyTheMunicipalLoanRateOnTheLedger) {
    Project nominal = twoPlusFour();
    nominal.basis = PriceBasis::Nominal;
    nominal.inflation = 0.03;
    Project threeYears = twoPlusFour();
    threeYears.constructionYears = 3;
    threeYears.capex = {300.0, 0.0, 700.0};
    for (const Project& p : {twoPlusFour(), nominal, threeYears})
        for (const TraditionalTerms& terms : {TraditionalTerms{0.5, 0.10, 2}, TraditionalTerms{1.0, 0.045, 4},
                                              TraditionalTerms{0.3, 0.0725, 3}}) {
            const StructureOutcome out = build(p, terms);
            EXPECT_NEAR(irrOf(out.ledger.partyFlows(Party::Lenders)), terms.loanRate, 1e-9)
                << p.constructionYears << " construction years, rate " << terms.loanRate;
        }
}

// The same property for the crowdfunding tranche (raised at t0, an annuity from t1), here the only
// loan, with the city as borrower.
TEST(Traditional, CrowdfundersEarnExactlyTheirRateOnTheLedger) {
    for (const Crowdfunding& c : {Crowdfunding{100.0, 0.05, 2}, Crowdfunding{250.0, 0.08, 5}}) {
        SupportTerms s;
        s.crowdfunding = c;
        const StructureOutcome out = build(twoPlusFour(), TraditionalTerms{}, s);
        EXPECT_NEAR(irrOf(out.ledger.partyFlows(Party::Lenders)), c.rate, 1e-9) << c.rate;
    }
}
