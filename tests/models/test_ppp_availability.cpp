// PPP availability payment (DBFO): who pays whom, the unitary charge solved to the equity hurdle,
// every support instrument, scenarios (the city keeps demand risk, the SPV cost risk), bad terms.

#include "../finance/expect_input_error.hpp"
#include "finance/metrics.hpp"
#include "fixtures_spv.hpp"
#include "models/evaluation.hpp"
#include "models/private_finance.hpp"
#include "models/structures/build.hpp"

#include <gtest/gtest.h>

#include <numeric>

using namespace cityfin::models;
using namespace spv_fixtures;

namespace {

PppAvailabilityTerms pppTerms(std::optional<double> charge = std::nullopt) {
    PppAvailabilityTerms t;
    t.debt.tenorYears = 4;
    t.debt.gearingCap = 0.8;
    t.debt.rate = 0.05;
    t.debt.targetDscr = 1.3;
    t.unitaryCharge = charge;
    return t;
}

Structure pppStructure(PppAvailabilityTerms terms, SupportTerms support = {}) {
    return Structure{"ppp", "PPP availability", std::move(terms), std::move(support)};
}

StructureOutcome build(const Project& p, const PppAvailabilityTerms& t, const SupportTerms& s = {},
                       const Scenario& scenario = {}) {
    return buildPppAvailability(p, projectFlows(p, scenario), t, s);
}

double total(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

double solvedCharge(const StructureOutcome& o) {
    EXPECT_EQ(o.solved.size(), 1u);
    return o.solved.empty() ? 0.0 : o.solved.front().value;
}

} // namespace

// A given charge of 500 with 2% expected deductions, real terms: the city pays 500 and gets 10 back
// in every operating year; it keeps the user charges (400), the market revenue (50), the energy
// saved (30) and the residual value (100). The SPV pays capex, opex and lifecycle, so its operating
// cash is 490 - 60 (- 40 in operating year 2): 0, 430, 390, 430, 430.
TEST(PppAvailability, WhoPaysWhomByHand) {
    const Project p = smallProject();
    const ProjectFlows flows = projectFlows(p);
    PppAvailabilityTerms t = pppTerms(500.0);
    t.expectedDeductions = 0.02;
    const StructureOutcome o = buildPppAvailability(p, flows, t, {});
    const Ledger& l = o.ledger;
    EXPECT_EQ(l.lineTotal(Party::Government, LineKind::UnitaryCharge), (std::vector<double>{0, -500, -500, -500, -500}));
    EXPECT_EQ(l.lineTotal(Party::Private, LineKind::UnitaryCharge), (std::vector<double>{0, 500, 500, 500, 500}));
    EXPECT_EQ(l.lineTotal(Party::Government, LineKind::AvailabilityDeduction), (std::vector<double>{0, 10, 10, 10, 10}));
    EXPECT_EQ(l.lineTotal(Party::Users, LineKind::UserCharge), (std::vector<double>{0, -400, -400, -400, -400}));
    EXPECT_EQ(l.lineTotal(Party::Government, LineKind::UserCharge), (std::vector<double>{0, 400, 400, 400, 400}));
    EXPECT_EQ(l.lineTotal(Party::Private, LineKind::UserCharge), (std::vector<double>(5, 0.0)));
    EXPECT_EQ(l.lineTotal(Party::Government, LineKind::OtherRevenue), (std::vector<double>{0, 50, 50, 50, 50}));
    for (std::size_t t2 = 1; t2 < 5; ++t2)
        EXPECT_NEAR(l.lineTotal(Party::Government, LineKind::EnergySavings)[t2], 30.0, 1e-12);
    EXPECT_EQ(l.lineTotal(Party::Government, LineKind::ResidualValue), (std::vector<double>{0, 0, 0, 0, 100}));
    EXPECT_EQ(l.lineTotal(Party::Private, LineKind::Capex), (std::vector<double>{-1000, 0, 0, 0, 0}));
    EXPECT_EQ(l.lineTotal(Party::Private, LineKind::Lifecycle), (std::vector<double>{0, 0, -40, 0, 0}));
    EXPECT_TRUE(o.solved.empty());
    EXPECT_DOUBLE_EQ(o.privateRate, 0.10);

    // The SPV's net flows are the equity flows of its financing on that operating cash.
    PrivateFinanceInputs in;
    in.capex = {1000, 0, 0, 0, 0};
    in.upfrontSupport.assign(5, 0.0);
    in.operatingCash = {0, 430, 390, 430, 430};
    in.debt = t.debt;
    in.taxRate = 0.25;
    in.depreciationYears = 4;
    const PrivateFinance f = financePrivateParty(in);
    const std::vector<double> equity = equityFlows(in, f);
    const std::vector<double> spv = l.partyFlows(Party::Private);
    for (std::size_t k = 0; k < 5; ++k) EXPECT_NEAR(spv[k], equity[k], 1e-9) << k;
    EXPECT_EQ(l.lineTotal(Party::Lenders, LineKind::Interest), f.interestPaid);
    EXPECT_EQ(l.lineTotal(Party::Government, LineKind::Tax), f.tax);
    ASSERT_TRUE(o.debt);
    EXPECT_EQ(o.debt->borrower, "private");
    EXPECT_NEAR(o.debt->amount, f.debt->amount, 1e-12);
    expectConserved(o, flows);
}

// Nominal case, inflation 2%, half the charge indexed: UC_t = 500 x (0.5 x 1.02^(t-1) + 0.5), the
// index based on the first operating year: 500, 505, 510.1, 515.302
// (1.02^3 = 1.061208).
TEST(PppAvailability, IndexationOfTheChargeByHand) {
    Project p = smallProject();
    p.basis = PriceBasis::Nominal;
    p.inflation = 0.02;
    PppAvailabilityTerms t = pppTerms(500.0);
    t.indexation = 0.5;
    const StructureOutcome o = build(p, t);
    const auto paid = o.ledger.lineTotal(Party::Private, LineKind::UnitaryCharge);
    EXPECT_NEAR(paid[1], 500.0, 1e-9);
    EXPECT_NEAR(paid[2], 505.0, 1e-9);
    EXPECT_NEAR(paid[3], 510.1, 1e-9);
    EXPECT_NEAR(paid[4], 515.302, 1e-9);
    expectConserved(o, projectFlows(p));
}

// The charge is solved so that the equity IRR of the SPV's flows equals the hurdle; with a high
// gearing cap the DSCR binds and the sculpted debt holds the covenant in every repayment year (to
// the precision of the tax/debt fixed point: 1e-9 of the cash scale, so within 1e-8 of the target).
TEST(PppAvailability, SolvedChargeMeetsTheHurdleWithTheDscrCovenant) {
    const Project p = smallProject();
    PppAvailabilityTerms t = pppTerms();
    t.debt.gearingCap = 0.95;
    t.equityHurdle = 0.12;
    const Evaluation e = evaluate(p, pppStructure(t));
    ASSERT_EQ(e.outcome.solved.size(), 1u);
    EXPECT_EQ(e.outcome.solved[0].id, "unitary_charge");
    EXPECT_EQ(e.outcome.solved[0].unit, "EUR per year");
    EXPECT_GT(e.outcome.solved[0].value, 0.0);
    ASSERT_TRUE(e.equityIrr);
    EXPECT_NEAR(*e.equityIrr.value, 0.12, 1e-6);
    EXPECT_DOUBLE_EQ(e.outcome.privateRate, 0.12);
    EXPECT_EQ(*e.outcome.debt->sizingConstraint, "dscr");
    ASSERT_TRUE(e.minDscr);
    EXPECT_GE(*e.minDscr, 1.3 * (1.0 - 1e-8)) << *e.minDscr - 1.3;
    for (const auto& dscr : e.outcome.debt->cover->dscr) {
        if (dscr) {
            EXPECT_NEAR(*dscr, 1.3, 1.3e-8);
        }
    }
    EXPECT_TRUE(e.outcome.notes.empty()) << e.outcome.notes.front();
    expectConserved(e.outcome, e.project);
}

TEST(PppAvailability, ChargeIsPricedAtTheBidReturnAboveTheHurdle) {
    const Project p = smallProject();
    PppAvailabilityTerms t = pppTerms();
    t.equityHurdle = 0.10;
    const Evaluation atHurdle = evaluate(p, pppStructure(t));
    t.bidEquityIrr = 0.13;
    const Evaluation e = evaluate(p, pppStructure(t));
    ASSERT_TRUE(e.equityIrr.value);
    EXPECT_NEAR(*e.equityIrr.value, 0.13, 1e-6);
    EXPECT_DOUBLE_EQ(e.outcome.privateRate, 0.10);  // the hurdle stays the investors' rate and rule
    EXPECT_GT(solvedCharge(e.outcome), solvedCharge(atHurdle.outcome));
    EXPECT_GT(e.party(Party::Private).npv, 0.0);
    EXPECT_NEAR(atHurdle.party(Party::Private).npv, 0.0, 1e-6 * solvedCharge(atHurdle.outcome));
    // A 1% overrun that takes the hurdle-priced investors below 10% leaves the bid-priced ones above it
    // (the equity of this short, 80%-geared project is thin: 3% would take both below).
    Scenario overrun;
    overrun.capexFactor = 1.01;
    EXPECT_LT(*evaluate(p, pppStructure(pppTerms()), overrun).equityIrr.value, 0.10);
    PppAvailabilityTerms fixed = t;
    fixed.unitaryCharge = solvedCharge(e.outcome);  // terms fixed at close, as under risk
    EXPECT_GT(*evaluate(p, pppStructure(fixed), overrun).equityIrr.value, 0.10);
    // A bid at the hurdle is the default.
    t.bidEquityIrr = 0.10;
    EXPECT_NEAR(solvedCharge(evaluate(p, pppStructure(t)).outcome), solvedCharge(atHurdle.outcome), 1e-9 * solvedCharge(atHurdle.outcome));
    expectConserved(e.outcome, e.project);
}

TEST(PppAvailability, GearingBoundDebtHasCoverAboveTarget) {
    PppAvailabilityTerms t = pppTerms();
    t.debt.gearingCap = 0.5;
    const Evaluation e = evaluate(smallProject(), pppStructure(t));
    EXPECT_EQ(*e.outcome.debt->sizingConstraint, "gearing");
    EXPECT_NEAR(e.outcome.debt->amount, 500.0, 1e-9);
    EXPECT_GT(*e.minDscr, 1.3);
    EXPECT_NEAR(*e.equityIrr.value, 0.10, 1e-6);
}

// Every support instrument with the solved charge: the hurdle is still met exactly, money is
// conserved, and each instrument leaves its mark.
TEST(PppAvailability, EverySupportInstrumentKeepsTheHurdleAndConservation) {
    const Project p = smallProject();
    const PppAvailabilityTerms t = pppTerms();
    const SupportTerms all = allSupport();
    std::vector<SupportTerms> cases(9);
    cases[1].grants = all.grants;
    cases[2].constructionSubsidyShare = all.constructionSubsidyShare;
    cases[3].creditGuarantee = all.creditGuarantee;
    cases[4].taxIncentive = all.taxIncentive;
    cases[5].coInvestment = all.coInvestment;
    cases[6].taxIncrement = all.taxIncrement;
    cases[7].crowdfunding = all.crowdfunding;
    cases[8] = all;
    const double baseCharge = solvedCharge(evaluate(p, pppStructure(t)).outcome);
    for (std::size_t i = 0; i < cases.size(); ++i) {
        SCOPED_TRACE("support case " + std::to_string(i));
        const Evaluation e = evaluate(p, pppStructure(t, cases[i]));
        ASSERT_TRUE(e.equityIrr) << e.equityIrr.reason;
        EXPECT_NEAR(*e.equityIrr.value, 0.10, 1e-6);
        expectConserved(e.outcome, e.project);
        const double charge = solvedCharge(e.outcome);
        // Support that lowers the SPV's costs (grant to it, subsidy, cheaper debt, less tax) lowers the charge.
        if (i == 1 || i == 2 || i == 3 || i == 4 || i == 8) {
            EXPECT_LT(charge, baseCharge);
        }
        if (i == 5 || i == 6) {
            EXPECT_NEAR(charge, baseCharge, 1e-6 * baseCharge);
        }
    }
}

TEST(PppAvailability, SupportLinesByHand) {
    const Project p = smallProject();
    const StructureOutcome o = build(p, pppTerms(), allSupport());
    const Ledger& l = o.ledger;
    EXPECT_NEAR(l.lineTotal(Party::Government, LineKind::Grant)[0], 100.0, 1e-12);  // funders -> city
    EXPECT_NEAR(l.lineTotal(Party::Private, LineKind::Grant)[0], 50.0, 1e-12);      // funders -> SPV
    EXPECT_NEAR(l.lineTotal(Party::Private, LineKind::ConstructionSubsidy)[0], 200.0, 1e-12);  // 20% of 1000
    // The SPV's need is 1000 - 50 - 200 = 750: at most 80% = 600 is borrowed.
    EXPECT_LE(o.debt->amount, 600.0 + 1e-9);
    EXPECT_NEAR(o.debt->schedule.periodRate, 0.04, 1e-15);  // 5% less the guarantee's 1 point
    EXPECT_GT(total(l.lineTotal(Party::Government, LineKind::GuaranteeFee)), 0.0);
    EXPECT_EQ(l.lineTotal(Party::Government, LineKind::TaxIncrement), (std::vector<double>{0, 10, 10, 10, 10}));
    EXPECT_NEAR(l.lineTotal(Party::Private, LineKind::Drawdown)[0], o.debt->amount + 50.0, 1e-9);  // + crowd
    // The city holds 10% of the equity: it pays 10% of the SPV's equity at t0.
    const double injection = l.lineTotal(Party::Government, LineKind::EquityInjection)[0];
    EXPECT_LT(injection, 0.0);
    EXPECT_NEAR(-injection, 0.1 * -(l.partyFlows(Party::Private)[0] / 0.9), 1e-9);
    // 3+3: the operating years 1-3 pay no tax.
    for (std::size_t t = 1; t < 4; ++t) EXPECT_EQ(l.lineTotal(Party::Government, LineKind::Tax)[t], 0.0);
}

TEST(PppAvailability, MinimumRevenueGuaranteeIsNotApplicable) {
    SupportTerms s;
    s.minimumRevenueGuarantee = MinimumRevenueGuarantee{{{1, 4, 0.8}}, 0.5, {}};
    const StructureOutcome o = build(smallProject(), pppTerms(), s);
    EXPECT_TRUE(hasNote(o, "minimum revenue guarantee: not applicable, the city keeps demand risk"));
    EXPECT_EQ(total(o.ledger.lineTotal(Party::Private, LineKind::RevenueGuarantee)), 0.0);
}

// Demand risk stays with the city: a demand scenario changes the city's user charges, not the SPV.
TEST(PppAvailability, TheCityKeepsDemandRisk) {
    const Project p = smallProject();
    const Evaluation base = evaluate(p, pppStructure(pppTerms()));
    Scenario low;
    low.demandFactor = 0.6;
    const Evaluation e = evaluate(p, pppStructure(pppTerms()), low);
    EXPECT_NEAR(solvedCharge(e.outcome), solvedCharge(base.outcome), 1e-12);
    const auto spv = e.party(Party::Private).flows, spvBase = base.party(Party::Private).flows;
    for (std::size_t t = 0; t < spv.size(); ++t) EXPECT_NEAR(spv[t], spvBase[t], 1e-9);
    EXPECT_NEAR(e.outcome.ledger.lineTotal(Party::Government, LineKind::UserCharge)[1], 240.0, 1e-9);
    expectConserved(e.outcome, e.project);
}

// The charge and the debt are fixed at financial close on the forecast: a capex overrun falls on the
// SPV's equity (IRR below the hurdle, said in a note); an opex overrun cuts the DSCR below target.
TEST(PppAvailability, CostOverrunsFallOnTheSpv) {
    const Project p = smallProject();
    const Evaluation base = evaluate(p, pppStructure(pppTerms()));
    Scenario overrun;
    overrun.capexFactor = 1.2;
    const Evaluation e = evaluate(p, pppStructure(pppTerms()), overrun);
    EXPECT_NEAR(solvedCharge(e.outcome), solvedCharge(base.outcome), 1e-12);
    EXPECT_NEAR(e.outcome.debt->amount, base.outcome.debt->amount, 1e-9);
    ASSERT_TRUE(e.equityIrr);
    EXPECT_LT(*e.equityIrr.value, 0.10 - 1e-3);
    EXPECT_TRUE(hasNote(e.outcome, "is below the hurdle 10.00%"));
    expectConserved(e.outcome, e.project);

    Scenario opex;
    opex.opexFactor = 3.0;
    const Evaluation o = evaluate(p, pppStructure(pppTerms()), opex);
    ASSERT_TRUE(o.minDscr);
    EXPECT_LT(*o.minDscr, 1.3);
    EXPECT_TRUE(hasNote(o.outcome, "senior debt: minimum DSCR"));
}

// Documented outcomes when the solve has no interior root: support so large that no charge is
// needed -> 0; a 100% tax rate that no charge can beat -> no solved term, a stated charge, a note.
TEST(PppAvailability, NoRootGivesADocumentedOutcome) {
    const Project p = smallProject();
    SupportTerms rich;
    rich.grants = {{"fund", 3000.0, 0, true}};
    const StructureOutcome zero = build(p, pppTerms(), rich);
    EXPECT_EQ(solvedCharge(zero), 0.0);
    EXPECT_TRUE(hasNote(zero, "the solved charge is 0"));
    EXPECT_EQ(total(zero.ledger.lineTotal(Party::Private, LineKind::UnitaryCharge)), 0.0);

    Project taxed = smallProject();
    taxed.taxRate = 1.0;
    const StructureOutcome none = build(taxed, pppTerms());
    EXPECT_TRUE(none.solved.empty());
    EXPECT_TRUE(hasNote(none, "unitary charge: no charge up to"));
    EXPECT_TRUE(hasNote(none, "not feasible as specified"));
    EXPECT_GT(none.ledger.lineTotal(Party::Private, LineKind::UnitaryCharge)[1], 0.0);
    EXPECT_TRUE(hasNote(none, "is below the hurdle"));
    for (double x : none.ledger.partyFlows(Party::Private)) EXPECT_TRUE(std::isfinite(x));
}

TEST(PppAvailability, RejectsBadCrossFieldTerms) {
    const Project p = smallProject();
    PppAvailabilityTerms t = pppTerms();
    t.debt.tenorYears = 5;
    EXPECT_INPUT_ERROR(build(p, t), "terms.debt.tenor_years: got 5, expected 1 to 4 (the operating years)");
    t = pppTerms(-1.0);
    EXPECT_INPUT_ERROR(build(p, t), "terms.unitary_charge: got -1, expected an amount >= 0 per year (or none, to solve it)");
    t = pppTerms();
    t.indexation = 1.5;
    EXPECT_INPUT_ERROR(build(p, t), "terms.indexation: got 1.5, expected a share from 0 to 1");
    t = pppTerms();
    t.expectedDeductions = 1.0;
    EXPECT_INPUT_ERROR(build(p, t), "terms.expected_deductions: got 1, expected a share from 0 to below 1 (all of "
                                    "the charge deducted leaves no contract)");
    t = pppTerms();
    t.equityHurdle = -1.5;
    EXPECT_INPUT_ERROR(build(p, t), "terms.equity_hurdle: got -1.5, expected a finite rate above -1 (-100%)");
    t = pppTerms();
    t.debt.graceYears = 4;
    EXPECT_INPUT_ERROR(build(p, t), "terms.debt.grace_years: got 4, expected 0 to 3 (less than the tenor)");
}

// A one-year delay: no charge until the asset is in service, the charge and debt as agreed at close,
// so the SPV pays debt service from equity in the lost year and misses its hurdle.
TEST(PppAvailability, DelayDefersTheChargeAndHurtsTheSpv) {
    const Project p = smallProject();
    const StructureOutcome base = build(p, pppTerms());
    Scenario late;
    late.delayYears = 1;
    const StructureOutcome o = build(p, pppTerms(), {}, late);
    const auto paid = o.ledger.lineTotal(Party::Private, LineKind::UnitaryCharge);
    EXPECT_EQ(paid[1], 0.0);
    EXPECT_NEAR(paid[2], solvedCharge(base), 1e-9);
    EXPECT_NEAR(solvedCharge(o), solvedCharge(base), 1e-12);
    EXPECT_GT(o.ledger.lineTotal(Party::Lenders, LineKind::Principal)[1], 0.0);
    EXPECT_TRUE(hasNote(o, "is below the hurdle"));
    expectConserved(o, projectFlows(p, late));
}

namespace {

double irrOf(const std::vector<double>& flows) {
    const cityfin::finance::Answer irr = cityfin::finance::irr(flows);
    EXPECT_TRUE(irr.value.has_value()) << irr.reason;
    return irr.value.value_or(NAN);
}

} // namespace

// Property (the timing bug's test): on the ledger's timeline (all of year t's flows at time t) the
// lenders' net flows on the senior debt, drawn pro rata with the capex of each construction year and
// serviced from the first operating year, have an IRR equal to the loan rate: for any profile, grace,
// construction profile and cost scenario; with a credit guarantee, the lower rate (5% - 1% = 4%). With
// every support instrument the crowdfunding tranche lends at the same 4%, so all the lenders together
// still earn exactly 4%.
TEST(PppAvailability, LendersEarnExactlyTheSeniorDebtRateOnTheLedger) {
    Project twoYears = smallProject(5);
    twoYears.constructionYears = 2;
    twoYears.capex = {600.0, 400.0};
    PppAvailabilityTerms annuity = pppTerms();
    annuity.debt.profile = cityfin::finance::RepaymentProfile::Annuity;
    PppAvailabilityTerms grace = pppTerms();
    grace.debt.graceYears = 1;
    SupportTerms guarantee;
    guarantee.creditGuarantee = CreditGuarantee{0.01, 0.005};
    SupportTerms all = allSupport();
    all.crowdfunding->rate = 0.04;
    Scenario overrun;
    overrun.capexFactor = 1.2;
    overrun.opexFactor = 1.5;
    for (const Project& p : {smallProject(), twoYears})
        for (const PppAvailabilityTerms& t : {pppTerms(), annuity, grace})
            for (const SupportTerms& s : {SupportTerms{}, guarantee, all})
                for (const Scenario& scenario : {Scenario{}, overrun}) {
                    const StructureOutcome o = build(p, t, s, scenario);
                    ASSERT_TRUE(o.debt);
                    EXPECT_GT(o.debt->amount, 0.0);
                    EXPECT_NEAR(irrOf(o.ledger.partyFlows(Party::Lenders)), s.creditGuarantee ? 0.04 : 0.05, 1e-9)
                        << p.constructionYears << " construction years, grace " << t.debt.graceYears << ", capex x"
                        << scenario.capexFactor << (s.crowdfunding ? ", all support" : "");
                }
}
