// NPV, XNPV, MIRR, payback, profitability index. IRR/XIRR: test_irr.cpp; PMT family: test_annuity.cpp.

#include "finance/metrics.hpp"

#include "expect_input_error.hpp"
#include "quantlib_leg.hpp"

#include <ql/cashflows/cashflows.hpp>
#include <ql/interestrate.hpp>
#include <ql/termstructures/yield/flatforward.hpp>
#include <ql/time/daycounters/actual365fixed.hpp>
#include <ql/time/daycounters/thirty360.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

using namespace cityfin::finance;
using QuantLib::Date;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

/// A deterministic mixed-sign vector of n flows: an outlay, then inflows with a wobble.
std::vector<double> sampleFlows(std::size_t n) {
    std::vector<double> flows{-1000.0};
    for (std::size_t i = 1; i < n; ++i) flows.push_back(60.0 + 13.0 * static_cast<double>(i % 5) - 2.0 * i);
    return flows;
}

/// QuantLib's NPV of annual flows from `start` (flows[0] at the settlement date, included), at a
/// flat annually compounded rate on 30/360 (whole years between anniversaries).
double quantLibAnnualNpv(const std::vector<double>& flows, double rate) {
    const Date start(15, QuantLib::January, 2020);
    const EvaluationDateGuard guard(start);
    const QuantLib::Leg leg = legOn(flows, annualDates(start, flows.size()));
    const QuantLib::InterestRate y(rate, QuantLib::Thirty360(QuantLib::Thirty360::BondBasis),
                                   QuantLib::Compounded, QuantLib::Annual);
    return QuantLib::CashFlows::npv(leg, y, true, start, start);
}

const std::vector<double> kXFlows{-10000, 2750, 4250, 3250, 2750};
const std::vector<Date> kXDates{Date(1, QuantLib::January, 2008), Date(1, QuantLib::March, 2008),
                                Date(30, QuantLib::October, 2008), Date(15, QuantLib::February, 2009),
                                Date(1, QuantLib::April, 2009)};

} // namespace

// ---- NPV ---------------------------------------------------------------------------------------

TEST(StartsWithOutlay, TheFirstNonZeroFlowDecidesAndRoundingResidueIsNotAFlow) {
    EXPECT_TRUE(cityfin::finance::startsWithOutlay(std::vector<double>{0.0, -100.0, 50.0, 80.0}));
    EXPECT_FALSE(cityfin::finance::startsWithOutlay(std::vector<double>{0.0, 5.0, -100.0, 120.0}));
    EXPECT_TRUE(cityfin::finance::startsWithOutlay(std::vector<double>{3e-8, -100.0, 120.0}));  // residue
    EXPECT_FALSE(cityfin::finance::startsWithOutlay(std::vector<double>{0.0, 0.0}));
}

TEST(Npv, SpreadsheetConventionMatchesSpreadsheetDocumentation) {
    // Spreadsheet NPV documentation: NPV(10%, -10000, 3000, 4200, 6800) = 1188.44 and
    // NPV(8%, 8000, 9200, 10000, 12000, 14500) + (-40000) = 1922.06.
    EXPECT_NEAR(npv(0.10, std::vector<double>{-10000, 3000, 4200, 6800}, NpvConvention::Spreadsheet),
                1188.44, 0.005);
    EXPECT_NEAR(npv(0.08, std::vector<double>{8000, 9200, 10000, 12000, 14500}, NpvConvention::Spreadsheet) -
                    40000.0,
                1922.06, 0.005);
}

TEST(Npv, FirstFlowAtT0LeavesFirstFlowUndiscounted) {
    // By hand: -100 + 55/1.1 + 60.5/1.21 = -100 + 50 + 50 = 0; spreadsheet convention divides by 1.1.
    const std::vector<double> flows{-100.0, 55.0, 60.5};
    EXPECT_NEAR(npv(0.10, flows), 0.0, 1e-12);
    const std::vector<double> later{10.0, 55.0, 60.5};
    EXPECT_NEAR(npv(0.10, later), 110.0, 1e-12);
    EXPECT_NEAR(npv(0.10, later, NpvConvention::Spreadsheet), 100.0, 1e-12);
}

TEST(Npv, ZeroRateIsThePlainSum) {
    EXPECT_DOUBLE_EQ(npv(0.0, std::vector<double>{-5.0, 1.0, 2.0, 3.0, 4.0}), 5.0);
}

TEST(Npv, MatchesQuantLibCashFlowsNpvForEveryLength) {
    // Every length 1..13 exercises each remainder of the four-chain Horner; 30 and 61 are typical.
    for (std::size_t n : {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 30, 61}) {
        const std::vector<double> flows = sampleFlows(n);
        for (double rate : {-0.5, -0.02, 0.0, 0.08, 0.35, 3.0}) {
            const double expected = quantLibAnnualNpv(flows, rate);
            EXPECT_NEAR(npv(rate, flows), expected, 1e-12 * (1.0 + std::fabs(expected)))
                << "n=" << n << " rate=" << rate;
        }
    }
}

TEST(Npv, IsLinearInTheFlows) {
    const std::vector<double> a = sampleFlows(30);
    std::vector<double> b(30), combined(30);
    for (std::size_t i = 0; i < 30; ++i) {
        b[i] = std::sin(static_cast<double>(i)) * 500.0;
        combined[i] = 2.5 * a[i] - 0.75 * b[i];
    }
    for (auto convention : {NpvConvention::FirstFlowAtT0, NpvConvention::Spreadsheet}) {
        const double expected = 2.5 * npv(0.07, a, convention) - 0.75 * npv(0.07, b, convention);
        EXPECT_NEAR(npv(0.07, combined, convention), expected, 1e-9);
    }
}

TEST(Npv, RejectsBadInput) {
    const std::vector<double> flows{-100.0, 50.0, 60.0};
    EXPECT_INPUT_ERROR(npv(0.1, std::vector<double>{}), "flows: got an empty list, expected at least one value");
    EXPECT_INPUT_ERROR(npv(-1.0, flows), "rate: got -1, expected a finite rate above -1 (-100%)");
    EXPECT_INPUT_ERROR(npv(kNaN, flows), "rate: got NaN, expected a finite rate above -1 (-100%)");
    EXPECT_INPUT_ERROR(npv(0.1, std::vector<double>{-100.0, kNaN, 60.0}),
                       "flows[1]: got NaN, expected a finite number");
    EXPECT_INPUT_ERROR(npv(0.1, std::vector<double>{-100.0, 5.0, -kInf}, NpvConvention::Spreadsheet),
                       "flows[2]: got -inf, expected a finite number");
    // (1 + r)^-i overflows for a rate this close to -100% over 400 periods.
    EXPECT_INPUT_ERROR(npv(-0.99, std::vector<double>(400, 1.0)),
                       "rate: got -0.99, expected a rate at which the discounted flows stay finite");
}

// ---- NPV on cached discount factors ------------------------------------------------------------

TEST(NpvWithDiscountFactors, IsTheDotProduct) {
    // By hand: 100*0.9 + 200*0.8 - 50*0.5 = 90 + 160 - 25 = 225.
    EXPECT_DOUBLE_EQ(npvWithDiscountFactors(std::vector<double>{100, 200, -50}, std::vector<double>{0.9, 0.8, 0.5}),
                     225.0);
}

TEST(NpvWithDiscountFactors, MatchesQuantLibOnAFlatCurve) {
    const Date start(15, QuantLib::January, 2020);
    const EvaluationDateGuard guard(start);
    const std::vector<double> flows = sampleFlows(30);
    const std::vector<Date> dates = annualDates(start, flows.size());
    const QuantLib::FlatForward curve(start, 0.08, QuantLib::Actual365Fixed(), QuantLib::Compounded,
                                      QuantLib::Annual);
    std::vector<double> discountFactors;
    for (const Date& d : dates) discountFactors.push_back(curve.discount(d));
    const double expected = QuantLib::CashFlows::npv(legOn(flows, dates), curve, true, start, start);
    EXPECT_NEAR(npvWithDiscountFactors(flows, discountFactors), expected, 1e-12 * std::fabs(expected));
}

TEST(NpvWithDiscountFactors, RejectsBadInput) {
    const std::vector<double> flows{-100.0, 50.0, 60.0};
    EXPECT_INPUT_ERROR(npvWithDiscountFactors(std::vector<double>{}, std::vector<double>{}),
                       "flows: got an empty list, expected at least one value");
    EXPECT_INPUT_ERROR(npvWithDiscountFactors(flows, std::vector<double>{1.0, 0.9}),
                       "discountFactors: got 2 values, expected one per flow (3)");
    EXPECT_INPUT_ERROR(npvWithDiscountFactors(flows, std::vector<double>{1.0, 0.0, 0.8}),
                       "discountFactors[1]: got 0, expected a finite discount factor above 0");
    EXPECT_INPUT_ERROR(npvWithDiscountFactors(flows, std::vector<double>{1.0, 0.9, kNaN}),
                       "discountFactors[2]: got NaN, expected a finite discount factor above 0");
    EXPECT_INPUT_ERROR(npvWithDiscountFactors(flows, std::vector<double>{1.0, 0.9, kInf}),
                       "discountFactors[2]: got inf, expected a finite discount factor above 0");
    EXPECT_INPUT_ERROR(npvWithDiscountFactors(std::vector<double>{kInf, 1.0, 1.0}, std::vector<double>{1.0, 0.9, 0.8}),
                       "flows[0]: got inf, expected a finite number");
}

// ---- XNPV --------------------------------------------------------------------------------------

TEST(Xnpv, MatchesSpreadsheetDocumentation) {
    // Spreadsheet XNPV documentation: XNPV(0.09, ...) = 2086.65.
    EXPECT_NEAR(xnpv(0.09, kXFlows, kXDates), 2086.65, 0.005);
}

TEST(Xnpv, MatchesQuantLibActual365AnnualCompounding) {
    // (1+r)^-(days/365) is QuantLib's Actual/365 (Fixed) annually compounded discount factor.
    const EvaluationDateGuard guard(kXDates[0]);
    for (double rate : {-0.3, 0.0, 0.09, 1.5}) {
        const QuantLib::InterestRate y(rate, QuantLib::Actual365Fixed(), QuantLib::Compounded,
                                       QuantLib::Annual);
        const double expected = QuantLib::CashFlows::npv(legOn(kXFlows, kXDates), y, true, kXDates[0], kXDates[0]);
        EXPECT_NEAR(xnpv(rate, kXFlows, kXDates), expected, 1e-12 * std::fabs(expected)) << rate;
    }
}

TEST(Xnpv, OnlyTheFirstDateMustBeEarliest) {
    // Swapping two later (flow, date) pairs does not change the sum.
    std::vector<double> flows = kXFlows;
    std::vector<Date> dates = kXDates;
    std::swap(flows[1], flows[3]);
    std::swap(dates[1], dates[3]);
    EXPECT_NEAR(xnpv(0.09, flows, dates), xnpv(0.09, kXFlows, kXDates), 1e-9);
}

TEST(Xnpv, RejectsBadInput) {
    std::vector<Date> early = kXDates;
    early[2] = Date(31, QuantLib::December, 2007);
    EXPECT_INPUT_ERROR(xnpv(0.09, kXFlows, early),
                       "dates[2]: got 2007-12-31, expected a date no earlier than dates[0] (2008-01-01)");
    EXPECT_INPUT_ERROR(xnpv(0.09, kXFlows, std::span(kXDates).first(4)),
                       "dates: got 4 dates, expected one per flow (5)");
    std::vector<Date> null = kXDates;
    null[1] = Date();
    EXPECT_INPUT_ERROR(xnpv(0.09, kXFlows, null), "dates[1]: got a null date, expected a valid date");
    EXPECT_INPUT_ERROR(xnpv(-1.5, kXFlows, kXDates), "rate: got -1.5, expected a finite rate above -1 (-100%)");
    EXPECT_INPUT_ERROR(xnpv(0.09, std::vector<double>{}, std::vector<Date>{}),
                       "flows: got an empty list, expected at least one value");
    std::vector<double> nan = kXFlows;
    nan[4] = kNaN;
    EXPECT_INPUT_ERROR(xnpv(0.09, nan, kXDates), "flows[4]: got NaN, expected a finite number");
}

// ---- MIRR --------------------------------------------------------------------------------------

TEST(Mirr, MatchesSpreadsheetDocumentation) {
    // Spreadsheet MIRR documentation: 12.61% at 10% finance / 12% reinvestment; -4.80% on the first
    // four values (three years); 13.48% with 14% reinvestment.
    const std::vector<double> flows{-120000, 39000, 30000, 21000, 37000, 46000};
    EXPECT_NEAR(mirr(flows, 0.10, 0.12).value.value(), 0.1261, 0.00005);
    EXPECT_NEAR(mirr(std::span(flows).first(4), 0.10, 0.12).value.value(), -0.0480, 0.00005);
    EXPECT_NEAR(mirr(flows, 0.10, 0.14).value.value(), 0.1348, 0.00005);
}

TEST(Mirr, HandWorkedTwoPeriodCase) {
    // -100 now, 121 in two periods: (121 / 100)^(1/2) - 1 = 10% whatever the rates (no interim flow).
    const Answer a = mirr(std::vector<double>{-100.0, 0.0, 121.0}, 0.05, 0.30);
    ASSERT_TRUE(a);
    EXPECT_NEAR(*a.value, 0.10, 1e-14);
    // -100 now, 50 at t1 reinvested at 20% to 60 at t2, plus 66: (126 / 100)^(1/2) - 1.
    EXPECT_NEAR(*mirr(std::vector<double>{-100.0, 50.0, 66.0}, 0.05, 0.20).value, std::sqrt(1.26) - 1.0, 1e-14);
}

TEST(Mirr, NeedsBothSigns) {
    const Answer a = mirr(std::vector<double>{100.0, 50.0}, 0.1, 0.1);
    EXPECT_FALSE(a);
    EXPECT_EQ(a.reason, "no MIRR: the flows need at least one negative and one positive value");
    EXPECT_FALSE(mirr(std::vector<double>{-100.0}, 0.1, 0.1));
}

TEST(Mirr, RejectsBadInput) {
    const std::vector<double> flows{-100.0, 50.0, 60.0};
    EXPECT_INPUT_ERROR(mirr(std::vector<double>{}, 0.1, 0.1), "flows: got an empty list, expected at least one value");
    EXPECT_INPUT_ERROR(mirr(std::vector<double>{-100.0, kInf}, 0.1, 0.1), "flows[1]: got inf, expected a finite number");
    EXPECT_INPUT_ERROR(mirr(flows, -1.0, 0.1), "financeRate: got -1, expected a finite rate above -1 (-100%)");
    EXPECT_INPUT_ERROR(mirr(flows, 0.1, kNaN), "reinvestRate: got NaN, expected a finite rate above -1 (-100%)");
}

// ---- payback -----------------------------------------------------------------------------------

TEST(Payback, InterpolatesWithinThePeriodOfRecovery) {
    // Cumulative -1000, -700, -300, +200: recovered 300/500 into period 3 -> 2.6.
    EXPECT_NEAR(*payback(std::vector<double>{-1000, 300, 400, 500}).value, 2.6, 1e-14);
    // Cumulative reaches exactly zero at t2.
    EXPECT_DOUBLE_EQ(*payback(std::vector<double>{-1000, 500, 500, 10}).value, 2.0);
}

TEST(Payback, NeverPaidBackIsEmptyWithReason) {
    const Answer a = payback(std::vector<double>{-1000, 300, 400});
    EXPECT_FALSE(a);
    EXPECT_EQ(a.reason, "never paid back: the cumulative flow is still negative after the last period");
}

TEST(Payback, NothingToRecoverIsZero) {
    EXPECT_DOUBLE_EQ(*payback(std::vector<double>{100, 50}).value, 0.0);
}

TEST(Payback, CountsTheLastRecoveryAndWarnsWhenItDipsAgain) {
    // Cumulative -100, 50, -50, 50: paid back in period 3 at 2 + 50/100 = 2.5, after a relapse.
    const Answer a = payback(std::vector<double>{-100, 150, -100, 100});
    EXPECT_NEAR(*a.value, 2.5, 1e-14);
    ASSERT_EQ(a.warnings.size(), 1u);
    EXPECT_EQ(a.warnings[0], "the cumulative flow turns negative again after first recovering; payback is "
                             "counted to the last time it turns non-negative");
    EXPECT_TRUE(payback(std::vector<double>{-1000, 300, 400, 500}).warnings.empty());
}

TEST(DiscountedPayback, UsesFlowsDiscountedFromT0) {
    // At 10%, -1000, 550, 605, 665.5 discount to -1000, 500, 500, 500: cumulative 0 at t2 -> 2.
    EXPECT_NEAR(*discountedPayback(std::vector<double>{-1000, 550, 605, 665.5}, 0.10).value, 2.0, 1e-12);
    // -1000, 600, 600: undiscounted 1 + 400/600; at 10%, 545.45 + 495.87 -> 1 + 454.55/495.87.
    const std::vector<double> flows{-1000, 600, 600};
    EXPECT_NEAR(*payback(flows).value, 1.0 + 400.0 / 600.0, 1e-14);
    EXPECT_NEAR(*discountedPayback(flows, 0.10).value, 1.0 + (1000.0 - 600.0 / 1.1) / (600.0 / 1.21), 1e-12);
    // At 30%: 461.54 + 355.03 < 1000, never paid back.
    const Answer never = discountedPayback(flows, 0.30);
    EXPECT_FALSE(never);
    EXPECT_EQ(never.reason, "never paid back: the cumulative discounted flow is still negative after the last period");
}

TEST(Payback, RejectsBadInput) {
    EXPECT_INPUT_ERROR(payback(std::vector<double>{}), "flows: got an empty list, expected at least one value");
    EXPECT_INPUT_ERROR(payback(std::vector<double>{-1.0, kNaN}), "flows[1]: got NaN, expected a finite number");
    EXPECT_INPUT_ERROR(discountedPayback(std::vector<double>{}, 0.1),
                       "flows: got an empty list, expected at least one value");
    EXPECT_INPUT_ERROR(discountedPayback(std::vector<double>{kInf}, 0.1), "flows[0]: got inf, expected a finite number");
    EXPECT_INPUT_ERROR(discountedPayback(std::vector<double>{-1.0, 2.0}, -2.0),
                       "rate: got -2, expected a finite rate above -1 (-100%)");
}

// ---- profitability index -----------------------------------------------------------------------

TEST(ProfitabilityIndex, IsDiscountedInflowsOverDiscountedOutlays) {
    // At 10%: inflows 550/1.1 + 605/1.21 = 1000; outlays 1000 -> 1.
    EXPECT_NEAR(*profitabilityIndex(0.10, std::vector<double>{-1000, 550, 605}).value, 1.0, 1e-14);
    // Outlays spread over two periods: inflows 1210/1.21 = 1000; outlays 500 + 550/1.1 = 1000 -> 1.
    EXPECT_NEAR(*profitabilityIndex(0.10, std::vector<double>{-500, -550, 1210}).value, 1.0, 1e-14);
}

TEST(ProfitabilityIndex, EqualsOnePlusNpvOverInvestmentWhenOutlaysComeFirst) {
    const std::vector<double> flows = sampleFlows(30); // only flows[0] is negative
    const double expected = 1.0 + npv(0.06, flows) / 1000.0;
    EXPECT_NEAR(*profitabilityIndex(0.06, flows).value, expected, 1e-14);
}

TEST(ProfitabilityIndex, NoOutlayIsEmptyWithReason) {
    const Answer a = profitabilityIndex(0.1, std::vector<double>{0.0, 10.0});
    EXPECT_FALSE(a);
    EXPECT_EQ(a.reason, "no profitability index: there is no negative flow (investment) to divide by");
}

TEST(ProfitabilityIndex, RejectsBadInput) {
    EXPECT_INPUT_ERROR(profitabilityIndex(0.1, std::vector<double>{}),
                       "flows: got an empty list, expected at least one value");
    EXPECT_INPUT_ERROR(profitabilityIndex(0.1, std::vector<double>{-1.0, kNaN}),
                       "flows[1]: got NaN, expected a finite number");
    EXPECT_INPUT_ERROR(profitabilityIndex(kInf, std::vector<double>{-1.0, 2.0}),
                       "rate: got inf, expected a finite rate above -1 (-100%)");
}
