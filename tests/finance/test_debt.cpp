// Loan schedules and debt sizing. Expected values come from spreadsheet documentation (PMT, IPMT,
// PPMT examples) or are worked by hand in the comments; none is copied from the engine's output.
#include "finance/debt.hpp"
#include "finance/debt_sizing.hpp"
#include "finance/errors.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

using cityfin::InputError;
using namespace cityfin::finance;

namespace {

DebtTerms terms(double rate, int tenor, RepaymentProfile profile, int grace = 0, int perYear = 1) {
    DebtTerms t;
    t.annualRate = rate;
    t.periodsPerYear = perYear;
    t.tenorPeriods = tenor;
    t.gracePeriods = grace;
    t.profile = profile;
    return t;
}

template <class F>
std::string errorOf(F&& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.what();
    }
    return "no InputError thrown";
}

double sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

/// Every corkscrew identity of the schedule, period by period.
void expectCorkscrewHolds(const DebtSchedule& s) {
    for (std::size_t t = 0; t < s.size(); ++t) {
        const double scale = 1.0 + s.openingBalance[t] + s.drawdown[t];
        EXPECT_NEAR(s.closingBalance[t],
                    s.openingBalance[t] + s.drawdown[t] + s.capitalisedInterest[t] - s.principal[t],
                    1e-12 * scale) << "period " << t;
        EXPECT_NEAR(s.interest[t], s.interestPaid[t] + s.capitalisedInterest[t], 1e-12 * scale);
        EXPECT_NEAR(s.debtService[t], s.interestPaid[t] + s.principal[t], 1e-12 * scale);
        if (t > 0) {
            EXPECT_EQ(s.openingBalance[t], s.closingBalance[t - 1]);
        }
        EXPECT_GE(s.principal[t], 0.0);
    }
}

} // namespace

// ---- Annuity -------------------------------------------------------------------------------------

TEST(Debt, AnnuityDebtServiceEqualsSpreadsheetPmt) {
    // Spreadsheet documentation: PMT(5%, 30, 1,000,000) = -65,051.44 (payer's sign).
    const DebtSchedule s = loanSchedule(1e6, terms(0.05, 30, RepaymentProfile::Annuity));
    ASSERT_EQ(s.size(), 30u);
    for (std::size_t t = 0; t < 30; ++t) EXPECT_NEAR(s.debtService[t], 65051.44, 0.005) << t;
    EXPECT_EQ(s.closingBalance.back(), 0.0);
    expectCorkscrewHolds(s);
}

TEST(Debt, AnnuityPrincipalAndInterestMatchSpreadsheetPpmtIpmt) {
    // PPMT(8%, 10, 10, 200000) = -27,598.05: the principal of the last annual payment.
    const DebtSchedule a = loanSchedule(200000, terms(0.08, 10, RepaymentProfile::Annuity));
    EXPECT_NEAR(a.principal[9], 27598.05, 0.005);
    // IPMT(10%, 3, 3, 8000) = -292.45. By hand: PMT = 8000 x 0.1 / (1 - 1.1^-3) = 3216.92;
    // year 1 interest 800.00, principal 2416.92, balance 5583.08; year 2 interest 558.31,
    // principal 2658.61, balance 2924.47; year 3 interest 292.45, principal 2924.47.
    const DebtSchedule b = loanSchedule(8000, terms(0.10, 3, RepaymentProfile::Annuity));
    EXPECT_NEAR(b.interest[0], 800.00, 0.005);
    EXPECT_NEAR(b.principal[0], 2416.92, 0.005);
    EXPECT_NEAR(b.interest[1], 558.31, 0.005);
    EXPECT_NEAR(b.principal[1], 2658.61, 0.005);
    EXPECT_NEAR(b.interest[2], 292.45, 0.005);
    EXPECT_NEAR(b.principal[2], 2924.47, 0.005);
}

TEST(Debt, MonthlyAnnuityUsesNominalRateOverTwelve) {
    // Spreadsheet documentation: PMT(8%/12, 10, 10000) = -1,037.03.
    const DebtSchedule a = loanSchedule(10000, terms(0.08, 10, RepaymentProfile::Annuity, 0, 12));
    EXPECT_DOUBLE_EQ(a.periodRate, 0.08 / 12);
    EXPECT_NEAR(a.debtService[0], 1037.03, 0.005);
    // IPMT(10%/12, 1, 36, 8000) = -66.67: first month's interest 8000 x 0.10 / 12.
    const DebtSchedule b = loanSchedule(8000, terms(0.10, 36, RepaymentProfile::Annuity, 0, 12));
    EXPECT_NEAR(b.interest[0], 66.67, 0.005);
}

TEST(Debt, AnnuityPaymentsDiscountBackToThePrincipal) {
    const double rate = 0.065;
    const DebtSchedule s = loanSchedule(2.5e6, terms(rate, 25, RepaymentProfile::Annuity));
    double pv = 0.0;
    for (std::size_t t = 0; t < s.size(); ++t) pv += s.debtService[t] / std::pow(1.0 + rate, t + 1.0);
    EXPECT_NEAR(pv, 2.5e6, 1e-9 * 2.5e6);
}

TEST(Debt, ZeroRateAnnuityRepaysInEqualParts) {
    const DebtSchedule s = loanSchedule(1200, terms(0.0, 12, RepaymentProfile::Annuity));
    for (std::size_t t = 0; t < 12; ++t) EXPECT_NEAR(s.debtService[t], 100.0, 1e-12);
    EXPECT_EQ(s.closingBalance.back(), 0.0);
}

// ---- Level principal, bullet, grace ----------------------------------------------------------------

TEST(Debt, LevelPrincipalByHand) {
    // 1000 at 10% over 4 years: principal 250 a year; interest 10% of 1000, 750, 500, 250.
    const DebtSchedule s = loanSchedule(1000, terms(0.10, 4, RepaymentProfile::LevelPrincipal));
    const std::vector<double> interest{100, 75, 50, 25}, service{350, 325, 300, 275},
        closing{750, 500, 250, 0};
    for (std::size_t t = 0; t < 4; ++t) {
        EXPECT_NEAR(s.principal[t], 250.0, 1e-9);
        EXPECT_NEAR(s.interest[t], interest[t], 1e-9);
        EXPECT_NEAR(s.debtService[t], service[t], 1e-9);
        EXPECT_NEAR(s.closingBalance[t], closing[t], 1e-9);
    }
    EXPECT_EQ(s.openingBalance[0], 0.0);  // drawn at the start of period 0
    EXPECT_EQ(s.drawdown[0], 1000.0);
    expectCorkscrewHolds(s);
}

TEST(Debt, BulletPaysInterestThenPrincipalAtMaturity) {
    // 1000 at 6% over 3 years: 60, 60, then 1000 + 60.
    const DebtSchedule s = loanSchedule(1000, terms(0.06, 3, RepaymentProfile::Bullet));
    EXPECT_NEAR(s.debtService[0], 60.0, 1e-9);
    EXPECT_NEAR(s.debtService[1], 60.0, 1e-9);
    EXPECT_NEAR(s.debtService[2], 1060.0, 1e-9);
    EXPECT_EQ(s.principal[0] + s.principal[1], 0.0);
    EXPECT_EQ(s.closingBalance[2], 0.0);
}

TEST(Debt, SemiannualBulletChargesHalfTheNominalRate) {
    // 8% nominal, 2 periods a year: 4% per half-year, 40 on 1000.
    const DebtSchedule s = loanSchedule(1000, terms(0.08, 4, RepaymentProfile::Bullet, 0, 2));
    for (std::size_t t = 0; t < 4; ++t) EXPECT_NEAR(s.interest[t], 40.0, 1e-9);
}

TEST(Debt, GracePeriodsPayInterestOnlyThenAnnuity) {
    // 1000 at 10%, tenor 4 with 2 years' grace: interest 100, 100; then an annuity over 2 years
    // 1000 x 0.1 / (1 - 1.1^-2) = 576.19: interest 100.00, principal 476.19; interest 52.38,
    // principal 523.81.
    const DebtSchedule s = loanSchedule(1000, terms(0.10, 4, RepaymentProfile::Annuity, 2));
    EXPECT_NEAR(s.debtService[0], 100.0, 1e-9);
    EXPECT_NEAR(s.debtService[1], 100.0, 1e-9);
    EXPECT_EQ(s.principal[0] + s.principal[1], 0.0);
    EXPECT_NEAR(s.debtService[2], 576.19, 0.005);
    EXPECT_NEAR(s.principal[2], 476.19, 0.005);
    EXPECT_NEAR(s.interest[3], 52.38, 0.005);
    EXPECT_NEAR(s.principal[3], 523.81, 0.005);
    EXPECT_EQ(s.closingBalance[3], 0.0);
}

TEST(Debt, GraceThenLevelPrincipal) {
    // 1000 at 10%, tenor 3, 1 year grace: 100; then 500 + 100; 500 + 50.
    const DebtSchedule s = loanSchedule(1000, terms(0.10, 3, RepaymentProfile::LevelPrincipal, 1));
    EXPECT_NEAR(s.debtService[0], 100.0, 1e-9);
    EXPECT_NEAR(s.debtService[1], 600.0, 1e-9);
    EXPECT_NEAR(s.debtService[2], 550.0, 1e-9);
}

// ---- Construction --------------------------------------------------------------------------------

TEST(Debt, ConstructionInterestIsCapitalisedThenRepaid) {
    // Drawdowns 600 and 400 at the start of two construction years, 10%:
    // year 0 interest 10% x 600 = 60 -> balance 660; year 1 interest 10% x (660 + 400) = 106
    // -> balance 1166. Level principal over 2 years: 583 each; interest 116.6 then 58.3.
    const std::vector<double> draws{600, 400};
    const DebtSchedule s =
        constructionLoanSchedule(draws, terms(0.10, 2, RepaymentProfile::LevelPrincipal));
    ASSERT_EQ(s.size(), 4u);
    EXPECT_EQ(s.constructionPeriods, 2u);
    EXPECT_NEAR(s.capitalisedInterest[0], 60.0, 1e-9);
    EXPECT_NEAR(s.capitalisedInterest[1], 106.0, 1e-9);
    EXPECT_NEAR(s.closingBalance[1], 1166.0, 1e-9);
    EXPECT_EQ(s.debtService[0] + s.debtService[1], 0.0);
    EXPECT_NEAR(s.principal[2], 583.0, 1e-9);
    EXPECT_NEAR(s.interest[2], 116.6, 1e-9);
    EXPECT_NEAR(s.debtService[3], 583.0 + 58.3, 1e-9);
    // Money conservation: 600 + 400 + 60 + 106 = 583 + 583.
    EXPECT_NEAR(sum(s.drawdown) + sum(s.capitalisedInterest), sum(s.principal), 1e-9);
    expectCorkscrewHolds(s);
}

TEST(Debt, MoneyIsConservedForEveryProfile) {
    const std::vector<double> draws{300, 500, 200};
    const std::vector<double> cfads{0, 0, 0, 90, 140, 160, 150, -20, 170, 180, 190};
    for (auto profile : {RepaymentProfile::Annuity, RepaymentProfile::LevelPrincipal,
                         RepaymentProfile::Bullet, RepaymentProfile::Sculpted}) {
        const DebtSchedule s = constructionLoanSchedule(draws, terms(0.07, 8, profile, 1), cfads);
        EXPECT_NEAR(sum(s.drawdown) + sum(s.capitalisedInterest), sum(s.principal), 1e-9 * 1000)
            << static_cast<int>(profile);
        EXPECT_EQ(s.closingBalance.back(), 0.0);
        expectCorkscrewHolds(s);
    }
}

// ---- Sculpted ------------------------------------------------------------------------------------

TEST(Debt, SculptedScheduleByHand) {
    // 10%, CFADS 132, 145.2, 159.72 at DSCR 1.2 -> debt service 110, 121, 133.1, whose PV is
    // 100 + 100 + 100 = 300. Balance 300: interest 30, principal 80 -> 220; interest 22,
    // principal 99 -> 121; interest 12.1, principal 121 -> 0.
    const std::vector<double> cfads{132, 145.2, 159.72};
    const DebtSchedule s = loanSchedule(300, terms(0.10, 3, RepaymentProfile::Sculpted), cfads);
    ASSERT_TRUE(s.sculptingDscr.has_value());
    EXPECT_NEAR(*s.sculptingDscr, 1.2, 1e-12);
    const std::vector<double> service{110, 121, 133.1}, principal{80, 99, 121}, closing{220, 121, 0};
    for (std::size_t t = 0; t < 3; ++t) {
        EXPECT_NEAR(s.debtService[t], service[t], 1e-9);
        EXPECT_NEAR(s.principal[t], principal[t], 1e-9);
        EXPECT_NEAR(s.closingBalance[t], closing[t], 1e-9);
    }
    EXPECT_TRUE(s.warnings.empty());
}

TEST(Debt, SculptedUnevenCfadsMeetsTargetAndRepaysExactly) {
    // 8%, CFADS 50, 200, 120, 80 at DSCR 1.25 -> debt service 40, 160, 96, 64 with PV
    // 40/1.08 + 160/1.08^2 + 96/1.08^3 + 64/1.08^4 = 37.037037 + 137.174211 + 76.207895
    // + 47.041911 = 297.461054.
    const std::vector<double> cfads{50, 200, 120, 80};
    const double debt = 40 / 1.08 + 160 / std::pow(1.08, 2) + 96 / std::pow(1.08, 3) +
                        64 / std::pow(1.08, 4);
    EXPECT_NEAR(debt, 297.461054, 1e-6);
    const DebtSchedule s = loanSchedule(debt, terms(0.08, 4, RepaymentProfile::Sculpted), cfads);
    for (std::size_t t = 0; t < 4; ++t) EXPECT_NEAR(cfads[t] / s.debtService[t], 1.25, 1e-12) << t;
    EXPECT_LE(std::abs(s.closingBalance.back()), 1e-9 * debt);
    expectCorkscrewHolds(s);
}

TEST(Debt, SculptedNegativeCfadsPeriodPaysNothingAndCapitalisesInterest) {
    // 10%, DSCR 1.2, CFADS 132, -60, 174.24 -> debt service 110, 0, 145.2;
    // PV = 110/1.1 + 145.2/1.1^3 = 100 + 109.090909 = 209.090909.
    // Year 0: interest 20.909091, principal 89.090909 -> 120. Year 1: interest 12 capitalised
    // -> 132. Year 2: interest 13.2, principal 132 -> 0.
    const std::vector<double> cfads{132, -60, 174.24};
    const double debt = 100.0 + 145.2 / 1.331;
    const DebtSchedule s = loanSchedule(debt, terms(0.10, 3, RepaymentProfile::Sculpted), cfads);
    EXPECT_NEAR(*s.sculptingDscr, 1.2, 1e-12);
    EXPECT_NEAR(s.closingBalance[0], 120.0, 1e-9);
    EXPECT_EQ(s.debtService[1], 0.0);
    EXPECT_NEAR(s.capitalisedInterest[1], 12.0, 1e-9);
    EXPECT_NEAR(s.closingBalance[1], 132.0, 1e-9);
    EXPECT_NEAR(s.debtService[2], 145.2, 1e-9);
    EXPECT_LE(std::abs(s.closingBalance[2]), 1e-9 * debt);
    ASSERT_EQ(s.warnings.size(), 1u);
    EXPECT_EQ(s.warnings[0],
              "period 1: CFADS -60 is negative; no debt service that period, its interest is "
              "capitalised");
    EXPECT_NEAR(sum(s.drawdown) + sum(s.capitalisedInterest), sum(s.principal), 1e-9);
}

TEST(Debt, SculptedDebtServiceBelowInterestCapitalisesTheRest) {
    // 10%, DSCR 1.2, CFADS 132, 6, 174.24 -> debt service 110, 5, 145.2;
    // PV = 100 + 5/1.21 + 145.2/1.331 = 100 + 4.132231 + 109.090909 = 213.223140.
    // Year 0 closing 213.223140 x 1.1 - 110 = 124.545455; year 1 interest 12.454545, of which 5
    // paid and 7.454545 capitalised -> 132; year 2 pays 13.2 + 132.
    const std::vector<double> cfads{132, 6, 174.24};
    const double debt = 100.0 + 5 / 1.21 + 145.2 / 1.331;
    const DebtSchedule s = loanSchedule(debt, terms(0.10, 3, RepaymentProfile::Sculpted), cfads);
    EXPECT_NEAR(s.closingBalance[0], 124.545455, 1e-6);
    EXPECT_NEAR(s.interestPaid[1], 5.0, 1e-12);
    EXPECT_EQ(s.principal[1], 0.0);
    EXPECT_NEAR(s.capitalisedInterest[1], 7.454545, 1e-6);
    EXPECT_NEAR(s.closingBalance[1], 132.0, 1e-9);
    EXPECT_EQ(s.closingBalance[2], 0.0);
    ASSERT_EQ(s.warnings.size(), 1u);
    EXPECT_EQ(s.warnings[0], "period 1: sculpted debt service is below the interest; the rest of "
                             "the interest is capitalised");
}

TEST(Debt, SculptedAfterConstructionAndGraceRepaysAtAConstantDscr) {
    const std::vector<double> draws{600, 400};  // balance 1166 at 10%, as above
    const std::vector<double> cfads{0, 0, 150, 210, 260, 300, 280, 320};
    const DebtSchedule s =
        constructionLoanSchedule(draws, terms(0.10, 6, RepaymentProfile::Sculpted, 1), cfads);
    EXPECT_NEAR(s.debtService[2], 116.6, 1e-9);  // grace: interest on 1166 only
    const double dscr = *s.sculptingDscr;
    for (std::size_t t = 3; t < 8; ++t) EXPECT_NEAR(cfads[t] / s.debtService[t], dscr, 1e-12);
    EXPECT_LE(std::abs(s.closingBalance.back()), 1e-9 * 1166);
}

TEST(Debt, SizedThenSculptedMeetsTargetDscrEveryPeriod) {
    const std::vector<double> cfads{80, 95, 60, 120, 130, 125, 140, 150, 90, 160};
    SizingTerms st;
    st.totalCost = 5000;
    st.gearingCap = 0.9;
    st.targetDscr = 1.35;
    st.annualRate = 0.055;
    st.tenorPeriods = 10;
    const DebtSizing size = sizeDebt(st, cfads);
    ASSERT_EQ(size.binding, SizingConstraint::Dscr);
    const DebtSchedule s =
        loanSchedule(size.debt, terms(0.055, 10, RepaymentProfile::Sculpted), cfads);
    for (std::size_t t = 0; t < 10; ++t)
        EXPECT_NEAR(s.debtService[t], cfads[t] / 1.35, 1e-9 * cfads[t]) << t;
    EXPECT_LE(std::abs(s.closingBalance.back()), 1e-9 * size.debt);
}

TEST(Debt, SculptingNothingOwedGivesAZeroSchedule) {
    const std::vector<double> cfads{-5, 0, -1};
    const DebtSchedule s = loanSchedule(0, terms(0.10, 3, RepaymentProfile::Sculpted), cfads);
    EXPECT_FALSE(s.sculptingDscr.has_value());
    EXPECT_EQ(sum(s.debtService) + sum(s.closingBalance), 0.0);
}

// ---- Sizing --------------------------------------------------------------------------------------

namespace {
// 10%, CFADS 132, 145.2, 159.72, DSCR 1.2: capacity 110/1.1 + 121/1.21 + 133.1/1.331 = 300.
SizingTerms sizingTerms(double cost, double cap) {
    SizingTerms t;
    t.totalCost = cost;
    t.gearingCap = cap;
    t.targetDscr = 1.2;
    t.annualRate = 0.10;
    t.tenorPeriods = 3;
    return t;
}
const std::vector<double> kSizingCfads{132, 145.2, 159.72};
} // namespace

TEST(DebtSizing, DscrBindsWhenCapacityIsBelowGearingLimit) {
    // Cost 500 x 70% = 350 > capacity 300: debt 300, equity 200, gearing 60%.
    const DebtSizing d = sizeDebt(sizingTerms(500, 0.7), kSizingCfads);
    EXPECT_NEAR(d.dscrCapacity, 300.0, 1e-9);
    EXPECT_NEAR(d.gearingLimit, 350.0, 1e-9);
    EXPECT_EQ(d.binding, SizingConstraint::Dscr);
    EXPECT_NEAR(d.debt, 300.0, 1e-9);
    EXPECT_NEAR(d.equity, 200.0, 1e-9);
    EXPECT_NEAR(d.gearing, 0.6, 1e-12);
    EXPECT_TRUE(d.warnings.empty());
}

TEST(DebtSizing, GearingBindsWhenItIsTheSmaller) {
    // Cost 400 x 70% = 280 < 300: debt 280, equity 120.
    const DebtSizing d = sizeDebt(sizingTerms(400, 0.7), kSizingCfads);
    EXPECT_EQ(d.binding, SizingConstraint::Gearing);
    EXPECT_NEAR(d.debt, 280.0, 1e-9);
    EXPECT_NEAR(d.equity, 120.0, 1e-9);
}

TEST(DebtSizing, DebtNeverExceedsCost) {
    // Capacity 300 on a cost of 200 with a 100% cap: debt 200, equity 0.
    const DebtSizing d = sizeDebt(sizingTerms(200, 1.0), kSizingCfads);
    EXPECT_EQ(d.debt, 200.0);
    EXPECT_EQ(d.equity, 0.0);
    EXPECT_EQ(d.binding, SizingConstraint::Gearing);
}

TEST(DebtSizing, NoPositiveCfadsMeansNoCapacityReportedNotThrown) {
    const std::vector<double> cfads{-10, 0, -5};
    const DebtSizing d = sizeDebt(sizingTerms(500, 0.8), cfads);
    EXPECT_EQ(d.dscrCapacity, 0.0);
    EXPECT_EQ(d.debt, 0.0);
    EXPECT_EQ(d.equity, 500.0);
    EXPECT_EQ(d.binding, SizingConstraint::Dscr);
    ASSERT_EQ(d.warnings.size(), 3u);
    EXPECT_EQ(d.warnings[0], "period 0: CFADS -10 is negative and adds nothing to the debt capacity");
    EXPECT_EQ(d.warnings[2], "no positive CFADS over the tenor: the debt capacity is 0");
}

TEST(DebtSizing, ZeroCostOrZeroCapGivesNoDebt) {
    EXPECT_EQ(sizeDebt(sizingTerms(0, 0.8), kSizingCfads).debt, 0.0);
    const DebtSizing d = sizeDebt(sizingTerms(500, 0.0), kSizingCfads);
    EXPECT_EQ(d.debt, 0.0);
    EXPECT_EQ(d.equity, 500.0);
}

TEST(DebtSizing, SkipsConstructionPeriodsOfTheTimeline) {
    const std::vector<double> cfads{0, -40, 132, 145.2, 159.72, 999};
    SizingTerms t = sizingTerms(1000, 0.9);
    t.firstRepaymentPeriod = 2;
    EXPECT_NEAR(sizeDebt(t, cfads).dscrCapacity, 300.0, 1e-9);
}

TEST(DebtSizing, QuarterlyCapacityDiscountsAtRateOverFour) {
    // 8% nominal, quarterly: 2% a quarter. CFADS 102, 104.04 at DSCR 1 -> 100 + 100 = 200.
    const std::vector<double> cfads{102, 104.04};
    SizingTerms t = sizingTerms(1000, 1.0);
    t.targetDscr = 1.0;
    t.annualRate = 0.08;
    t.periodsPerYear = 4;
    t.tenorPeriods = 2;
    EXPECT_NEAR(sizeDebt(t, cfads).dscrCapacity, 200.0, 1e-9);
}

// ---- Bad input -----------------------------------------------------------------------------------

TEST(DebtInput, ScheduleRejectsBadTermsWithExactMessages) {
    const auto annuity = RepaymentProfile::Annuity;
    EXPECT_EQ(errorOf([&] { loanSchedule(-1, terms(0.05, 10, annuity)); }),
              "principal: got -1, expected a finite amount of 0 or more");
    EXPECT_EQ(errorOf([&] { loanSchedule(std::nan(""), terms(0.05, 10, annuity)); }),
              "principal: got NaN, expected a finite amount of 0 or more");
    EXPECT_EQ(errorOf([&] { loanSchedule(100, terms(-0.01, 10, annuity)); }),
              "rate: got -0.01, expected a finite annual rate of 0 or more");
    EXPECT_EQ(errorOf([&] { loanSchedule(100, terms(std::numeric_limits<double>::infinity(), 10,
                                                    annuity)); }),
              "rate: got inf, expected a finite annual rate of 0 or more");
    EXPECT_EQ(errorOf([&] { loanSchedule(100, terms(0.05, 10, annuity, 0, 3)); }),
              "periodsPerYear: got 3, expected 1, 2, 4 or 12");
    EXPECT_EQ(errorOf([&] { loanSchedule(100, terms(0.05, 0, annuity)); }),
              "tenor: got 0, expected from 1 to 100 periods (100 years)");
    EXPECT_EQ(errorOf([&] { loanSchedule(100, terms(0.05, 1201, annuity, 0, 12)); }),
              "tenor: got 1201, expected from 1 to 1200 periods (100 years)");
    EXPECT_EQ(errorOf([&] { loanSchedule(100, terms(0.05, 4, annuity, 4)); }),
              "grace: got 4, expected from 0 to 3 periods (fewer than tenor = 4)");
    EXPECT_EQ(errorOf([&] { loanSchedule(100, terms(0.05, 4, annuity, -1)); }),
              "grace: got -1, expected from 0 to 3 periods (fewer than tenor = 4)");
    EXPECT_EQ(errorOf([&] { periodRate(0.05, 0); }), "periodsPerYear: got 0, expected 1, 2, 4 or 12");
}

TEST(DebtInput, SculptedNeedsFiniteCfadsForEveryPeriod) {
    const auto sculpted = RepaymentProfile::Sculpted;
    const std::vector<double> twoValues{100, 100};
    EXPECT_EQ(errorOf([&] { loanSchedule(100, terms(0.05, 3, sculpted), twoValues); }),
              "cfads: got 2 values, expected at least 3 (one per period to maturity)");
    const std::vector<double> withNan{100, std::nan(""), 100};
    EXPECT_EQ(errorOf([&] { loanSchedule(100, terms(0.05, 3, sculpted), withNan); }),
              "cfads[1]: got NaN, expected a finite number");
    const std::vector<double> noneAfterGrace{100, 0, -3};
    EXPECT_EQ(errorOf([&] { loanSchedule(100, terms(0.05, 3, sculpted, 1), noneAfterGrace); }),
              "cfads: got no positive value in periods 1 to 2, expected a positive CFADS in at "
              "least one amortising period to sculpt on");
    // Other profiles do not read cfads.
    EXPECT_NO_THROW(loanSchedule(100, terms(0.05, 3, RepaymentProfile::Bullet), twoValues));
}

TEST(DebtInput, ConstructionRejectsBadDrawdowns) {
    const auto level = terms(0.05, 3, RepaymentProfile::LevelPrincipal);
    const std::vector<double> negative{100, -5};
    EXPECT_EQ(errorOf([&] { constructionLoanSchedule(negative, level); }),
              "drawdowns[1]: got -5, expected a finite amount of 0 or more");
    EXPECT_EQ(errorOf([&] { constructionLoanSchedule({}, level); }),
              "drawdowns: got 0 values, expected from 1 to 100 construction periods (100 years)");
    const std::vector<double> draws{100, 100};
    const std::vector<double> shortCfads{0, 0, 50, 50};  // needs 2 + 3
    EXPECT_EQ(errorOf([&] {
                  constructionLoanSchedule(draws, terms(0.05, 3, RepaymentProfile::Sculpted),
                                           shortCfads);
              }),
              "cfads: got 4 values, expected at least 5 (one per period to maturity)");
}

TEST(DebtInput, SizingRejectsBadTermsWithExactMessages) {
    const auto withCap = [](double cap) { return sizingTerms(100, cap); };
    EXPECT_EQ(errorOf([&] { sizeDebt(withCap(1.2), kSizingCfads); }),
              "gearingCap: got 1.2, expected a fraction from 0 to 1");
    EXPECT_EQ(errorOf([&] { sizeDebt(withCap(-0.1), kSizingCfads); }),
              "gearingCap: got -0.1, expected a fraction from 0 to 1");
    EXPECT_EQ(errorOf([&] { sizeDebt(withCap(std::nan("")), kSizingCfads); }),
              "gearingCap: got NaN, expected a fraction from 0 to 1");
    SizingTerms t = sizingTerms(100, 0.8);
    t.targetDscr = 0;
    EXPECT_EQ(errorOf([&] { sizeDebt(t, kSizingCfads); }),
              "targetDscr: got 0, expected a finite ratio above 0");
    t = sizingTerms(-1, 0.8);
    EXPECT_EQ(errorOf([&] { sizeDebt(t, kSizingCfads); }),
              "totalCost: got -1, expected a finite amount of 0 or more");
    t = sizingTerms(100, 0.8);
    t.tenorPeriods = 4;
    EXPECT_EQ(errorOf([&] { sizeDebt(t, kSizingCfads); }),
              "cfads: got 3 values, expected at least 4 (one per period to maturity)");
    t.firstRepaymentPeriod = 10;
    EXPECT_EQ(errorOf([&] { sizeDebt(t, kSizingCfads); }),
              "cfads: got 3 values, expected at least 10 + 4 (firstRepaymentPeriod + tenor)");
    const std::vector<double> withInf{1, 2, -std::numeric_limits<double>::infinity()};
    EXPECT_EQ(errorOf([&] { sizeDebt(sizingTerms(100, 0.8), withInf); }),
              "cfads[2]: got -inf, expected a finite number");
}

// End-of-period drawdowns: 600 at the end of period 0 and 400 at the end of period 1 at 10%; the
// first only earns interest in period 1 (60), the second none before repayment: B = 600 x 1.1 + 400.
TEST(Debt, EndOfPeriodConstructionDrawdownsAccrueFromTheNextPeriod) {
    cityfin::finance::DebtTerms terms;
    terms.annualRate = 0.10;
    terms.tenorPeriods = 2;
    terms.drawdownTiming = cityfin::finance::DrawdownTiming::EndOfPeriod;
    const std::vector<double> drawdowns{600.0, 400.0};
    const auto s = cityfin::finance::constructionLoanSchedule(drawdowns, terms);
    EXPECT_DOUBLE_EQ(s.interest[0], 0.0);
    EXPECT_DOUBLE_EQ(s.interest[1], 60.0);
    EXPECT_DOUBLE_EQ(s.closingBalance[1], 1060.0);
    // Annuity of 1,060 over 2 periods at 10%, paid at the end of periods 2 and 3.
    const double annuity = 1060.0 * 0.1 / (1.0 - 1.0 / 1.21);
    EXPECT_NEAR(s.debtService[2], annuity, 1e-9);
    EXPECT_NEAR(s.debtService[3], annuity, 1e-9);
    EXPECT_NEAR(s.closingBalance[3], 0.0, 1e-9);
}

TEST(Debt, WithoutWarningsTheFiguresAreTheSameAndNoTextIsWritten) {
    // A caller iterating to a fixed point asks for the text only for the schedule it keeps.
    const std::vector<double> cfads{132, -60, 174.24};
    const double debt = 100.0 + 145.2 / 1.331;
    DebtTerms quiet = terms(0.10, 3, RepaymentProfile::Sculpted);
    quiet.warnings = false;
    const DebtSchedule loud = loanSchedule(debt, terms(0.10, 3, RepaymentProfile::Sculpted), cfads);
    const DebtSchedule s = loanSchedule(debt, quiet, cfads);
    EXPECT_EQ(loud.warnings.size(), 1u);
    EXPECT_TRUE(s.warnings.empty());
    EXPECT_EQ(s.capitalisedInterest, loud.capitalisedInterest);
    EXPECT_EQ(s.debtService, loud.debtService);
    EXPECT_EQ(s.closingBalance, loud.closingBalance);

    SizingTerms quietSizing = sizingTerms(500, 0.8);
    quietSizing.warnings = false;
    const std::vector<double> negative{-10, 0, -5};
    const DebtSizing d = sizeDebt(quietSizing, negative), dLoud = sizeDebt(sizingTerms(500, 0.8), negative);
    EXPECT_TRUE(d.warnings.empty());
    EXPECT_EQ(dLoud.warnings.size(), 3u);
    EXPECT_EQ(d.debt, dLoud.debt);
    EXPECT_EQ(d.dscrCapacity, dLoud.dscrCapacity);
}

namespace {

// A hand-made schedule at 5%: one construction period, then a period whose interest was capitalised
// (no debt service, as a sculpted schedule does where CFADS <= 0), then two paying periods.
DebtSchedule capitalisingSchedule() {
    DebtSchedule s;
    s.periodRate = 0.05;
    s.constructionPeriods = 1;
    s.openingBalance = {0, 100, 105, 50};
    s.drawdown = {100, 0, 0, 0};
    s.interest = {0, 5, 5.25, 2.5};
    s.capitalisedInterest = {0, 5, 0, 0};
    s.interestPaid = {0, 0, 5.25, 2.5};
    s.principal = {0, 0, 55, 50};
    s.debtService = {0, 0, 60.25, 52.5};
    s.closingBalance = {100, 105, 50, 0};
    return s;
}

} // namespace

TEST(FloatingInterest, AddsTheShiftOnTheOpeningBalanceOfEachPaymentAndCarriesACapitalisedPeriods) {
    // +1%: period 1 pays nothing, its extra 1.00 is carried at 6% to period 2: 1.06 + 1% x 105 =
    // 2.11; period 3: 1% x 50 = 0.50. Principal and balances as scheduled.
    DebtSchedule s = capitalisingSchedule();
    addFloatingInterest(s, 0.01);
    const std::vector<double> paid{0, 0, 7.36, 3.0}, service{0, 0, 62.36, 53.0};
    for (std::size_t t = 0; t < 4; ++t) {
        EXPECT_NEAR(s.interestPaid[t], paid[t], 1e-12) << t;
        EXPECT_NEAR(s.debtService[t], service[t], 1e-12) << t;
    }
    EXPECT_EQ(s.principal, capitalisingSchedule().principal);
    EXPECT_EQ(s.closingBalance, capitalisingSchedule().closingBalance);
}

TEST(FloatingInterest, AFallOfRatesStopsAtARateOfZeroAndAShiftOfZeroChangesNothing) {
    // -10% floored at -5%: period 1 carries -5.00 at 0%; period 2 would pay 5.25 - 5.25 - 5.00, kept
    // at 0; period 3 pays 2.50 - 2.50 = 0.
    DebtSchedule s = capitalisingSchedule();
    addFloatingInterest(s, -0.10);
    EXPECT_NEAR(s.interestPaid[2], 0.0, 1e-12);
    EXPECT_NEAR(s.interestPaid[3], 0.0, 1e-12);
    EXPECT_NEAR(s.debtService[2], 55.0, 1e-12);
    DebtSchedule same = capitalisingSchedule();
    addFloatingInterest(same, 0.0);
    EXPECT_EQ(same.debtService, capitalisingSchedule().debtService);
}
