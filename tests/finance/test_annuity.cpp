// PMT, IPMT, PPMT: spreadsheet documentation examples, a loan schedule simulated period by period,
// and the identities between the three.

#include "finance/metrics.hpp"

#include "expect_input_error.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

using namespace cityfin::finance;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr PaymentTiming kBegin = PaymentTiming::Begin;
constexpr PaymentTiming kEnd = PaymentTiming::End;

struct SchedulePeriod {
    double interest;  // spreadsheet sign: negative for a loan received (pv > 0)
    double principal;
};

/// The loan simulated period by period, independently of the closed forms: balance pv, level
/// payment `payment` (negative), interest at `rate` on the balance outstanding over each period.
/// End: each payment covers the interest of its period. Begin: payment k falls at the start of
/// period k, so it covers the interest accrued over period k-1 (none for the first).
/// Returns the periods and sets `finalBalance` to what is still owed after the last period.
std::vector<SchedulePeriod> simulateLoan(double rate, int nper, double pv, double payment, PaymentTiming when,
                                         double& finalBalance) {
    std::vector<SchedulePeriod> periods;
    double owed = pv;
    for (int k = 1; k <= nper; ++k) {
        const double interest = when == kEnd ? owed * rate : (k == 1 ? 0.0 : owed * rate / (1.0 + rate));
        if (when == kEnd) owed += owed * rate;  // interest accrues, then the payment
        periods.push_back({-interest, payment + interest});
        owed += payment;
        if (when == kBegin) owed += owed * rate; // payment first, then interest accrues
    }
    finalBalance = owed;
    return periods;
}

} // namespace

TEST(Pmt, MatchesSpreadsheetDocumentation) {
    // Spreadsheet PMT documentation.
    EXPECT_NEAR(pmt(0.08 / 12, 10, 10000), -1037.03, 0.005);
    EXPECT_NEAR(pmt(0.08 / 12, 10, 10000, 0, kBegin), -1030.16, 0.005);
    EXPECT_NEAR(pmt(0.06 / 12, 18 * 12, 0, 50000), -129.08, 0.005);
    EXPECT_NEAR(pmt(0.05, 30, 1e6), -65051.44, 0.005); // the example in metrics.hpp
}

TEST(Pmt, ZeroRateIsAStraightDivision) {
    EXPECT_DOUBLE_EQ(pmt(0.0, 10, 1000), -100.0);
    EXPECT_DOUBLE_EQ(pmt(0.0, 10, 1000, 500, kBegin), -150.0);
}

TEST(Pmt, PaymentsDiscountBackToThePrincipal) {
    // End: n payments at t1..tn are the spreadsheet NPV convention; Begin: at t0..t(n-1).
    const double rate = 0.045, pv = 250000.0;
    const int nper = 25;
    const std::vector<double> endPayments(nper, pmt(rate, nper, pv));
    EXPECT_NEAR(npv(rate, endPayments, NpvConvention::Spreadsheet), -pv, 1e-7);
    const std::vector<double> beginPayments(nper, pmt(rate, nper, pv, 0.0, kBegin));
    EXPECT_NEAR(npv(rate, beginPayments, NpvConvention::FirstFlowAtT0), -pv, 1e-7);
}

TEST(Pmt, StaysFiniteForVeryLongTermsAndDeepNegativeRates) {
    // For n -> infinity the payment tends to the interest only, -r * pv, and the last period's
    // interest is r times the one payment still due, discounted one period: r * pmt / (1 + r).
    const double payment = pmt(0.05, 100000, 1e6);
    EXPECT_NEAR(payment, -50000.0, 1e-6);
    EXPECT_NEAR(ipmt(0.05, 100000, 100000, 1e6), 0.05 * payment / 1.05, 1e-6);
    // At -50% over 2000 periods (1+r)^n underflows; nothing may overflow or turn NaN.
    EXPECT_TRUE(std::isfinite(pmt(-0.5, 2000, 1000)));
    EXPECT_TRUE(std::isfinite(ipmt(-0.5, 1999, 2000, 1000, 10)));
    EXPECT_TRUE(std::isfinite(ppmt(-0.5, 1999, 2000, 1000, 10, kBegin)));
}

TEST(Ipmt, MatchesSpreadsheetDocumentation) {
    EXPECT_NEAR(ipmt(0.10 / 12, 1, 36, 8000), -66.67, 0.005);
    EXPECT_NEAR(ipmt(0.10, 3, 3, 8000), -292.45, 0.005);
}

TEST(Ipmt, BeginTimingHasNoInterestInTheFirstPeriod) {
    EXPECT_EQ(ipmt(0.10, 1, 3, 8000, 0, kBegin), 0.0);
    // By hand: payment 2924.47 at t0 leaves 5075.53; 10% of it, 507.55, is paid at t1.
    EXPECT_NEAR(ipmt(0.10, 2, 3, 8000, 0, kBegin), -507.55, 0.005);
}

TEST(Ppmt, MatchesSpreadsheetDocumentation) {
    EXPECT_NEAR(ppmt(0.10 / 12, 1, 24, 2000), -75.62, 0.005);
    EXPECT_NEAR(ppmt(0.08, 10, 10, 200000), -27598.05, 0.005);
}

TEST(Annuity, SplitMatchesASimulatedLoanSchedule) {
    for (PaymentTiming when : {kEnd, kBegin}) {
        for (double fv : {0.0, -1500.0}) {
            const double rate = 0.07, pv = 10000.0;
            const int nper = 12;
            const double payment = pmt(rate, nper, pv, fv, when);
            double finalBalance = 0.0;
            const auto schedule = simulateLoan(rate, nper, pv, payment, when, finalBalance);
            // pv + fv sign convention: a negative fv is a balloon the borrower still owes.
            EXPECT_NEAR(finalBalance, -fv, 1e-8);
            for (int per = 1; per <= nper; ++per) {
                EXPECT_NEAR(ipmt(rate, per, nper, pv, fv, when), schedule[per - 1].interest, 1e-9) << per;
                EXPECT_NEAR(ppmt(rate, per, nper, pv, fv, when), schedule[per - 1].principal, 1e-9) << per;
            }
        }
    }
}

TEST(Annuity, PrincipalPartsSumToMinusPvAndPartsSumToPayment) {
    for (PaymentTiming when : {kEnd, kBegin}) {
        for (double rate : {-0.02, 0.0, 0.004, 0.12}) {
            const int nper = 40;
            const double pv = 75000.0;
            double principal = 0.0;
            for (int per = 1; per <= nper; ++per) {
                principal += ppmt(rate, per, nper, pv, 0.0, when);
                EXPECT_NEAR(ipmt(rate, per, nper, pv, 0.0, when) + ppmt(rate, per, nper, pv, 0.0, when),
                            pmt(rate, nper, pv, 0.0, when), 1e-9);
            }
            EXPECT_NEAR(principal, -pv, 1e-7) << "rate " << rate;
        }
    }
}

TEST(Annuity, RejectsBadInput) {
    EXPECT_INPUT_ERROR(pmt(-1.0, 10, 1000), "rate: got -1, expected a finite rate above -1 (-100%)");
    EXPECT_INPUT_ERROR(pmt(0.05, 0, 1000), "nper: got 0, expected a whole number of periods, at least 1");
    EXPECT_INPUT_ERROR(pmt(0.05, 10, kNaN), "pv: got NaN, expected a finite number");
    EXPECT_INPUT_ERROR(pmt(0.05, 10, 1000, kInf), "fv: got inf, expected a finite number");
    EXPECT_INPUT_ERROR(ipmt(0.05, 0, 3, 1000), "per: got 0, expected a period from 1 to nper (3)");
    EXPECT_INPUT_ERROR(ipmt(0.05, 4, 3, 1000), "per: got 4, expected a period from 1 to nper (3)");
    EXPECT_INPUT_ERROR(ipmt(0.05, 1, -2, 1000), "nper: got -2, expected a whole number of periods, at least 1");
    EXPECT_INPUT_ERROR(ipmt(kNaN, 1, 3, 1000), "rate: got NaN, expected a finite rate above -1 (-100%)");
    EXPECT_INPUT_ERROR(ipmt(0.05, 1, 3, 1000, -kInf), "fv: got -inf, expected a finite number");
    EXPECT_INPUT_ERROR(ppmt(0.05, 5, 3, 1000), "per: got 5, expected a period from 1 to nper (3)");
    EXPECT_INPUT_ERROR(ppmt(-3.0, 1, 3, 1000), "rate: got -3, expected a finite rate above -1 (-100%)");
    EXPECT_INPUT_ERROR(ppmt(0.05, 1, 3, kInf), "pv: got inf, expected a finite number");
    EXPECT_INPUT_ERROR(pmt(0.05, 10, 1.7e308, 1.7e308), "pv: got 1.7e+308, expected an amount for which the payments stay finite");
}
