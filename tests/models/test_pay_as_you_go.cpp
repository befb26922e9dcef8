// Pay-as-you-go: service purchase and capital phasing. Hand-worked on onePlusFour(): capex 1000 in
// period 0, then 4 operating years with opex 50, user charges 200 and energy saved 30 (operating cash
// 180 a year); tax 25%, private rate 10%, public rate 4%.

#include "fixtures_public.hpp"
#include "../finance/expect_input_error.hpp"

#include "finance/metrics.hpp"
#include "models/structures/build.hpp"
#include "models/structures/capital_phasing.hpp"

#include <cmath>

using namespace cityfin::models;
using namespace cityfin::models::public_fixtures;

namespace {

PayAsYouGoTerms service(std::optional<double> fee = std::nullopt, int contractYears = 0) {
    PayAsYouGoTerms t;
    t.variant = PayAsYouGoTerms::Variant::ServicePurchase;
    t.annualServiceFee = fee;
    t.contractYears = contractYears;
    return t;
}

PayAsYouGoTerms phasing(double budget) {
    PayAsYouGoTerms t;
    t.variant = PayAsYouGoTerms::Variant::CapitalPhasing;
    t.annualCapexBudget = budget;
    return t;
}

StructureOutcome build(const Project& p, const PayAsYouGoTerms& terms, const SupportTerms& support = {},
                       const Scenario& scenario = {}) {
    return buildPayAsYouGo(p, projectFlows(p, scenario), terms, support);
}

// 1 / (annuity factor): the level amount over n years whose PV at r is 1.
double recovery(double r, int n) { return r / (1.0 - std::pow(1.0 + r, -n)); }

double privateIrr(const StructureOutcome& out) {
    const auto irr = cityfin::finance::irr(out.ledger.partyFlows(Party::Private));
    EXPECT_TRUE(irr.value.has_value()) << irr.reason;
    return irr.value.value_or(-1.0);
}

double solvedFee(const StructureOutcome& out) {
    const SolvedTerm* fee = solvedTerm(out, "annual_service_fee");
    EXPECT_NE(fee, nullptr);
    return fee ? fee->value : -1.0;
}

Project withoutTax(Project p) {
    p.taxRate = 0.0;
    return p;
}

} // namespace

// ---- service purchase ----

TEST(ServicePurchase, GivenFeeProviderRunsTheSystemCityKeepsCharges) {
    // Fee 300: the provider nets 300 - 50 = 250; its tax base 250 - depreciation 1000/4 = 0.
    // The city pays 300 and keeps 200 of user charges and 30 of savings: -70 a year.
    const StructureOutcome out = build(onePlusFour(), service(300.0));
    expectFlowsNear(out.ledger.partyFlows(Party::Private), {-1000, 250, 250, 250, 250});
    expectFlowsNear(out.ledger.partyFlows(Party::Government), {0, -70, -70, -70, -70});
    expectFlowsNear(out.ledger.lineTotal(Party::Private, LineKind::ServiceFee), {0, 300, 300, 300, 300});
    expectFlowsNear(out.ledger.partyFlows(Party::Users), {0, -200, -200, -200, -200});
    EXPECT_EQ(solvedTerm(out, "annual_service_fee"), nullptr);
    EXPECT_EQ(out.privateRate, 0.10);
    expectConserved(out);
}

TEST(ServicePurchase, SolvedFeeWithoutTaxIsCostPlusCapitalRecovery) {
    // F - 50 = 1000 x 0.1 / (1 - 1.1^-4) = 315.47...
    const StructureOutcome out = build(withoutTax(onePlusFour()), service());
    EXPECT_NEAR(solvedFee(out), 50.0 + 1000.0 * recovery(0.10, 4), 1e-6);
    EXPECT_NEAR(privateIrr(out), 0.10, 1e-6);
    EXPECT_EQ(solvedTerm(out, "annual_service_fee")->unit, "CNY per year");
}

TEST(ServicePurchase, SolvedFeeGrossesUpForTheProvidersTax) {
    // After tax: (F - 50) - 0.25 (F - 50 - 250) = 0.75 (F - 50) + 62.5 must equal 315.47...
    const StructureOutcome out = build(onePlusFour(), service());
    EXPECT_NEAR(solvedFee(out), 50.0 + (1000.0 * recovery(0.10, 4) - 62.5) / 0.75, 1e-6);
    EXPECT_NEAR(privateIrr(out), 0.10, 1e-6);
    EXPECT_TRUE(out.notes.empty());
}

TEST(ServicePurchase, SolvedFeeMeetsAnExplicitHurdle) {
    PayAsYouGoTerms t = service();
    t.equityHurdle = 0.08;
    const StructureOutcome out = build(onePlusFour(), t);
    EXPECT_EQ(out.privateRate, 0.08);
    EXPECT_NEAR(privateIrr(out), 0.08, 1e-6);
}

TEST(ServicePurchase, FeeIsPricedAtTheBidReturnAboveTheHurdle) {
    // Without tax, F - 50 = 1000 x recovery(12%, 4): the fee recovers the capex at the bid's 12%,
    // while the provider's rate (and its rule's hurdle) stays 10%.
    PayAsYouGoTerms t = service();
    t.bidEquityIrr = 0.12;
    const StructureOutcome out = build(withoutTax(onePlusFour()), t);
    EXPECT_NEAR(solvedFee(out), 50.0 + 1000.0 * recovery(0.12, 4), 1e-6);
    EXPECT_NEAR(privateIrr(out), 0.12, 1e-6);
    EXPECT_EQ(out.privateRate, 0.10);
    // A bid at the hurdle is the default.
    t.bidEquityIrr = 0.10;
    EXPECT_NEAR(solvedFee(build(onePlusFour(), t)), solvedFee(build(onePlusFour(), service())), 1e-9);
}

TEST(ServicePurchase, FeeIsIndexedWithThePriceIndexFromTheFirstOperatingYear) {
    Project p = onePlusFour();
    p.basis = PriceBasis::Nominal;
    p.inflation = 0.02;
    const StructureOutcome out = build(p, service(300.0));
    expectFlowsNear(out.ledger.lineTotal(Party::Private, LineKind::ServiceFee),
                    {0, 300, 300 * 1.02, 300 * 1.02 * 1.02, 300 * std::pow(1.02, 3)});
}

TEST(ServicePurchase, ShortContractHandsTheSystemToTheCity) {
    // Contract of 2 of the 4 years, no tax: F - 50 = 1000 x 0.1 / (1 - 1.1^-2) = 576.19...
    // Then the city runs the system: 200 + 30 - 50 = 180 a year, and takes the residual value 100.
    Project p = withoutTax(onePlusFour());
    p.residualValue = 100.0;
    const StructureOutcome out = build(p, service(std::nullopt, 2));
    const double f = 50.0 + 1000.0 * recovery(0.10, 2);
    EXPECT_NEAR(solvedFee(out), f, 1e-6);
    expectFlowsNear(out.ledger.partyFlows(Party::Private), {-1000, f - 50, f - 50, 0, 0}, 1e-6);
    expectFlowsNear(out.ledger.partyFlows(Party::Government), {0, 230 - f, 230 - f, 180, 280}, 1e-6);
    expectFlowsNear(out.ledger.lineTotal(Party::Government, LineKind::ResidualValue), {0, 0, 0, 0, 100});
    EXPECT_TRUE(hasNote(out, "covers 2 of the 4 operating years; then the system passes to the city"));
    expectConserved(out);
}

TEST(ServicePurchase, FullContractLeavesTheResidualValueWithTheProvider) {
    Project p = onePlusFour();
    p.residualValue = 100.0;
    const StructureOutcome out = build(p, service());
    expectFlowsNear(out.ledger.lineTotal(Party::Private, LineKind::ResidualValue), {0, 0, 0, 0, 100});
    EXPECT_FALSE(hasLine(out, Party::Government, LineKind::ResidualValue));
    EXPECT_NEAR(privateIrr(out), 0.10, 1e-6);
}

TEST(ServicePurchase, ShortContractWithTaxStillMeetsTheHurdle) {
    const StructureOutcome out = build(onePlusFour(), service(std::nullopt, 3));
    EXPECT_NEAR(privateIrr(out), 0.10, 1e-6);
}

TEST(ServicePurchase, NoServiceNoFeeWhenOperationIsDelayedAndTheDelayCostsTheProvider) {
    Scenario late;
    late.delayYears = 1;
    const StructureOutcome given = build(onePlusFour(), service(300.0), {}, late);
    expectFlowsNear(given.ledger.lineTotal(Party::Private, LineKind::ServiceFee), {0, 0, 300, 300, 300});
    // The fee is bid on the forecast, when the contract is signed: the delay does not re-price it.
    const StructureOutcome onTime = build(onePlusFour(), service());
    const StructureOutcome solved = build(onePlusFour(), service(), {}, late);
    EXPECT_NEAR(solvedFee(solved), solvedFee(onTime), 1e-9);
    EXPECT_NEAR(privateIrr(onTime), 0.10, 1e-6);
    EXPECT_LT(privateIrr(solved), 0.10 - 0.01);
}

TEST(ServicePurchase, ProviderThatEarnsItsHurdleWithoutAFeeGetsNone) {
    Project p = onePlusFour();
    p.revenues.push_back(RevenueStream{"ads", RevenueStream::Payer::Market, 1000.0, 1.0, 0.0, 0.0, 0});
    const StructureOutcome out = build(p, service());
    EXPECT_EQ(solvedFee(out), 0.0);
    EXPECT_EQ(out.notes, (std::vector<std::string>{
                             "The provider earns at least its hurdle of 10% without a service fee: the fee is 0."}));
    expectFlowsNear(out.ledger.lineTotal(Party::Private, LineKind::OtherRevenue), {0, 1000, 1000, 1000, 1000});
}

TEST(ServicePurchase, NoFeeCanMeetTheHurdleGivesAZeroFeeAndSaysWhy) {
    // Tax takes every extra unit of fee (a 100% rate): no fee lifts the provider's return.
    Project p = onePlusFour();
    p.taxRate = 1.0;
    const StructureOutcome out = build(p, service(std::nullopt, 1));
    EXPECT_EQ(solvedFee(out), 0.0);
    EXPECT_TRUE(hasNote(out, "No service fee gives the provider its hurdle of 10%: no fee up to "));
    EXPECT_TRUE(hasNote(out, "give terms.annual_service_fee to evaluate a fee of your own."));
    expectConserved(out);
}

TEST(ServicePurchase, GrantAndSubsidyToTheProviderLowerTheFee) {
    // 200 of the capex paid by others: F - 50 = 800 x 0.1 / (1 - 1.1^-4) (no tax).
    const Project p = withoutTax(onePlusFour());
    SupportTerms grant;
    grant.grants = {Grant{"TSB", 200.0, 0, true}};
    SupportTerms subsidy;
    subsidy.constructionSubsidyShare = 0.2;
    const double f = 50.0 + 800.0 * recovery(0.10, 4);
    const StructureOutcome withGrant = build(p, service(), grant);
    const StructureOutcome withSubsidy = build(p, service(), subsidy);
    EXPECT_NEAR(solvedFee(withGrant), f, 1e-6);
    EXPECT_NEAR(solvedFee(withSubsidy), f, 1e-6);
    expectFlowsNear(withSubsidy.ledger.lineTotal(Party::Government, LineKind::ConstructionSubsidy), {-200, 0, 0, 0, 0});
    expectFlowsNear(withGrant.ledger.partyFlows(Party::Funders), {-200, 0, 0, 0, 0});
}

TEST(ServicePurchase, TaxIncentiveLowersTheFee) {
    SupportTerms s;
    s.taxIncentive = TaxIncentive{true, std::nullopt};
    const StructureOutcome out = build(onePlusFour(), service(), s);
    // Profit from year 1: exempt in years 1-3, half rate (12.5%) in year 4 on F - 50 - 250. So
    // (F - 50) x a - 0.125 (F - 300) v^4 = 1000, with a = 1 / recovery(10%, 4) and v = 1 / 1.1.
    const double a = 1.0 / recovery(0.10, 4), v4 = std::pow(1.1, -4.0);
    const double f = (1000.0 + 50.0 * a - 37.5 * v4) / (a - 0.125 * v4);
    EXPECT_NEAR(solvedFee(out), f, 1e-6);
    EXPECT_LT(solvedFee(out), solvedFee(build(onePlusFour(), service())));
    expectFlowsNear(out.ledger.lineTotal(Party::Government, LineKind::Tax), {0, 0, 0, 0, 0.125 * (f - 300.0)}, 1e-6);
}

TEST(ServicePurchase, CoInvestmentAndCrowdfundingKeepTheProviderAtItsHurdle) {
    SupportTerms s;
    s.coInvestment = CoInvestmentFund{0.1};
    s.crowdfunding = Crowdfunding{100.0, 0.05, 2};
    const StructureOutcome out = build(onePlusFour(), service(), s);
    EXPECT_NEAR(privateIrr(out), 0.10, 1e-6);
    EXPECT_NEAR(out.ledger.lineTotal(Party::Government, LineKind::EquityInjection)[0], -0.1 * 1000.0, 1e-9);
    expectFlowsNear(out.ledger.lineTotal(Party::Private, LineKind::Drawdown), {100, 0, 0, 0, 0});
    expectConserved(out);
}

TEST(ServicePurchase, TaxIncrementGoesToTheCityGuaranteesAreNoted) {
    SupportTerms s;
    s.taxIncrement = TaxIncrementFinancing{10.0, 1.0, 0};
    s.minimumRevenueGuarantee = MinimumRevenueGuarantee{{GuaranteeBand{1, 4, 0.8}}, 0.5, {}};
    s.creditGuarantee = CreditGuarantee{};
    const StructureOutcome out = build(onePlusFour(), service(300.0), s);
    expectFlowsNear(out.ledger.lineTotal(Party::Government, LineKind::TaxIncrement), {0, 10, 10, 10, 10});
    EXPECT_EQ(out.notes, (std::vector<std::string>{
                             "Minimum revenue guarantee ignored: in a service purchase the city collects the user "
                             "charges.",
                             "Credit guarantee ignored: the provider is modelled as financed by its own equity."}));
}

TEST(ServicePurchase, RejectsTermsThatDoNotFitTheProject) {
    const Project p = onePlusFour();
    EXPECT_INPUT_ERROR(build(p, service(std::nullopt, 5)),
                       "terms.contract_years: got 5, expected 0 (all operating years) to 4 years");
    EXPECT_INPUT_ERROR(build(p, service(std::nullopt, -1)),
                       "terms.contract_years: got -1, expected 0 (all operating years) to 4 years");
    EXPECT_INPUT_ERROR(build(p, service(-1.0)), "terms.annual_service_fee: got -1, expected a fee >= 0 per year");
    PayAsYouGoTerms t = service();
    t.equityHurdle = -1.0;
    EXPECT_INPUT_ERROR(build(p, t), "terms.equity_hurdle: got -1, expected a finite rate above -1 (-100%)");
}

// ---- capital phasing ----

TEST(CapitalPhasing, BudgetSpreadsTheCapexAndServiceFollowsCompletion) {
    // Budget 400: works 400, 400, 200; in service 0.4 in year 1 (400 done by its start), 0.8, 1, 1.
    // City: -400; -400 + 0.4 x 180 = -328; -200 + 0.8 x 180 = -56; 180; 180.
    const StructureOutcome out = build(onePlusFour(), phasing(400.0));
    expectFlowsNear(out.ledger.partyFlows(Party::Government), {-400, -328, -56, 180, 180});
    expectFlowsNear(out.ledger.partyFlows(Party::Users), {0, -80, -160, -200, -200});
    expectFlowsNear(out.ledger.lineTotal(Party::Government, LineKind::Opex), {0, -20, -40, -50, -50});
    EXPECT_EQ(solvedTerm(out, "capex_years")->value, 3.0);
    EXPECT_FALSE(out.debt.has_value());
    EXPECT_FALSE(hasLine(out, Party::Lenders, LineKind::Drawdown));
}

TEST(CapitalPhasing, NoteAndSolvedTermPriceTheDelay) {
    // At 4%: benefits delayed 0.6 x 180 / 1.04 + 0.2 x 180 / 1.04^2; capex deferred
    // 1000 - (400 + 400 / 1.04 + 200 / 1.04^2).
    const StructureOutcome out = build(onePlusFour(), phasing(400.0));
    const double delayed = 0.6 * 180.0 / 1.04 + 0.2 * 180.0 / (1.04 * 1.04);
    const double deferred = 1000.0 - (400.0 + 400.0 / 1.04 + 200.0 / (1.04 * 1.04));
    EXPECT_NEAR(solvedTerm(out, "phasing_cost_pv")->value, delayed - deferred, 1e-9);
    EXPECT_EQ(out.notes, (std::vector<std::string>{
                             "Capital phasing at 400 per year (base-year prices) completes the capex in 3 years "
                             "instead of 1. At the public rate of 4%, the net operating benefits delayed or lost "
                             "are worth 137 (PV) and spending the capex later saves 30 (PV): phasing costs the "
                             "city 107 net against building on the project's schedule."}));
}

TEST(CapitalPhasing, OperationsAtANetCostMakeTheDelayASavingAndTheNoteSaysSoInWords) {
    // Opex 400 higher: operating cash 180 - 400 = -220 a year, so delaying operations saves money.
    Project p = onePlusFour();
    p.annualOpex += 400.0;
    const StructureOutcome out = build(p, phasing(400.0));
    const double delayed = 0.6 * -220.0 / 1.04 + 0.2 * -220.0 / (1.04 * 1.04);
    const double deferred = 1000.0 - (400.0 + 400.0 / 1.04 + 200.0 / (1.04 * 1.04));
    EXPECT_NEAR(solvedTerm(out, "phasing_cost_pv")->value, delayed - deferred, 1e-9);  // the term keeps its sign
    EXPECT_EQ(out.notes, (std::vector<std::string>{
                             "Capital phasing at 400 per year (base-year prices) completes the capex in 3 years "
                             "instead of 1. At the public rate of 4%, the operations run at a net cost, so delaying "
                             "them saves 168 (PV) and spending the capex later saves 30 (PV): phasing saves the "
                             "city 198 net against building on the project's schedule."}));
}

TEST(CapitalPhasing, ConservationIsLedgerInternalWhenPhasingChangesTheRealFlows) {
    // On purpose: phasing changes when capex is spent and benefits arrive, so the ledger's real flows
    // are not the project's; money between the parties is still conserved.
    const Project p = onePlusFour();
    const ProjectFlows flows = projectFlows(p);
    const StructureOutcome out = buildPayAsYouGo(p, flows, phasing(400.0), {});
    EXPECT_GT(std::abs(out.ledger.realFlows()[0] - (flows.preFinancingCashFlow()[0] - flows.userCharges[0])), 1.0);
    expectConserved(out);
}

TEST(CapitalPhasing, ABudgetThatNeverBindsReproducesTheProject) {
    const Project p = twoPlusFour();
    const ProjectFlows flows = projectFlows(p);
    const StructureOutcome out = buildPayAsYouGo(p, flows, phasing(600.0), {});
    expectFlowsNear(out.ledger.partyFlows(Party::Government), flows.preFinancingCashFlow());
    EXPECT_NEAR(solvedTerm(out, "phasing_cost_pv")->value, 0.0, 1e-9);
    EXPECT_EQ(solvedTerm(out, "capex_years")->value, 2.0);
}

TEST(CapitalPhasing, NoFasterThanTheProjectsOwnSchedule) {
    // Budget 700 > 600: the works still follow 600, 400.
    const CapexPhasing phased = phaseCapex(projectFlows(twoPlusFour()), 700.0);
    expectFlowsNear(phased.works, {600, 400, 0, 0, 0, 0});
    expectFlowsNear(phased.inService, {0, 0, 1, 1, 1, 1});
}

TEST(CapitalPhasing, FinishingInTheLastYearIsAllowed) {
    // 200 a year for 5 years: the last 200 in period 4; in service 0.2, 0.4, 0.6, 0.8.
    const CapexPhasing phased = phaseCapex(projectFlows(onePlusFour()), 200.0);
    expectFlowsNear(phased.works, {200, 200, 200, 200, 200});
    expectFlowsNear(phased.inService, {0, 0.2, 0.4, 0.6, 0.8});
    EXPECT_EQ(phased.yearsToComplete, 5);
}

TEST(CapitalPhasing, NothingToBuildIsAllInService) {
    Scenario free;
    free.capexFactor = 0.0;
    const CapexPhasing phased = phaseCapex(projectFlows(onePlusFour(), free), 100.0);
    expectFlowsNear(phased.works, {0, 0, 0, 0, 0});
    expectFlowsNear(phased.inService, {0, 1, 1, 1, 1});
}

TEST(CapitalPhasing, NominalBudgetIsInBaseYearPrices) {
    // Inflation 10%: works 400, 400, 200 in base prices cost 400, 440, 242 in cash.
    Project p = onePlusFour();
    p.basis = PriceBasis::Nominal;
    p.inflation = 0.10;
    const StructureOutcome out = build(p, phasing(400.0));
    expectFlowsNear(out.ledger.lineTotal(Party::Government, LineKind::Capex), {-400, -440, -242, 0, 0});
}

TEST(CapitalPhasing, SupportForTheCityAppliesTheRestIsNoted) {
    SupportTerms s;
    s.grants = {Grant{"EU", 100.0, 0, false}, Grant{"TSB", 10.0, 0, true}};
    s.taxIncrement = TaxIncrementFinancing{10.0, 1.0, 0};
    s.crowdfunding = Crowdfunding{100.0, 0.05, 2};
    s.coInvestment = CoInvestmentFund{0.1};
    const StructureOutcome out = build(onePlusFour(), phasing(400.0), s);
    expectFlowsNear(out.ledger.partyFlows(Party::Funders), {-100, 0, 0, 0, 0});
    expectFlowsNear(out.ledger.lineTotal(Party::Government, LineKind::TaxIncrement), {0, 10, 10, 10, 10});
    expectFlowsNear(out.ledger.lineTotal(Party::Government, LineKind::Drawdown), {100, 0, 0, 0, 0});
    const std::string why = " ignored: pay-as-you-go capital phasing has no private party.";
    EXPECT_TRUE(hasNote(out, "Grant to the private party from TSB" + why));
    EXPECT_TRUE(hasNote(out, "Public co-investment" + why));
    EXPECT_TRUE(hasNote(out, "The crowdfunding tranche is borrowing in a plan meant to borrow nothing"));
    expectConserved(out);
}

TEST(CapitalPhasing, RejectsABudgetThatCannotFinish) {
    const Project p = onePlusFour();
    EXPECT_INPUT_ERROR(build(p, phasing(0.0)), "terms.annual_capex_budget: got 0, expected a budget > 0 per year");
    EXPECT_INPUT_ERROR(build(p, phasing(std::nan(""))), "terms.annual_capex_budget: got NaN, expected a budget > 0 per year");
    // 100 a year: 500 done in the 5 periods, 500 left: 5 more years.
    EXPECT_INPUT_ERROR(build(p, phasing(100.0)),
                       "terms.annual_capex_budget: got 100, expected a budget that completes the capex of 1000 "
                       "within the 5 years of the project (at 100 per year it takes 10 years)");
}
