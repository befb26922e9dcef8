// Cover ratios (DSCR, LLCR, PLCR). Expected values are worked by hand in the comments, or follow
// from a known identity (a schedule sculpted at DSCR d has LLCR = d at the loan rate).
#include "finance/coverage.hpp"
#include "finance/debt.hpp"
#include "finance/debt_sizing.hpp"
#include "finance/errors.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

using cityfin::InputError;
using namespace cityfin::finance;

namespace {

DebtTerms terms(double rate, int tenor, RepaymentProfile profile, int grace = 0) {
    DebtTerms t;
    t.annualRate = rate;
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

void expectNoNonFinite(const CoverRatios& c) {
    for (const auto* column : {&c.dscr, &c.llcr, &c.plcr})
        for (const auto& x : *column)
            EXPECT_TRUE(!x || std::isfinite(*x));
    for (const auto& x : {c.minDscr, c.averageDscr, c.llcrAtRepaymentStart, c.plcrAtRepaymentStart})
        EXPECT_TRUE(!x || std::isfinite(*x));
}

// Level principal 1000 at 10% over 4 years: debt service 350, 325, 300, 275 (test_debt.cpp).
DebtSchedule levelPrincipal() {
    return loanSchedule(1000, terms(0.10, 4, RepaymentProfile::LevelPrincipal));
}

} // namespace

TEST(Coverage, DscrPerPeriodMinAndAverageByHand) {
    // CFADS 420, 390, 330, 275 over debt service 350, 325, 300, 275: 1.2, 1.2, 1.1, 1.0.
    // Min 1.0, average (1.2 + 1.2 + 1.1 + 1.0) / 4 = 1.125.
    const std::vector<double> cfads{420, 390, 330, 275};
    const CoverRatios c = coverRatios(levelPrincipal(), cfads);
    const std::vector<double> expected{1.2, 1.2, 1.1, 1.0};
    for (std::size_t t = 0; t < 4; ++t) {
        ASSERT_TRUE(c.dscr[t].has_value());
        EXPECT_NEAR(*c.dscr[t], expected[t], 1e-12);
    }
    EXPECT_NEAR(*c.minDscr, 1.0, 1e-12);
    EXPECT_NEAR(*c.averageDscr, 1.125, 1e-12);
    EXPECT_TRUE(c.negativeCfadsPeriods.empty());
}

TEST(Coverage, LlcrByHand) {
    // At the loan rate 10%: PV(420, 390, 330, 275) = 381.818182 + 322.314050 + 247.933884
    // + 187.828700 = 1139.894816 over 1000 -> 1.139895. From year 1: 390/1.1 + 330/1.21
    // + 275/1.331 = 354.545455 + 272.727273 + 206.611570 = 833.884298 over 750 -> 1.111846.
    const std::vector<double> cfads{420, 390, 330, 275};
    const CoverRatios c = coverRatios(levelPrincipal(), cfads);
    EXPECT_NEAR(*c.llcrAtRepaymentStart, 1.139895, 1e-6);
    EXPECT_NEAR(*c.llcr[0], 1.139895, 1e-6);
    EXPECT_NEAR(*c.llcr[1], 1.111846, 1e-6);
    // No CFADS beyond the loan: PLCR = LLCR.
    EXPECT_NEAR(*c.plcr[1], *c.llcr[1], 1e-12);
}

TEST(Coverage, NegativeCfadsGivesNegativeDscrAndIsListed) {
    // CFADS -65 against debt service 325: DSCR -0.2, and the minimum.
    const std::vector<double> cfads{420, -65, 330, 275};
    const CoverRatios c = coverRatios(levelPrincipal(), cfads);
    EXPECT_NEAR(*c.dscr[1], -0.2, 1e-12);
    EXPECT_NEAR(*c.minDscr, -0.2, 1e-12);
    EXPECT_EQ(c.negativeCfadsPeriods, std::vector<std::size_t>{1});
}

TEST(Coverage, LlcrEqualsTargetForAScheduleSculptedAtIt) {
    // Sculpted at 1.2 on CFADS 132, 145.2, 159.72 at 10%: balances 300, 220, 121 and
    // PV(CFADS) 360, 264, 145.2 -> 1.2 in every period.
    const std::vector<double> cfads{132, 145.2, 159.72};
    const DebtSchedule s = loanSchedule(300, terms(0.10, 3, RepaymentProfile::Sculpted), cfads);
    const CoverRatios c = coverRatios(s, cfads);
    for (std::size_t t = 0; t < 3; ++t) {
        EXPECT_NEAR(*c.llcr[t], 1.2, 1e-12) << t;
        EXPECT_NEAR(*c.dscr[t], 1.2, 1e-12) << t;
    }
}

TEST(Coverage, LlcrIdentityHoldsAfterSizingOnUnevenCfads) {
    const std::vector<double> cfads{80, 95, 60, 120, 130, 125, 140, 150, 90, 160, 170, 180};
    SizingTerms st;
    st.totalCost = 1e4;
    st.gearingCap = 0.9;
    st.targetDscr = 1.4;
    st.annualRate = 0.06;
    st.tenorPeriods = 10;
    const DebtSizing size = sizeDebt(st, cfads);
    const DebtSchedule s =
        loanSchedule(size.debt, terms(0.06, 10, RepaymentProfile::Sculpted), cfads);
    const CoverRatios c = coverRatios(s, cfads);
    for (std::size_t t = 0; t < 10; ++t) EXPECT_NEAR(*c.llcr[t], 1.4, 1e-9) << t;
    EXPECT_NEAR(*c.minDscr, 1.4, 1e-12);
    EXPECT_NEAR(*c.averageDscr, 1.4, 1e-12);
    // CFADS after the tenor is positive, so the project life covers more than the loan life.
    for (std::size_t t = 0; t < 10; ++t) EXPECT_GT(*c.plcr[t], *c.llcr[t]) << t;
}

TEST(Coverage, PlcrCountsCfadsBeyondTheLoanByHand) {
    // As above plus CFADS 100 in year 3 (after maturity): PLCR at close
    // = (360 + 100/1.1^4) / 300 = (360 + 68.301346) / 300 = 1.427671; LLCR stays 1.2.
    const std::vector<double> cfads{132, 145.2, 159.72, 100};
    const DebtSchedule s = loanSchedule(300, terms(0.10, 3, RepaymentProfile::Sculpted), cfads);
    const CoverRatios c = coverRatios(s, cfads);
    EXPECT_NEAR(*c.llcrAtRepaymentStart, 1.2, 1e-12);
    EXPECT_NEAR(*c.plcrAtRepaymentStart, 1.427671, 1e-6);
    EXPECT_EQ(c.plcr.size(), 3u);  // one per schedule period
}

TEST(Coverage, ConstructionPeriodsHaveNoRatios) {
    // Drawdowns 600, 400 at 10% -> 1166 at the start of repayment; bullet over 2 years pays
    // 116.6, then 1282.6. LLCR at COD = (200/1.1 + 1400/1.21) / 1166 = (181.818182
    // + 1157.024793) / 1166 = 1.148236.
    const std::vector<double> draws{600, 400};
    const std::vector<double> cfads{0, -10, 200, 1400};
    const DebtSchedule s =
        constructionLoanSchedule(draws, terms(0.10, 2, RepaymentProfile::Bullet), cfads);
    const CoverRatios c = coverRatios(s, cfads);
    EXPECT_FALSE(c.dscr[0] || c.dscr[1] || c.llcr[0] || c.llcr[1] || c.plcr[1]);
    EXPECT_NEAR(*c.dscr[2], 200 / 116.6, 1e-12);
    EXPECT_NEAR(*c.llcrAtRepaymentStart, 1.148236, 1e-6);
    EXPECT_EQ(c.negativeCfadsPeriods, std::vector<std::size_t>{1});
}

TEST(Coverage, NoDebtMeansEveryRatioIsAbsentNeverNaN) {
    const std::vector<double> cfads{10, -5, 20};
    const CoverRatios c = coverRatios(loanSchedule(0, terms(0.05, 3, RepaymentProfile::Annuity)),
                                      cfads);
    EXPECT_FALSE(c.minDscr || c.averageDscr || c.llcrAtRepaymentStart || c.plcrAtRepaymentStart);
    for (std::size_t t = 0; t < 3; ++t) EXPECT_FALSE(c.dscr[t] || c.llcr[t] || c.plcr[t]);
    EXPECT_EQ(c.negativeCfadsPeriods, std::vector<std::size_t>{1});
}

TEST(Coverage, SculptedNegativePeriodHasNoDscrButIsListed) {
    // Sculpted at 1.2 with CFADS -60 in year 1 (see test_debt.cpp): no debt service that year.
    const std::vector<double> cfads{132, -60, 174.24};
    const DebtSchedule s = loanSchedule(100.0 + 145.2 / 1.331,
                                        terms(0.10, 3, RepaymentProfile::Sculpted), cfads);
    const CoverRatios c = coverRatios(s, cfads);
    EXPECT_FALSE(c.dscr[1].has_value());
    EXPECT_NEAR(*c.dscr[0], 1.2, 1e-12);
    EXPECT_NEAR(*c.dscr[2], 1.2, 1e-12);
    EXPECT_EQ(c.negativeCfadsPeriods, std::vector<std::size_t>{1});
    // LLCR year 1: (-60/1.1 + 174.24/1.21) / 120 = (-54.545455 + 144) / 120 = 0.745455.
    EXPECT_NEAR(*c.llcr[1], 0.745455, 1e-6);
    expectNoNonFinite(c);
}

TEST(CoverageInput, RejectsShortOrNonFiniteCfadsAndMalformedSchedules) {
    const DebtSchedule s = levelPrincipal();
    const std::vector<double> three{1, 2, 3};
    EXPECT_EQ(errorOf([&] { coverRatios(s, three); }),
              "cfads: got 3 values, expected at least 4 (one per schedule period)");
    const std::vector<double> withInf{1, 2, 3, std::numeric_limits<double>::infinity()};
    EXPECT_EQ(errorOf([&] { coverRatios(s, withInf); }), "cfads[3]: got inf, expected a finite number");
    DebtSchedule broken = s;
    broken.closingBalance.pop_back();
    const std::vector<double> four{1, 2, 3, 4};
    EXPECT_EQ(errorOf([&] { coverRatios(broken, four); }),
              "schedule: got 3 balance values, expected 4 (one per period, as debtService)");
}
