// Private finance of an SPV: debt sizing, sculpting, tax, incentives, credit guarantee, equity flows,
// and the forecast/actual split. Expected values are worked by hand in the comments (annuity and PV
// arithmetic at round rates), never copied from the code's output.

#include "../finance/expect_input_error.hpp"
#include "models/private_finance.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

using namespace cityfin::models;

namespace {

constexpr double kTol = 1e-9;

// One construction year (capex 1000 at t0), three operating years of cash; no tax unless set.
// Timing (the model's: all of year t's flows at time t): the loan is drawn with the capex at t0, the
// end of the construction year, and earns interest from then on; with one construction year nothing is
// capitalised, and the debt service falls at t1, t2, t3.
PrivateFinanceInputs threeYearProject(std::vector<double> cash, double gearing, double rate = 0.10) {
    PrivateFinanceInputs in;
    in.capex = {1000.0, 0.0, 0.0, 0.0};
    in.upfrontSupport = {0.0, 0.0, 0.0, 0.0};
    in.operatingCash = std::move(cash);
    in.constructionYears = 1;
    DebtFinancing d;
    d.gearingCap = gearing;
    d.rate = rate;
    d.tenorYears = 3;
    d.targetDscr = 1.3;
    in.debt = d;
    in.taxRate = 0.0;
    in.depreciationYears = 3;
    return in;
}

// Level payment of a loan B over m years at r (PMT): B r / (1 - (1 + r)^-m).
double annuity(double b, double r, int m) { return b * r / (1.0 - std::pow(1.0 + r, -m)); }

double sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

} // namespace

// Gearing 60% of 1000 = 600 drawn at t0 (end of the construction year): no interest before t0, so
// 600 to repay. DSCR capacity = PV(500/1.3 over 3 years at 10%) = 384.615 x 2.486852 = 956.48 at t0:
// gearing binds. Level CFADS -> the sculpted service is the annuity of 600: 600 x 0.4021148 =
// 241.2689, and DSCR = 500 / 241.2689 = 2.07238 in every year.
TEST(PrivateFinance, GearingBoundSizingByHand) {
    const PrivateFinance f = financePrivateParty(threeYearProject({0.0, 500.0, 500.0, 500.0}, 0.6));
    ASSERT_TRUE(f.debt);
    EXPECT_EQ(*f.debt->sizingConstraint, "gearing");
    EXPECT_NEAR(f.debt->amount, 600.0, kTol);
    EXPECT_NEAR(f.drawdown[0], 600.0, kTol);
    EXPECT_NEAR(f.debt->schedule.capitalisedInterest[0], 0.0, kTol);
    const double service = annuity(600.0, 0.10, 3);
    EXPECT_NEAR(service, 241.2689, 1e-4);
    for (std::size_t t = 1; t < 4; ++t) {
        EXPECT_NEAR(f.interestPaid[t] + f.principal[t], service, 1e-9);
        EXPECT_NEAR(*f.debt->cover->dscr[t], 500.0 / service, 1e-9);
    }
    EXPECT_NEAR(*f.debt->cover->minDscr, 2.07238, 1e-5);
    EXPECT_NEAR(sum(f.principal), 600.0, 1e-9);
    EXPECT_EQ(f.debt->schedule.closingBalance.back(), 0.0);
}

// CFADS 200, 300, 400; gearing 90% (900) does not bind. Capacity at t0, the end of construction:
// (200/1.1 + 300/1.21 + 400/1.331) / 1.3 = 730.2780 / 1.3 = 561.7523, all drawn at t0 (no interest
// before repayment). Sculpted service = CFADS / 1.3: 153.846, 230.769, 307.692; DSCR 1.3 each year;
// the loan is repaid exactly (principal sums to the 561.7523 drawn).
TEST(PrivateFinance, DscrBoundSizingSculptsToTheTargetAndRepaysExactly) {
    const PrivateFinanceInputs in = threeYearProject({0.0, 200.0, 300.0, 400.0}, 0.9);
    const PrivateFinance f = financePrivateParty(in);
    ASSERT_TRUE(f.debt);
    EXPECT_EQ(*f.debt->sizingConstraint, "dscr");
    const double capacity = (200.0 / 1.1 + 300.0 / 1.21 + 400.0 / 1.331) / 1.3;
    EXPECT_NEAR(capacity, 561.7523, 1e-4);
    EXPECT_NEAR(f.debt->amount, capacity, 1e-9);
    EXPECT_EQ(f.debt->schedule.capitalisedInterest[0], 0.0);
    for (std::size_t t = 1; t < 4; ++t) {
        EXPECT_NEAR(f.interestPaid[t] + f.principal[t], in.operatingCash[t] / 1.3, 1e-9) << t;
        EXPECT_NEAR(*f.debt->cover->dscr[t], 1.3, 1e-9) << t;
    }
    EXPECT_NEAR(sum(f.principal), capacity, 1e-9);
    EXPECT_EQ(f.debt->schedule.closingBalance.back(), 0.0);
    EXPECT_NEAR(*f.debt->cover->minDscr, 1.3, 1e-9);
}

// A grace year: tenor 3 with 1 interest-only year. Only the 2 amortising years size the debt:
// capacity at t1 (one period before the first amortising payment at t2) = 300/1.25 x (1/1.1 + 1/1.21)
// = 240 x 1.735537 = 416.529; the balance is flat through grace and nothing is capitalised before it
// (drawn at t0), so 416.529 is drawn. Period 1 pays interest only: 41.6529.
TEST(PrivateFinance, GraceYearsAreInterestOnlyAndNotSizedOn) {
    PrivateFinanceInputs in = threeYearProject({0.0, 300.0, 300.0, 300.0}, 1.0);
    in.debt->graceYears = 1;
    in.debt->targetDscr = 1.25;
    const PrivateFinance f = financePrivateParty(in);
    const double capacity = 240.0 * (1.0 / 1.1 + 1.0 / 1.21);
    EXPECT_NEAR(f.debt->amount, capacity, 1e-9);
    EXPECT_NEAR(f.interestPaid[1], 0.1 * capacity, 1e-9);
    EXPECT_EQ(f.principal[1], 0.0);
    EXPECT_NEAR(f.interestPaid[2] + f.principal[2], 240.0, 1e-9);
    EXPECT_NEAR(f.interestPaid[3] + f.principal[3], 240.0, 1e-9);
    EXPECT_EQ(f.debt->schedule.closingBalance.back(), 0.0);
}

// Tax with depreciation and interest, on an annuity loan fixed by gearing (so no fixed point is
// involved): 600 drawn at t0, nothing capitalised -> 600 repaid by PMT(10%, 3) = 241.2689. The
// depreciable base is the capex of 1000 over 3 years = 333.333 a year. Interest: 60, 41.8731,
// 21.9335 (10% of the opening balances 600, 418.7311, 219.3353). Tax = 25% x (500 - 333.333 - I).
TEST(PrivateFinance, TaxAfterDepreciationAndInterestByHand) {
    PrivateFinanceInputs in = threeYearProject({0.0, 500.0, 500.0, 500.0}, 0.6);
    in.debt->profile = cityfin::finance::RepaymentProfile::Annuity;
    in.taxRate = 0.25;
    const PrivateFinance f = financePrivateParty(in);
    ASSERT_EQ(*f.debt->sizingConstraint, "gearing");
    const double service = annuity(600.0, 0.10, 3);
    double balance = 600.0;
    EXPECT_EQ(f.tax[0], 0.0);
    for (std::size_t t = 1; t < 4; ++t) {
        const double interest = 0.10 * balance;
        balance -= service - interest;
        EXPECT_NEAR(f.interestPaid[t], interest, 1e-9);
        EXPECT_NEAR(f.tax[t], 0.25 * (500.0 - 1000.0 / 3.0 - interest), 1e-9) << t;
        EXPECT_NEAR(f.cfads[t], 500.0 - f.tax[t], 1e-9);
    }
    EXPECT_NEAR(f.tax[1], 0.25 * (500.0 - 333.3333333333 - 60.0), 1e-6);  // 26.6667
    EXPECT_NEAR(f.tax[3], 0.25 * (500.0 - 333.3333333333 - 21.9335), 1e-4);  // 36.1833
}

// The tax fixed point with sculpting: the debt is sized on CFADS after the tax its own interest
// leaves. At the fixed point every amortising year has service = CFADS / 1.3, and the tax is 25% of
// (cash - depreciation - interest) of that same schedule, after the losses carried forward.
TEST(PrivateFinance, SculptedDebtAndTaxReachTheirFixedPoint) {
    PrivateFinanceInputs in = threeYearProject({0.0, 200.0, 300.0, 400.0}, 0.9);
    in.taxRate = 0.25;
    const PrivateFinance f = financePrivateParty(in);
    EXPECT_EQ(*f.debt->sizingConstraint, "dscr");
    EXPECT_LT(f.rounds, 30);
    const double capitalised = f.debt->schedule.capitalisedInterest[0];
    double losses = 0.0;
    for (std::size_t t = 1; t < 4; ++t) {
        const double profit = in.operatingCash[t] - (1000.0 + capitalised) / 3.0 - f.interestPaid[t];
        const double used = profit > 0.0 ? std::min(losses, profit) : 0.0;
        losses += profit < 0.0 ? -profit : -used;
        EXPECT_NEAR(f.tax[t], 0.25 * std::max(0.0, profit - used), 1e-6) << t;
        EXPECT_NEAR(*f.debt->cover->dscr[t], 1.3, 1e-6) << t;
    }
    EXPECT_EQ(f.debt->schedule.closingBalance.back(), 0.0);
}

// China's 3+3 (EIT art. 27): equity only, capex 800, cash 300 a year for 8 years, depreciation 100 a
// year: profit 200. Years 1-3 exempt, 4-6 at half of 25% (25 each), 7-8 at 25% (50 each).
// Straight-line depreciation from the start of operation, whatever the construction year of the
// cost: 600 + 400 over two construction years depreciate as 1000 over 3 years from period 2 (net of
// a 100 grant: 900, 300 a year); a cost after the start of operation (200 in period 3) depreciates
// from its own period, 200 / 3 a year. No debt, tax 25% on cash 500.
TEST(PrivateFinance, DepreciationStartsWithOperationForEveryConstructionYearAndLaterCostsOnTheirOwn) {
    PrivateFinanceInputs in;
    in.capex = {600.0, 400.0, 0.0, 0.0, 0.0, 0.0};
    in.upfrontSupport = {100.0, 0.0, 0.0, 0.0, 0.0, 0.0};
    in.operatingCash = {0.0, 0.0, 500.0, 500.0, 500.0, 500.0};
    in.constructionYears = 2;
    in.taxRate = 0.25;
    in.depreciationYears = 3;
    const PrivateFinance f = financePrivateParty(in);
    const std::vector<double> depreciation{0.0, 0.0, 300.0, 300.0, 300.0, 0.0};
    for (std::size_t t = 0; t < 6; ++t) EXPECT_NEAR(f.tax[t], 0.25 * (in.operatingCash[t] - depreciation[t]), 1e-9) << t;
    in.capex[3] = 200.0;
    const PrivateFinance later = financePrivateParty(in);
    const std::vector<double> withLater{0.0, 0.0, 300.0, 300.0 + 200.0 / 3.0, 300.0 + 200.0 / 3.0, 200.0 / 3.0};
    for (std::size_t t = 0; t < 6; ++t)
        EXPECT_NEAR(later.tax[t], 0.25 * (in.operatingCash[t] - withLater[t]), 1e-9) << t;
}

TEST(PrivateFinance, ThreeYearsExemptThreeYearsHalf) {
    PrivateFinanceInputs in;
    in.capex.assign(9, 0.0);
    in.capex[0] = 800.0;
    in.upfrontSupport.assign(9, 0.0);
    in.operatingCash.assign(9, 300.0);
    in.operatingCash[0] = 0.0;
    in.taxRate = 0.25;
    in.depreciationYears = 8;
    in.taxIncentive = TaxIncentive{true, std::nullopt};
    const PrivateFinance f = financePrivateParty(in);
    EXPECT_FALSE(f.debt);
    const std::vector<double> expected{0.0, 0.0, 0.0, 0.0, 25.0, 25.0, 25.0, 50.0, 50.0};
    for (std::size_t t = 0; t < 9; ++t) EXPECT_NEAR(f.tax[t], expected[t], 1e-9) << t;
    // A reduced rate of 15% with the holiday: half of 15% then 15%.
    in.taxIncentive->reducedRate = 0.15;
    const PrivateFinance g = financePrivateParty(in);
    EXPECT_NEAR(g.tax[4], 15.0, 1e-9);
    EXPECT_NEAR(g.tax[8], 30.0, 1e-9);
    EXPECT_EQ(g.tax[3], 0.0);
}

// Grants and subsidies reduce the funding need (and so the gearing limit) and the depreciable base:
// subsidy 400 of 1000 -> need 600, 60% geared = 360 drawn at t0 (nothing capitalised); depreciation
// 600 / 3 = 200; interest in year 1 = 36: tax = 25% x (500 - 200 - 36) = 66.
TEST(PrivateFinance, UpfrontSupportReducesTheNeedAndTheTaxBase) {
    PrivateFinanceInputs in = threeYearProject({0.0, 500.0, 500.0, 500.0}, 0.6);
    in.upfrontSupport[0] = 400.0;
    in.debt->profile = cityfin::finance::RepaymentProfile::Annuity;
    in.taxRate = 0.25;
    const PrivateFinance f = financePrivateParty(in);
    EXPECT_NEAR(f.debt->amount, 360.0, 1e-9);
    EXPECT_NEAR(f.tax[1], 66.0, 1e-9);
}

// A credit guarantee of 2 points lowers 10% to 8%: 600 drawn at t0 is repaid by PMT(8%, 3) =
// 600 x 0.3880335 = 232.8201. The fee of 0.5% a year is on the balance outstanding during each
// period: nothing in the construction year (the loan is drawn at its end), 0.005 x 600 = 3 in year 1,
// 0.005 x (600 - (232.8201 - 48)) = 2.0759 in year 2, ...; it is deducted from CFADS.
TEST(PrivateFinance, CreditGuaranteeLowersTheRateAndChargesItsFee) {
    PrivateFinanceInputs in = threeYearProject({0.0, 500.0, 500.0, 500.0}, 0.6);
    in.debt->profile = cityfin::finance::RepaymentProfile::Annuity;
    in.rateReduction = 0.02;
    in.guaranteeFeeRate = 0.005;
    const PrivateFinance f = financePrivateParty(in);
    EXPECT_NEAR(f.debt->schedule.periodRate, 0.08, 1e-15);
    EXPECT_NEAR(f.debt->schedule.capitalisedInterest[0], 0.0, 1e-9);
    EXPECT_EQ(f.guaranteeFee[0], 0.0);
    EXPECT_NEAR(f.guaranteeFee[1], 3.0, 1e-9);
    const double service = annuity(600.0, 0.08, 3);
    EXPECT_NEAR(service, 232.8201, 1e-4);
    EXPECT_NEAR(f.guaranteeFee[2], 0.005 * (600.0 - (service - 0.08 * 600.0)), 1e-9);
    EXPECT_NEAR(f.guaranteeFee[2], 2.0759, 1e-4);
    EXPECT_NEAR(f.interestPaid[1] + f.principal[1], service, 1e-9);
    for (std::size_t t = 0; t < 4; ++t) EXPECT_NEAR(f.cfads[t], in.operatingCash[t] - f.guaranteeFee[t], 1e-12);
}

// Equity = support + drawdown - capex + operating cash - tax - fee - interest - principal, period by
// period, in a case with everything switched on.
TEST(PrivateFinance, EquityFlowsAreTheSumOfTheParts) {
    PrivateFinanceInputs in;
    in.capex = {600.0, 400.0, 0.0, 0.0, 0.0, 0.0, 0.0};
    in.upfrontSupport = {100.0, 50.0, 0.0, 0.0, 20.0, 0.0, 0.0};
    in.operatingCash = {0.0, 0.0, 250.0, 260.0, -30.0, 280.0, 290.0};
    in.constructionYears = 2;
    in.debt = DebtFinancing{0.8, 0.06, 5, 1.3, 1, cityfin::finance::RepaymentProfile::Sculpted};
    in.taxRate = 0.25;
    in.depreciationYears = 5;
    in.taxIncentive = TaxIncentive{true, std::nullopt};
    in.guaranteeFeeRate = 0.004;
    in.rateReduction = 0.01;
    const PrivateFinance f = financePrivateParty(in);
    const std::vector<double> equity = equityFlows(in, f);
    for (std::size_t t = 0; t < equity.size(); ++t) {
        const double parts = in.upfrontSupport[t] + f.drawdown[t] - in.capex[t] + in.operatingCash[t] - f.tax[t] -
                             f.guaranteeFee[t] - f.interestPaid[t] - f.principal[t];
        EXPECT_NEAR(equity[t], parts, 1e-9) << t;
        EXPECT_TRUE(std::isfinite(equity[t]));
    }
    EXPECT_EQ(f.debt->schedule.closingBalance.back(), 0.0);
}

// No positive CFADS: no debt capacity, no debt, no NaN anywhere; zero CFADS alike.
TEST(PrivateFinance, ZeroOrNegativeCashGivesNoDebtAndNoNan) {
    for (const double cash : {0.0, -50.0}) {
        PrivateFinanceInputs in = threeYearProject({0.0, cash, cash, cash}, 0.8);
        in.taxRate = 0.25;
        const PrivateFinance f = financePrivateParty(in);
        ASSERT_TRUE(f.debt);
        EXPECT_EQ(f.debt->amount, 0.0);
        EXPECT_EQ(*f.debt->sizingConstraint, "dscr");
        EXPECT_FALSE(f.debt->cover->minDscr);
        for (double x : equityFlows(in, f)) EXPECT_TRUE(std::isfinite(x));
        for (double x : f.tax) EXPECT_EQ(x, 0.0);
    }
    // One negative year in a sculpted schedule: no service there, its interest capitalised, said so.
    const PrivateFinance g = financePrivateParty(threeYearProject({0.0, 300.0, -40.0, 300.0}, 0.5));
    EXPECT_EQ(g.interestPaid[2] + g.principal[2], 0.0);
    EXPECT_GT(g.debt->schedule.capitalisedInterest[2], 0.0);
    EXPECT_EQ(g.debt->schedule.closingBalance.back(), 0.0);
    EXPECT_FALSE(g.notes.empty());
    EXPECT_FALSE(g.debt->cover->dscr[2]);
    EXPECT_EQ(g.debt->cover->negativeCfadsPeriods, std::vector<std::size_t>{2});
}

// Lenders size on the forecast: the actual cash falls from 500 to 200, the debt and its service stay
// as sized on the forecast (the same as a forecast-only financing: 600 repaid by 241.2689 a year),
// and the actual DSCR 200 / 241.2689 = 0.829 is reported, with a note.
TEST(PrivateFinance, DebtStaysAsSizedOnTheForecastWhenActualCashFalls) {
    const PrivateFinanceInputs forecast = threeYearProject({0.0, 500.0, 500.0, 500.0}, 0.6);
    PrivateFinanceInputs in = forecast;
    in.operatingCash = {0.0, 200.0, 200.0, 200.0};
    in.sizingCash = forecast.operatingCash;
    const PrivateFinance planned = financePrivateParty(forecast);
    const PrivateFinance actual = financePrivateParty(in);
    EXPECT_NEAR(actual.debt->amount, planned.debt->amount, 1e-12);
    for (std::size_t t = 0; t < 4; ++t) {
        EXPECT_NEAR(actual.principal[t], planned.principal[t], 1e-12);
        EXPECT_NEAR(actual.interestPaid[t], planned.interestPaid[t], 1e-12);
        EXPECT_NEAR(actual.sizingCfads[t], forecast.operatingCash[t], 1e-12);
    }
    EXPECT_NEAR(*actual.debt->cover->minDscr, 200.0 / annuity(600.0, 0.10, 3), 1e-9);
    EXPECT_NEAR(*actual.debt->cover->minDscr, 0.829, 1e-3);
    EXPECT_LT(*actual.debt->cover->minDscr, 1.0);
    ASSERT_FALSE(actual.notes.empty());
    EXPECT_NE(actual.notes.back().find("below 1"), std::string::npos) << actual.notes.back();
}

// A DSCR-bound debt sized on the forecast keeps its sculpted service when the actual cash is lower.
TEST(PrivateFinance, SculptedServiceFollowsTheForecastNotTheActual) {
    const PrivateFinanceInputs forecast = threeYearProject({0.0, 200.0, 300.0, 400.0}, 0.9);
    PrivateFinanceInputs in = forecast;
    in.operatingCash = {0.0, 100.0, 150.0, 200.0};
    in.sizingCash = forecast.operatingCash;
    const PrivateFinance f = financePrivateParty(in);
    for (std::size_t t = 1; t < 4; ++t) {
        EXPECT_NEAR(f.interestPaid[t] + f.principal[t], forecast.operatingCash[t] / 1.3, 1e-9);
        EXPECT_NEAR(*f.debt->cover->dscr[t], 1.3 / 2.0, 1e-9);
    }
}

// Capex below the forecast: the facility was sized on 1000 (800 at 80%) but lenders disburse no
// more than the actual need of 500.
TEST(PrivateFinance, LendersDisburseNoMoreThanTheActualNeed) {
    PrivateFinanceInputs in = threeYearProject({0.0, 500.0, 500.0, 500.0}, 0.8);
    in.sizingCapex = in.capex;
    in.capex[0] = 500.0;
    const PrivateFinance f = financePrivateParty(in);
    EXPECT_NEAR(f.debt->amount, 500.0, 1e-9);
    EXPECT_NEAR(equityFlows(in, f)[0], 0.0, 1e-9);
    EXPECT_EQ(f.debt->schedule.closingBalance.back(), 0.0);
}

// Lenders size at close on the base case, its support included: a 30% subsidy of the forecast 1000
// leaves a need of 700, 60% of it = 420 drawn at t0. The actual capex of 1200 brings an actual subsidy
// of 360, but the debt stays 420 (the actual need, 840, does not cap it) and equity fills the gap:
// 360 + 420 - 1200 = -420 at t0. Sized on the actual support instead it would be 0.6 x (1000 - 360)
// = 384. An underspend (capex 900, subsidy 270): still 420 drawn (need 630), equity 270 + 420 - 900
// = -210. The tax base is the actual capex less the actual support: (1200 - 360) / 3 = 280 a year.
TEST(PrivateFinance, DebtIsSizedOnTheForecastSupportWhateverTheActualSupport) {
    PrivateFinanceInputs in = threeYearProject({0.0, 500.0, 500.0, 500.0}, 0.6);
    in.debt->profile = cityfin::finance::RepaymentProfile::Annuity;
    in.sizingCapex = in.capex;
    in.sizingUpfrontSupport = std::vector<double>{300.0, 0.0, 0.0, 0.0};
    in.taxRate = 0.25;
    in.capex[0] = 1200.0;
    in.upfrontSupport[0] = 360.0;
    const PrivateFinance over = financePrivateParty(in);
    EXPECT_NEAR(over.debt->amount, 420.0, 1e-9);
    EXPECT_NEAR(equityFlows(in, over)[0], -420.0, 1e-9);
    // Tax in year 1: 0.25 x (500 - 280 - 10% x 420) = 44.5.
    EXPECT_NEAR(over.tax[1], 0.25 * (500.0 - 280.0 - 42.0), 1e-9);
    in.capex[0] = 900.0;
    in.upfrontSupport[0] = 270.0;
    const PrivateFinance under = financePrivateParty(in);
    EXPECT_NEAR(under.debt->amount, 420.0, 1e-9);
    EXPECT_NEAR(equityFlows(in, under)[0], -210.0, 1e-9);
    in.sizingUpfrontSupport.reset();  // absent: sized on the forecast capex less the actual support
    EXPECT_NEAR(financePrivateParty(in).debt->amount, 0.6 * (1000.0 - 270.0), 1e-9);
    // The memo keys on the sizing support: the same actual support with another forecast support
    // is sized again, not reused.
    const ForecastSizingMemo memo;
    in.sizingUpfrontSupport = std::vector<double>{300.0, 0.0, 0.0, 0.0};
    EXPECT_NEAR(financePrivateParty(in).debt->amount, 420.0, 1e-9);
    in.sizingUpfrontSupport = std::vector<double>{500.0, 0.0, 0.0, 0.0};
    EXPECT_NEAR(financePrivateParty(in).debt->amount, 300.0, 1e-9);
}

TEST(PrivateFinance, RejectsBadInputsNamingTheField) {
    PrivateFinanceInputs in = threeYearProject({0.0, 500.0, 500.0, 500.0}, 0.6);
    in.capex.pop_back();
    EXPECT_INPUT_ERROR(financePrivateParty(in),
                       "private_finance.capex: got 3 values, expected 4, one per period (as operating_cash)");
    in = threeYearProject({0.0, 500.0, std::nan(""), 500.0}, 0.6);
    EXPECT_INPUT_ERROR(financePrivateParty(in), "private_finance.operating_cash[2]: got NaN, expected a finite amount");
    in = threeYearProject({0.0, 500.0, 500.0, 500.0}, 0.6);
    in.constructionYears = 4;
    EXPECT_INPUT_ERROR(financePrivateParty(in),
                       "private_finance.construction_years: got 4, expected from 1 to the periods - 1 (3)");
    in = threeYearProject({0.0, 500.0, 500.0, 500.0}, 0.6);
    in.debt->tenorYears = 4;
    EXPECT_INPUT_ERROR(financePrivateParty(in),
                       "private_finance.debt.tenor_years: got 4, expected 1 to 3 (the operating years)");
    in.debt->tenorYears = 3;
    in.upfrontSupport[1] = -1.0;
    EXPECT_INPUT_ERROR(financePrivateParty(in), "private_finance.upfront_support[1]: got -1, expected a finite amount >= 0");
    in.upfrontSupport[1] = 0.0;
    in.sizingUpfrontSupport = std::vector<double>{0.0, 0.0, std::nan(""), 0.0};
    EXPECT_INPUT_ERROR(financePrivateParty(in),
                       "private_finance.sizing_upfront_support[2]: got NaN, expected a finite amount >= 0");
    in.sizingUpfrontSupport.reset();
    in.depreciationYears = 0;
    EXPECT_INPUT_ERROR(financePrivateParty(in), "private_finance.depreciation_years: got 0, expected 1 to 100 years");
}

// The forecast series are checked whether or not a memo is alive: a memo reuses a sizing only for
// series equal to ones already checked, of the inputs' length.
TEST(PrivateFinance, SizingSeriesAreCheckedWithAndWithoutAMemo) {
    const PrivateFinanceInputs valid = [] {
        PrivateFinanceInputs in = threeYearProject({0.0, 500.0, 500.0, 500.0}, 0.6);
        in.sizingCash = in.operatingCash;
        return in;
    }();
    PrivateFinanceInputs nan = valid;
    (*nan.sizingCash)[2] = std::nan("");
    PrivateFinanceInputs shorter = valid;
    shorter.sizingCash->pop_back();
    PrivateFinanceInputs noDebt = nan;
    noDebt.debt.reset();
    const std::string nanError = "private_finance.sizing_cash[2]: got NaN, expected a finite amount";
    const std::string lengthError =
        "private_finance.sizing_cash: got 3 values, expected 4, one per period (as operating_cash)";
    EXPECT_INPUT_ERROR(financePrivateParty(nan), nanError);
    EXPECT_INPUT_ERROR(financePrivateParty(shorter), lengthError);
    EXPECT_INPUT_ERROR(financePrivateParty(noDebt), nanError);
    const ForecastSizingMemo memo;
    EXPECT_NEAR(financePrivateParty(valid).debt->amount, 600.0, 1e-9);  // remembered
    EXPECT_INPUT_ERROR(financePrivateParty(nan), nanError);
    EXPECT_INPUT_ERROR(financePrivateParty(shorter), lengthError);
    EXPECT_INPUT_ERROR(financePrivateParty(noDebt), nanError);
    EXPECT_NEAR(financePrivateParty(valid).debt->amount, 600.0, 1e-9);
}

TEST(PrivateFinance, ValidatesDebtTermsUnderTheGivenPath) {
    DebtFinancing d;
    d.tenorYears = 5;
    EXPECT_NO_THROW(validateDebtFinancing(d, 5, "terms.debt"));
    d.graceYears = 5;
    EXPECT_INPUT_ERROR(validateDebtFinancing(d, 5, "terms.debt"),
                       "terms.debt.grace_years: got 5, expected 0 to 4 (less than the tenor)");
    d.graceYears = 0;
    d.gearingCap = 1.2;
    EXPECT_INPUT_ERROR(validateDebtFinancing(d, 5, "terms.debt"),
                       "terms.debt.gearing_cap: got 1.2, expected a share of cost from 0 to 1");
    d.gearingCap = 0.8;
    d.targetDscr = 0.0;
    EXPECT_INPUT_ERROR(validateDebtFinancing(d, 5, "terms.debt"),
                       "terms.debt.target_dscr: got 0, expected a ratio above 0 (e.g. 1.3)");
    d.targetDscr = 1.3;
    d.rate = -0.01;
    EXPECT_INPUT_ERROR(validateDebtFinancing(d, 5, "terms.debt"), "terms.debt.rate: got -0.01, expected a rate from 0 to 1");
}
