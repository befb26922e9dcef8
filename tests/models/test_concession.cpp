// Concession on user fees (BOT, BTO, BOO): who pays whom, the variants, Korea's minimum revenue
// guarantee under demand scenarios worked by hand, every support instrument, notes, bad terms.

#include "../finance/expect_input_error.hpp"
#include "finance/metrics.hpp"
#include "fixtures_spv.hpp"
#include "plan_cases.hpp"
#include "models/evaluation.hpp"
#include "models/private_finance.hpp"
#include "models/structures/build.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

using namespace cityfin::models;
using namespace spv_fixtures;

namespace {

using Variant = ConcessionTerms::Variant;

ConcessionTerms concessionTerms(Variant variant = Variant::Bot, int tenor = 4) {
    ConcessionTerms t;
    t.variant = variant;
    t.debt.tenorYears = tenor;
    t.debt.gearingCap = 0.7;
    t.debt.rate = 0.05;
    t.debt.targetDscr = 1.3;
    return t;
}

Structure concession(ConcessionTerms terms, SupportTerms support = {}) {
    return Structure{"bot", "Concession", std::move(terms), std::move(support)};
}

StructureOutcome build(const Project& p, const ConcessionTerms& t, const SupportTerms& s = {},
                       const Scenario& scenario = {}) {
    return buildConcession(p, projectFlows(p, scenario), t, s);
}

double total(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

// Korea's scheme as in the seed's box 3 and PIMAC practice: 80% of forecast guaranteed in operating
// years 1-5, 70% in 6-10, nothing paid below 50% of forecast, half of revenue above 120% shared back.
MinimumRevenueGuarantee koreanMrg() {
    return MinimumRevenueGuarantee{{{1, 5, 0.8}, {6, 10, 0.7}}, 0.5, {{1.2, 0.5}}};
}

Scenario demand(double factor) {
    Scenario s;
    s.demandFactor = factor;
    return s;
}

} // namespace

// BOT with a 10% concession fee: the SPV collects the 400 of user charges, pays 40 to the city,
// keeps the market revenue (50) and the energy saved (30), pays opex 60 and lifecycle 40 (year 2):
// operating cash 380, 340, 380, 380. The asset, and its residual value of 100, go to the city.
TEST(Concession, WhoPaysWhomByHand) {
    const Project p = smallProject();
    const ProjectFlows flows = projectFlows(p);
    ConcessionTerms t = concessionTerms();
    t.concessionFeeShare = 0.1;
    const StructureOutcome o = buildConcession(p, flows, t, {});
    const Ledger& l = o.ledger;
    EXPECT_EQ(l.lineTotal(Party::Users, LineKind::UserCharge), (std::vector<double>{0, -400, -400, -400, -400}));
    EXPECT_EQ(l.lineTotal(Party::Private, LineKind::UserCharge), (std::vector<double>{0, 400, 400, 400, 400}));
    EXPECT_EQ(l.lineTotal(Party::Government, LineKind::RevenueShare), (std::vector<double>{0, 40, 40, 40, 40}));
    EXPECT_EQ(l.lineTotal(Party::Private, LineKind::OtherRevenue), (std::vector<double>{0, 50, 50, 50, 50}));
    EXPECT_NEAR(l.lineTotal(Party::Private, LineKind::EnergySavings)[3], 30.0, 1e-12);
    EXPECT_EQ(l.lineTotal(Party::Government, LineKind::ResidualValue), (std::vector<double>{0, 0, 0, 0, 100}));
    EXPECT_EQ(l.lineTotal(Party::Private, LineKind::ResidualValue), (std::vector<double>(5, 0.0)));
    EXPECT_EQ(l.lineTotal(Party::Government, LineKind::UnitaryCharge), (std::vector<double>(5, 0.0)));
    EXPECT_TRUE(o.solved.empty());
    EXPECT_DOUBLE_EQ(o.privateRate, 0.10);

    PrivateFinanceInputs in;
    in.capex = {1000, 0, 0, 0, 0};
    in.upfrontSupport.assign(5, 0.0);
    in.operatingCash = {0, 380, 340, 380, 380};
    in.debt = t.debt;
    in.taxRate = 0.25;
    in.depreciationYears = 4;
    const PrivateFinance f = financePrivateParty(in);
    const std::vector<double> equity = equityFlows(in, f);
    const std::vector<double> spv = l.partyFlows(Party::Private);
    for (std::size_t k = 0; k < 5; ++k) EXPECT_NEAR(spv[k], equity[k], 1e-9) << k;
    EXPECT_NEAR(o.debt->amount, f.debt->amount, 1e-12);
    EXPECT_EQ(l.lineTotal(Party::Government, LineKind::Tax), f.tax);
    expectConserved(o, flows);
}

// No debt (gearing 0), tax life 8 years against a 4-year concession, no fee. Operating cash 420
// (380 in year 2). BOT and BOO own the asset: depreciation 1000 / 8 = 125, tax 25% x (420 - 125) =
// 73.75 (63.75 in year 2). BTO: the city owns the asset from completion; the SPV amortises its
// operating right over the 4 operating years: 250, tax 42.5 (32.5). BOO keeps the residual value.
TEST(Concession, VariantsDifferInResidualAndTaxLife) {
    Project p = smallProject();
    p.depreciationYears = 8;
    const ProjectFlows flows = projectFlows(p);
    std::vector<StructureOutcome> outcomes;
    for (Variant v : {Variant::Bot, Variant::Bto, Variant::Boo}) {
        ConcessionTerms t = concessionTerms(v);
        t.debt.gearingCap = 0.0;
        outcomes.push_back(buildConcession(p, flows, t, {}));
        expectConserved(outcomes.back(), flows);
        EXPECT_EQ(outcomes.back().debt->amount, 0.0);
    }
    const auto tax = [](const StructureOutcome& o) { return o.ledger.lineTotal(Party::Government, LineKind::Tax); };
    const std::vector<double> owned{0, 73.75, 63.75, 73.75, 73.75}, right{0, 42.5, 32.5, 42.5, 42.5};
    for (std::size_t t = 0; t < 5; ++t) {
        EXPECT_NEAR(tax(outcomes[0])[t], owned[t], 1e-9);
        EXPECT_NEAR(tax(outcomes[1])[t], right[t], 1e-9);
        EXPECT_NEAR(tax(outcomes[2])[t], owned[t], 1e-9);
    }
    const auto residual = [](const StructureOutcome& o, Party party) {
        return o.ledger.lineTotal(party, LineKind::ResidualValue)[4];
    };
    EXPECT_EQ(residual(outcomes[0], Party::Government), 100.0);
    EXPECT_EQ(residual(outcomes[1], Party::Government), 100.0);
    EXPECT_EQ(residual(outcomes[2], Party::Private), 100.0);
    EXPECT_EQ(residual(outcomes[2], Party::Government), 0.0);
    const auto bot = outcomes[0].ledger.partyFlows(Party::Private);
    const auto boo = outcomes[2].ledger.partyFlows(Party::Private);
    for (std::size_t t = 0; t < 5; ++t) EXPECT_NEAR(boo[t] - bot[t], t == 4 ? 100.0 : 0.0, 1e-9);
}

// Korea's MRG on a 10-year concession with forecast user charges of 400 a year.
// Demand 0.6 -> 240: the city pays 0.8 x 400 - 240 = 80 in years 1-5, 0.7 x 400 - 240 = 40 in 6-10.
// Demand 0.45 -> 180, below 50% of forecast (200): nothing. Demand 1.3 -> 520, above 120% (480):
// the SPV pays back 50% x 40 = 20 a year.
TEST(Concession, KoreanMinimumRevenueGuaranteeByHand) {
    const Project p = smallProject(10);
    const ConcessionTerms t = concessionTerms(Variant::Bot, 10);
    SupportTerms s;
    s.minimumRevenueGuarantee = koreanMrg();
    const auto paid = [&](double factor) {
        return build(p, t, s, demand(factor)).ledger.lineTotal(Party::Private, LineKind::RevenueGuarantee);
    };
    const auto clawed = [&](double factor) {
        return build(p, t, s, demand(factor)).ledger.lineTotal(Party::Government, LineKind::RevenueClawback);
    };
    const std::vector<double> low = paid(0.6);
    EXPECT_EQ(low[0], 0.0);
    for (std::size_t k = 1; k <= 5; ++k) EXPECT_NEAR(low[k], 80.0, 1e-9) << k;
    for (std::size_t k = 6; k <= 10; ++k) EXPECT_NEAR(low[k], 40.0, 1e-9) << k;
    EXPECT_EQ(total(clawed(0.6)), 0.0);
    EXPECT_EQ(total(paid(0.45)), 0.0);
    EXPECT_EQ(total(paid(1.3)), 0.0);
    const std::vector<double> high = clawed(1.3);
    for (std::size_t k = 1; k <= 10; ++k) EXPECT_NEAR(high[k], 20.0, 1e-9) << k;
    EXPECT_EQ(total(paid(1.0)) + total(clawed(1.0)), 0.0);  // on forecast: neither
    for (double factor : {0.45, 0.6, 1.0, 1.3}) {
        SCOPED_TRACE(factor);
        const Scenario scenario = demand(factor);
        expectConserved(build(p, t, s, scenario), projectFlows(p, scenario));
    }
}

TEST(Concession, TheGuaranteeCoversLostDemandNotLostServiceByHand) {
    // Forecast revenue 400 a year, 80% guaranteed in years 1-5, nothing below 50%. Service 25%
    // unavailable: the operator collects 0.75 of what drivers would pay. With demand at 0.6 it
    // collects 0.45 x 400 = 180, yet the guarantee is tested on the 240 the demand would have paid:
    // it pays 320 - 240 = 80, as with full service (not 140, and not nothing for falling below
    // 50%). With demand as forecast and 30% of the service lost it pays nothing; with no service at
    // all, nothing either. The operator bears its own unavailability.
    const Project p = smallProject(10);
    const ConcessionTerms t = concessionTerms(Variant::Bot, 10);
    SupportTerms s;
    s.minimumRevenueGuarantee = koreanMrg();
    const auto paidInYearOne = [&](double factor, double unavailable) {
        Scenario sc = demand(factor);
        sc.availabilityShortfall = unavailable;
        return build(p, t, s, sc).ledger.lineTotal(Party::Private, LineKind::RevenueGuarantee)[1];
    };
    EXPECT_NEAR(paidInYearOne(0.6, 0.25), 80.0, 1e-9);
    EXPECT_NEAR(paidInYearOne(0.6, 0.0), 80.0, 1e-9);
    EXPECT_EQ(paidInYearOne(1.0, 0.3), 0.0);
    EXPECT_EQ(paidInYearOne(0.6, 1.0), 0.0);
    Scenario both = demand(0.6);
    both.availabilityShortfall = 0.25;
    expectConserved(build(p, t, s, both), projectFlows(p, both));
}

// The guarantee enters the SPV's operating cash: in the 0.6 downside it lifts CFADS and the DSCR,
// while the debt stays as the lenders sized it on the forecast (the MRG pays nothing there). The
// debt is sized on the DSCR (gearing cap 95%, 3-year tenor), so the downside breaks the target.
TEST(Concession, GuaranteeRaisesCfadsInADownsideButNotTheDebt) {
    const Project p = smallProject(10);
    ConcessionTerms t = concessionTerms(Variant::Bot, 3);
    t.debt.gearingCap = 0.95;
    SupportTerms s;
    s.minimumRevenueGuarantee = koreanMrg();
    const Evaluation base = evaluate(p, concession(t, s));
    const Evaluation with = evaluate(p, concession(t, s), demand(0.6));
    const Evaluation without = evaluate(p, concession(t), demand(0.6));
    EXPECT_NEAR(with.outcome.debt->amount, base.outcome.debt->amount, 1e-9);
    EXPECT_NEAR(without.outcome.debt->amount, base.outcome.debt->amount, 1e-9);
    EXPECT_EQ(*base.outcome.debt->sizingConstraint, "dscr");
    ASSERT_TRUE(with.minDscr && without.minDscr);
    EXPECT_GT(*with.minDscr, *without.minDscr);
    EXPECT_LT(*without.minDscr, 1.3);
    EXPECT_GT(*with.equityIrr.value, *without.equityIrr.value);
    EXPECT_NEAR(with.guaranteePayments, 5 * 80.0 + 5 * 40.0, 1e-9);
}

// A downside without support: the equity IRR falls below the hurdle and the DSCR below target; both
// are said in notes. A rich tariff meets the hurdle: no note.
TEST(Concession, NotesWhenEquityOrCoverFallShort) {
    const Project p = smallProject();
    const StructureOutcome low = build(p, concessionTerms(), {}, demand(0.6));
    EXPECT_TRUE(hasNote(low, "is below the hurdle 10.00%"));
    EXPECT_TRUE(hasNote(low, "senior debt: minimum DSCR"));
    Project rich = smallProject();
    rich.revenues[0].unitPrice = 0.8;
    const Evaluation e = evaluate(rich, concession(concessionTerms()));
    ASSERT_TRUE(e.equityIrr);
    EXPECT_GT(*e.equityIrr.value, 0.10);
    EXPECT_TRUE(e.outcome.notes.empty()) << e.outcome.notes.front();
}

// Every support instrument, with every variant: money conserved, and each instrument's mark.
TEST(Concession, EverySupportInstrumentWithEveryVariant) {
    const Project p = smallProject(10);
    SupportTerms all = allSupport();
    all.minimumRevenueGuarantee = koreanMrg();
    for (Variant v : {Variant::Bot, Variant::Bto, Variant::Boo}) {
        SCOPED_TRACE(static_cast<int>(v));
        const ConcessionTerms t = concessionTerms(v, 10);
        const Evaluation plain = evaluate(p, concession(t), demand(0.6));
        const Evaluation e = evaluate(p, concession(t, all), demand(0.6));
        expectConserved(e.outcome, e.project);
        const Ledger& l = e.outcome.ledger;
        EXPECT_NEAR(l.lineTotal(Party::Government, LineKind::Grant)[0], 100.0, 1e-12);
        EXPECT_NEAR(l.lineTotal(Party::Private, LineKind::Grant)[0], 50.0, 1e-12);
        EXPECT_NEAR(l.lineTotal(Party::Private, LineKind::ConstructionSubsidy)[0], 200.0, 1e-12);
        EXPECT_LT(e.outcome.debt->amount, plain.outcome.debt->amount);  // need 750 instead of 1000
        EXPECT_NEAR(e.outcome.debt->schedule.periodRate, 0.04, 1e-15);
        EXPECT_GT(total(l.lineTotal(Party::Government, LineKind::GuaranteeFee)), 0.0);
        EXPECT_NEAR(l.lineTotal(Party::Government, LineKind::TaxIncrement)[5], 10.0, 1e-12);
        EXPECT_NEAR(l.lineTotal(Party::Lenders, LineKind::Drawdown)[0], -(e.outcome.debt->amount + 50.0), 1e-9);
        EXPECT_GT(total(l.lineTotal(Party::Private, LineKind::RevenueGuarantee)), 0.0);
        const double injection = -l.lineTotal(Party::Government, LineKind::EquityInjection)[0];
        EXPECT_NEAR(injection, 0.1 * -(l.partyFlows(Party::Private)[0] / 0.9), 1e-9);
        EXPECT_GT(*e.equityIrr.value, *plain.equityIrr.value);
    }
}

// Lenders size at financial close on the base case, its construction subsidy included (Yescombe,
// ch. 13): with a 30% subsidy, an overrun of 20% brings 20% more subsidy but the same debt; the
// equity funds the rest of the overrun (0.7 x 200 = 140 at t0), and an underspend of 10% the
// other way (equity pays 0.7 x 100 = 70 less), the debt still as sized on the forecast.
TEST(Concession, ActualSubsidyChangesTheSourcesOfFundsNotTheDebtSizedAtClose) {
    const Project p = smallProject(10);
    const ConcessionTerms t = concessionTerms(Variant::Bot, 10);
    SupportTerms subsidy;
    subsidy.constructionSubsidyShare = 0.3;
    const StructureOutcome base = build(p, t, subsidy);
    for (double factor : {1.2, 0.9}) {
        SCOPED_TRACE(factor);
        Scenario s;
        s.capexFactor = factor;
        const StructureOutcome o = build(p, t, subsidy, s);
        EXPECT_NEAR(o.ledger.lineTotal(Party::Private, LineKind::ConstructionSubsidy)[0], 300.0 * factor, 1e-9);
        EXPECT_NEAR(o.debt->amount, base.debt->amount, 1e-9);
        EXPECT_NEAR(o.ledger.partyFlows(Party::Private)[0] - base.ledger.partyFlows(Party::Private)[0],
                    -0.7 * 1000.0 * (factor - 1.0), 1e-9);
    }
}

// The 3+3 incentive and a credit guarantee on their own raise the equity's value.
TEST(Concession, TaxIncentiveAndCreditGuaranteeRaiseEquityValue) {
    const Project p = smallProject(10);
    const ConcessionTerms t = concessionTerms(Variant::Bot, 10);
    const Evaluation plain = evaluate(p, concession(t));
    SupportTerms tax;
    tax.taxIncentive = TaxIncentive{true, std::nullopt};
    const Evaluation withTax = evaluate(p, concession(t, tax));
    EXPECT_LT(total(withTax.outcome.ledger.lineTotal(Party::Government, LineKind::Tax)),
              total(plain.outcome.ledger.lineTotal(Party::Government, LineKind::Tax)));
    EXPECT_GT(withTax.party(Party::Private).npv, plain.party(Party::Private).npv);
    SupportTerms credit;
    credit.creditGuarantee = CreditGuarantee{0.02, 0.0};
    const Evaluation cheaper = evaluate(p, concession(t, credit));
    EXPECT_GT(cheaper.party(Party::Private).npv, plain.party(Party::Private).npv);
    expectConserved(cheaper.outcome, cheaper.project);
}

TEST(Concession, RejectsBadCrossFieldTerms) {
    const Project p = smallProject();
    ConcessionTerms t = concessionTerms(Variant::Bot, 5);
    EXPECT_INPUT_ERROR(build(p, t), "terms.debt.tenor_years: got 5, expected 1 to 4 (the operating years)");
    t = concessionTerms();
    t.concessionFeeShare = 1.5;
    EXPECT_INPUT_ERROR(build(p, t), "terms.concession_fee_share: got 1.5, expected a share from 0 to 1");
    t = concessionTerms();
    t.equityHurdle = std::nan("");
    EXPECT_INPUT_ERROR(build(p, t), "terms.equity_hurdle: got NaN, expected a finite rate above -1 (-100%)");
    SupportTerms s;
    s.minimumRevenueGuarantee = koreanMrg();  // bands to year 10 on a 4-year concession
    EXPECT_INPUT_ERROR(build(p, concessionTerms(), s),
                       "support.minimum_revenue_guarantee.bands[0]: got 1-5, expected operating years within 1-4, "
                       "from <= to");
    const ProjectFlows other = projectFlows(smallProject(5));
    EXPECT_INPUT_ERROR(buildConcession(p, other, concessionTerms(), {}),
                       "flows: got 6 periods, expected the project's 5 periods (1 construction years)");
}

namespace {

double irrOf(const std::vector<double>& flows) {
    const cityfin::finance::Answer irr = cityfin::finance::irr(flows);
    EXPECT_TRUE(irr.value.has_value()) << irr.reason;
    return irr.value.value_or(NAN);
}

} // namespace

// Property (the timing bug's test): on the ledger's timeline (all of year t's flows at time t) the
// lenders' net flows on the concession's senior debt have an IRR equal to the loan rate, in every
// variant, for any profile or grace, over one or two construction years, in a demand downside (the
// sculpted service stays as sized); with a credit guarantee, the lower rate (5% - 1% = 4%), and with
// every support instrument (crowdfunding lending at the same 4%) all the lenders together earn 4%.
TEST(Concession, LendersEarnExactlyTheSeniorDebtRateOnTheLedger) {
    Project twoYears = smallProject(10);
    twoYears.constructionYears = 2;
    twoYears.capex = {600.0, 400.0};
    ConcessionTerms annuity = concessionTerms(Variant::Bto, 6);
    annuity.debt.profile = cityfin::finance::RepaymentProfile::Annuity;
    ConcessionTerms grace = concessionTerms(Variant::Boo, 6);
    grace.debt.graceYears = 2;
    SupportTerms guarantee;
    guarantee.creditGuarantee = CreditGuarantee{0.01, 0.005};
    SupportTerms all = allSupport();
    all.crowdfunding->rate = 0.04;
    all.minimumRevenueGuarantee = koreanMrg();
    for (const Project& p : {smallProject(10), twoYears})
        for (const ConcessionTerms& t : {concessionTerms(Variant::Bot, 6), annuity, grace})
            for (const SupportTerms& s : {SupportTerms{}, guarantee, all})
                for (const double factor : {1.0, 0.7}) {
                    const StructureOutcome o = build(p, t, s, demand(factor));
                    ASSERT_TRUE(o.debt);
                    EXPECT_GT(o.debt->amount, 0.0);
                    EXPECT_NEAR(irrOf(o.ledger.partyFlows(Party::Lenders)), s.creditGuarantee ? 0.04 : 0.05, 1e-9)
                        << p.constructionYears << " construction years, grace " << t.debt.graceYears << ", demand x"
                        << factor << (s.crowdfunding ? ", all support" : "");
                }
}

TEST(Concession, DebtNotesNameTheCalendarYearNotTheFinanceLayersPeriod) {
    // Qianhai's BOT (start 2027, two years' construction): CFADS is negative in the ramp-up year 2029
    // (period 2) and in 2036, the lifecycle replacement (period 9).
    const auto c = cityfin::test::qianhai();
    const auto bot = std::find_if(c.structures.begin(), c.structures.end(), [](const Structure& s) { return s.id == "bot"; });
    ASSERT_NE(bot, c.structures.end());
    const Evaluation e = evaluate(c.project, *bot);
    EXPECT_TRUE(hasNote(e.outcome, "senior debt: in 2029, CFADS -2,260,323 is negative and adds nothing to the debt capacity"));
    EXPECT_TRUE(hasNote(e.outcome, "senior debt: in 2036, CFADS -15,890,351 is negative; no debt service that year, its "
                                   "interest is capitalised"));
    for (const std::string& note : e.outcome.notes) EXPECT_EQ(note.find("period "), std::string::npos) << note;
}
