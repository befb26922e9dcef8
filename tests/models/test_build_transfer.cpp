// Build-transfer with deferred payment. Hand-worked on twoPlusFour() (capex 600, 400; operating cash
// 150 a year; residual 100) with the default terms: margin 5%, contractor finance 6%, instalments
// over 3 years at 5%.
// Timing (all of year t's flows at time t): the capex of 600 is spent at t0 and 400 at t1;
// completion is at t1 (C - 1), so 600 is carried one year and 400 none; the instalments are paid at
// t2, t3, t4, the first one year after completion.
//   price P = 1.05 x (600 x 1.06 + 400) = 1.05 x 1036 = 1087.8
//   instalment A = P x 0.05 / (1 - 1.05^-3)  (spreadsheet -PMT(5%, 3, P))
//   contractor's tax = 25% x (A - 1000 / 3) in each instalment year (cost written off over 3 years)

#include "fixtures_public.hpp"
#include "../finance/expect_input_error.hpp"

#include "finance/metrics.hpp"
#include "models/structures/build.hpp"

#include <cmath>

using namespace cityfin::models;
using namespace cityfin::models::public_fixtures;

namespace {

BuildTransferTerms threeYears() {
    BuildTransferTerms t;
    t.contractorMargin = 0.05;
    t.contractorFinanceRate = 0.06;
    t.instalmentRate = 0.05;
    t.instalmentYears = 3;
    return t;
}

StructureOutcome build(const Project& p, const BuildTransferTerms& terms, const SupportTerms& support = {},
                       const Scenario& scenario = {}) {
    return buildBuildTransfer(p, projectFlows(p, scenario), terms, support);
}

constexpr double kPrice = 1087.8;
const double kInstalment = kPrice * 0.05 / (1.0 - std::pow(1.05, -3.0));
const double kTax = 0.25 * (kInstalment - 1000.0 / 3.0);

} // namespace

TEST(BuildTransfer, PriceCarriesCapexToCompletionWithMargin) {
    const StructureOutcome out = build(twoPlusFour(), threeYears());
    const SolvedTerm* price = solvedTerm(out, "purchase_price");
    ASSERT_NE(price, nullptr);
    EXPECT_NEAR(price->value, kPrice, 1e-9);
    EXPECT_EQ(price->unit, "CNY");
}

TEST(BuildTransfer, InstalmentIsTheSpreadsheetPmtOfThePrice) {
    const StructureOutcome out = build(twoPlusFour(), threeYears());
    const SolvedTerm* instalment = solvedTerm(out, "instalment");
    ASSERT_NE(instalment, nullptr);
    EXPECT_NEAR(instalment->value, kInstalment, 1e-9);
    EXPECT_NEAR(instalment->value, -cityfin::finance::pmt(0.05, 3, kPrice), 1e-9);
    EXPECT_EQ(instalment->unit, "CNY per year");
    expectFlowsNear(out.ledger.lineTotal(Party::Government, LineKind::Instalment),
                    {0, 0, -kInstalment, -kInstalment, -kInstalment, 0});
    // The instalments repay P at 5%: their PV at the instalment rate one period before the first
    // payment (completion at t1, the instalments at t2..t4) is P.
    const std::vector<double> paid{kInstalment, kInstalment, kInstalment};
    EXPECT_NEAR(cityfin::finance::npv(0.05, paid, cityfin::finance::NpvConvention::Spreadsheet), kPrice, 1e-9);
}

TEST(BuildTransfer, ContractorBuildsAndIsPaidAfterTaxCityOperates) {
    const StructureOutcome out = build(twoPlusFour(), threeYears());
    const double net = kInstalment - kTax;
    expectFlowsNear(out.ledger.partyFlows(Party::Private), {-600, -400, net, net, net, 0});
    expectFlowsNear(out.ledger.lineTotal(Party::Government, LineKind::Tax), {0, 0, kTax, kTax, kTax, 0});
    expectFlowsNear(out.ledger.partyFlows(Party::Government),
                    {0, 0, 150 - kInstalment + kTax, 150 - kInstalment + kTax, 150 - kInstalment + kTax, 250});
    expectFlowsNear(out.ledger.partyFlows(Party::Users), {0, 0, -200, -200, -200, -200});
    EXPECT_EQ(out.privateRate, 0.10);
    EXPECT_FALSE(out.debt.has_value());
    EXPECT_TRUE(out.notes.empty());
    expectConserved(out);
}

TEST(BuildTransfer, ZeroRateInstalmentsSplitThePriceEvenly) {
    BuildTransferTerms t = threeYears();
    t.instalmentRate = 0.0;
    t.instalmentYears = 4;
    const StructureOutcome out = build(twoPlusFour(), t);
    EXPECT_NEAR(solvedTerm(out, "instalment")->value, kPrice / 4.0, 1e-9);
}

TEST(BuildTransfer, FixedPriceLeavesCapexOverrunsWithTheContractor) {
    Scenario overrun;
    overrun.capexFactor = 1.1;
    const StructureOutcome out = build(twoPlusFour(), threeYears(), {}, overrun);
    EXPECT_NEAR(solvedTerm(out, "instalment")->value, kInstalment, 1e-9);
    expectFlowsNear(out.ledger.lineTotal(Party::Private, LineKind::Capex), {-660, -440, 0, 0, 0, 0});
    // The contractor writes off the actual cost: 1100 / 3 = 366.667 a year, against A = 399.449:
    // tax 25% x 32.782 = 8.196 a year (on the forecast cost of 1000 it would be 16.529).
    const double tax = 0.25 * (kInstalment - 1100.0 / 3.0);
    EXPECT_NEAR(tax, 8.196, 1e-3);
    expectFlowsNear(out.ledger.lineTotal(Party::Government, LineKind::Tax), {0, 0, tax, tax, tax, 0});
}

TEST(BuildTransfer, ConstructionSubsidyIsPaidAsBuiltAndReducesThePrice) {
    // 20% of capex: 120 at t0 and 80 at t1, worth 120 x 1.06 + 80 = 207.2 at completion (t1), so
    // the price is 1087.8 - 207.2 = 880.6.
    SupportTerms s;
    s.constructionSubsidyShare = 0.2;
    const StructureOutcome out = build(twoPlusFour(), threeYears(), s);
    EXPECT_NEAR(solvedTerm(out, "purchase_price")->value, kPrice - 207.2, 1e-9);
    expectFlowsNear(out.ledger.lineTotal(Party::Private, LineKind::ConstructionSubsidy), {120, 80, 0, 0, 0, 0});
    EXPECT_TRUE(hasNote(out, "reduces the purchase price from 1,088 to 881"));
    expectConserved(out);
}

TEST(BuildTransfer, GrantToTheContractorReducesThePriceGrantToTheCityDoesNot) {
    SupportTerms s;
    s.grants = {Grant{"TSB", 100.0, 1, true}, Grant{"EU", 50.0, 0, false}};
    const StructureOutcome out = build(twoPlusFour(), threeYears(), s);
    // The contractor's grant of 100 is paid at t1, completion: it is worth 100 there, uncarried.
    EXPECT_NEAR(solvedTerm(out, "purchase_price")->value, kPrice - 100.0, 1e-9);
    expectFlowsNear(out.ledger.lineTotal(Party::Private, LineKind::Grant), {0, 100, 0, 0, 0, 0});
    expectFlowsNear(out.ledger.lineTotal(Party::Government, LineKind::Grant), {50, 0, 0, 0, 0, 0});
    expectFlowsNear(out.ledger.partyFlows(Party::Funders), {-50, -100, 0, 0, 0, 0});
}

TEST(BuildTransfer, SupportAboveThePriceLeavesNothingOwed) {
    SupportTerms s;
    s.grants = {Grant{"fund", 2000.0, 0, true}};
    const StructureOutcome out = build(twoPlusFour(), threeYears(), s);
    EXPECT_EQ(solvedTerm(out, "purchase_price")->value, 0.0);
    EXPECT_EQ(solvedTerm(out, "instalment")->value, 0.0);
    EXPECT_TRUE(hasNote(out, "exceeds the price"));
    expectConserved(out);
}

TEST(BuildTransfer, TaxIncentiveLowersTheContractorsTax) {
    SupportTerms s;
    s.taxIncentive = TaxIncentive{false, 0.15};
    const StructureOutcome out = build(twoPlusFour(), threeYears(), s);
    const double tax = 0.15 * (kInstalment - 1000.0 / 3.0);
    expectFlowsNear(out.ledger.lineTotal(Party::Government, LineKind::Tax), {0, 0, tax, tax, tax, 0});
}

TEST(BuildTransfer, CoInvestmentTakesTheCitysShareOfTheContractorsEquity) {
    SupportTerms s;
    s.coInvestment = CoInvestmentFund{0.1};
    const StructureOutcome out = build(twoPlusFour(), threeYears(), s);
    const double net = kInstalment - kTax;
    expectFlowsNear(out.ledger.lineTotal(Party::Government, LineKind::EquityInjection), {-60, -40, 0, 0, 0, 0});
    expectFlowsNear(out.ledger.lineTotal(Party::Government, LineKind::Dividend), {0, 0, 0.1 * net, 0.1 * net, 0.1 * net, 0});
    expectFlowsNear(out.ledger.partyFlows(Party::Private), {-540, -360, 0.9 * net, 0.9 * net, 0.9 * net, 0});
    expectConserved(out);
}

TEST(BuildTransfer, TaxIncrementAndCrowdfundingGoToTheCity) {
    SupportTerms s;
    s.taxIncrement = TaxIncrementFinancing{20.0, 1.0, 2};
    s.crowdfunding = Crowdfunding{100.0, 0.05, 2};
    const StructureOutcome out = build(twoPlusFour(), threeYears(), s);
    expectFlowsNear(out.ledger.lineTotal(Party::Government, LineKind::TaxIncrement), {0, 0, 20, 20, 0, 0});
    expectFlowsNear(out.ledger.lineTotal(Party::Government, LineKind::Drawdown), {100, 0, 0, 0, 0, 0});
    EXPECT_FALSE(hasLine(out, Party::Private, LineKind::Drawdown));
}

TEST(BuildTransfer, GuaranteesThatCannotApplyAreNoted) {
    SupportTerms s;
    s.minimumRevenueGuarantee = MinimumRevenueGuarantee{{GuaranteeBand{1, 4, 0.8}}, 0.5, {}};
    s.creditGuarantee = CreditGuarantee{};
    const StructureOutcome out = build(twoPlusFour(), threeYears(), s);
    EXPECT_EQ(out.notes,
              (std::vector<std::string>{
                  "Minimum revenue guarantee ignored: in build-transfer the city collects the user charges.",
                  "Credit guarantee ignored: the contractor's short-term finance is priced in its finance rate."}));
    EXPECT_FALSE(hasLine(out, Party::Private, LineKind::RevenueGuarantee));
    EXPECT_FALSE(hasLine(out, Party::Private, LineKind::GuaranteeFee));
}

TEST(BuildTransfer, RejectsTermsThatDoNotFitTheProject) {
    const Project p = twoPlusFour();
    BuildTransferTerms t = threeYears();
    t.instalmentYears = 5;
    EXPECT_INPUT_ERROR(build(p, t), "terms.instalment_years: got 5, expected 1 to 4 years, paid within the operating years");
    t.instalmentYears = 0;
    EXPECT_INPUT_ERROR(build(p, t), "terms.instalment_years: got 0, expected 1 to 4 years, paid within the operating years");
    t = threeYears();
    t.contractorMargin = -0.1;
    EXPECT_INPUT_ERROR(build(p, t), "terms.contractor_margin: got -0.1, expected a finite share >= 0");
    t = threeYears();
    t.contractorFinanceRate = -1.0;
    EXPECT_INPUT_ERROR(build(p, t), "terms.contractor_finance_rate: got -1, expected a finite rate above -1 (-100%)");
    t = threeYears();
    t.instalmentRate = INFINITY;
    EXPECT_INPUT_ERROR(build(p, t), "terms.instalment_rate: got inf, expected a finite rate above -1 (-100%)");
}

namespace {

double irrOf(const std::vector<double>& flows) {
    const cityfin::finance::Answer irr = cityfin::finance::irr(flows);
    EXPECT_TRUE(irr.value.has_value()) << irr.reason;
    return irr.value.value_or(NAN);
}

// The contractor's flows before tax: capex out, instalments in, and any grant or subsidy it receives.
std::vector<double> contractorPreTax(const StructureOutcome& out) {
    std::vector<double> flows = out.ledger.lineTotal(Party::Private, LineKind::Capex);
    for (const LineKind kind : {LineKind::Instalment, LineKind::Grant, LineKind::ConstructionSubsidy}) {
        const std::vector<double> line = out.ledger.lineTotal(Party::Private, kind);
        for (std::size_t t = 0; t < flows.size(); ++t) flows[t] += line[t];
    }
    return flows;
}

Project threeYearBuild() {
    Project p = twoPlusFour();
    p.constructionYears = 3;
    p.capex = {300.0, 0.0, 700.0};
    return p;
}

Project nominalBuild() {
    Project p = twoPlusFour();
    p.basis = PriceBasis::Nominal;
    p.inflation = 0.03;
    return p;
}

} // namespace

// Property: the instalments the city pays on the ledger (times C .. C + N - 1) discounted at the
// instalment rate to completion (time C - 1, one year before the first) are exactly the price, for
// any construction profile, price basis, rates, number of instalments or support.
TEST(BuildTransfer, InstalmentsDiscountedAtTheirRateAreThePriceAtCompletion) {
    BuildTransferTerms longer = threeYears();
    longer.instalmentYears = 2;
    longer.instalmentRate = 0.08;
    longer.contractorFinanceRate = 0.03;
    SupportTerms subsidy;
    subsidy.constructionSubsidyShare = 0.2;
    for (const Project& p : {twoPlusFour(), threeYearBuild(), nominalBuild()})
        for (const BuildTransferTerms& t : {threeYears(), longer})
            for (const SupportTerms& s : {SupportTerms{}, subsidy}) {
                const StructureOutcome out = build(p, t, s);
                const std::vector<double> paid = out.ledger.lineTotal(Party::Private, LineKind::Instalment);
                const int completion = p.constructionYears - 1;
                double pv = 0.0;
                for (std::size_t k = 0; k < paid.size(); ++k)
                    pv += paid[k] / std::pow(1.0 + t.instalmentRate, static_cast<double>(static_cast<int>(k) - completion));
                EXPECT_NEAR(pv, solvedTerm(out, "purchase_price")->value, 1e-9)
                    << p.constructionYears << " construction years, instalment rate " << t.instalmentRate;
                EXPECT_EQ(paid[static_cast<std::size_t>(completion)], 0.0);
            }
}

// Property (the timing bug's test): with no margin and instalments at the contractor's own finance
// rate, the contractor is a lender at that rate: P = sum_t K_t (1 + f)^(C-1-t) carries each year's
// capex from time t to completion at C - 1, and the instalments from C repay P at f, so its pre-tax
// flows on the ledger have an IRR of exactly f. (Carrying capex to time C, as before, gave more.)
TEST(BuildTransfer, WithoutMarginTheContractorEarnsExactlyItsFinanceRate) {
    SupportTerms support;
    support.constructionSubsidyShare = 0.2;
    support.grants = {Grant{"TSB", 50.0, 1, true}};
    for (const Project& p : {twoPlusFour(), threeYearBuild(), nominalBuild()})
        for (const double f : {0.06, 0.09})
            for (const SupportTerms& s : {SupportTerms{}, support}) {
                BuildTransferTerms t = threeYears();
                t.contractorMargin = 0.0;
                t.contractorFinanceRate = f;
                t.instalmentRate = f;
                const StructureOutcome out = build(p, t, s);
                EXPECT_NEAR(irrOf(contractorPreTax(out)), f, 1e-9) << p.constructionYears << " construction years, f " << f;
            }
}

// With the default terms (margin 5%, finance 6%, instalments at 5%), twoPlusFour: the contractor pays
// 600 at t0 and 400 at t1 and receives A = 1087.8 x 0.05 / (1 - 1.05^-3) = 399.4495 at t2, t3, t4.
// Its pre-tax NPV, valued at t1:
//   at 6%:  A x (1 - 1.06^-3) / 0.06 - (600 x 1.06 + 400) = 399.4495 x 2.673012 - 1036 = +31.73
//   at 11%: A x (1 - 1.11^-3) / 0.11 - (600 x 1.11 + 400) = 399.4495 x 2.443715 - 1066 = -89.86
// One sign change, so the NPV falls with the rate and the IRR lies between f = 6% and f + m = 11%.
TEST(BuildTransfer, ContractorsPreTaxIrrLiesBetweenItsFinanceRateAndRatePlusMargin) {
    const StructureOutcome out = build(twoPlusFour(), threeYears());
    const std::vector<double> flows = contractorPreTax(out);
    expectFlowsNear(flows, {-600, -400, kInstalment, kInstalment, kInstalment, 0});
    EXPECT_NEAR(cityfin::finance::npv(0.06, flows) * 1.06, 31.73, 5e-3);
    EXPECT_NEAR(cityfin::finance::npv(0.11, flows) * 1.11, -89.86, 5e-3);
    const double irr = irrOf(flows);
    EXPECT_GT(irr, 0.06);
    EXPECT_LT(irr, 0.11);
}
