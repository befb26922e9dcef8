#include "finance/bond.hpp"
#include "finance/dates.hpp"
#include "finance/errors.hpp"

#include <gtest/gtest.h>

#include <ql/cashflows/duration.hpp>
#include <ql/instruments/bonds/fixedratebond.hpp>
#include <ql/pricingengines/bond/bondfunctions.hpp>
#include <ql/pricingengines/bond/discountingbondengine.hpp>
#include <ql/termstructures/yield/flatforward.hpp>
#include <ql/time/calendars/nullcalendar.hpp>
#include <ql/time/daycounters/actual365fixed.hpp>
#include <ql/time/daycounters/thirty360.hpp>
#include <ql/time/schedule.hpp>

#include <cmath>
#include <functional>
#include <limits>
#include <string>

namespace ql = QuantLib;
using cityfin::InputError;
using cityfin::finance::BondDayCount;
using cityfin::finance::BondFigures;
using cityfin::finance::BondSpec;
using cityfin::finance::bondCouponDates;
using cityfin::finance::bondFromCleanPrice;
using cityfin::finance::bondFromYield;
using cityfin::finance::bondZSpread;

namespace {

BondSpec spec(ql::Date settlement, ql::Date maturity, double coupon, int frequency = 2,
              BondDayCount dayCount = BondDayCount::Thirty360US) {
    BondSpec s;
    s.settlement = settlement;
    s.maturity = maturity;
    s.couponRate = coupon;
    s.frequency = frequency;
    s.dayCount = dayCount;
    return s;
}

BondSpec tenYearBond() { // the spreadsheet PRICE documentation example
    return spec(ql::Date(15, ql::February, 2008), ql::Date(15, ql::November, 2017), 0.0575);
}

std::string messageOf(const std::function<void()>& call) {
    try {
        call();
    } catch (const InputError& e) {
        return e.what();
    }
    return "no InputError thrown";
}

// Dirty price per 100 by the textbook formula, for finite differences that do not go through
// QuantLib's analytic duration and convexity.
double dirtyAt(const BondSpec& s, double yield) { return bondFromYield(s, yield).dirtyPrice; }

} // namespace

// ---- Spreadsheet documentation examples ------------------------------------------------------

TEST(Bond, PriceMatchesSpreadsheetPriceExample) {
    // PRICE("2008-02-15", "2017-11-15", 5.75%, 6.5%, 100, 2, 0) = 94.6343616
    const BondFigures f = bondFromYield(tenYearBond(), 0.065);
    EXPECT_NEAR(f.cleanPrice, 94.6343616, 1e-7);
}

TEST(Bond, YieldMatchesSpreadsheetYieldExample) {
    // YIELD("2008-02-15", "2016-11-15", 5.75%, 95.04287, 100, 2, 0) = 0.065 (6.5%)
    const BondSpec s = spec(ql::Date(15, ql::February, 2008), ql::Date(15, ql::November, 2016), 0.0575);
    EXPECT_NEAR(bondFromCleanPrice(s, 95.04287).yield, 0.065, 1e-6);
}

TEST(Bond, DurationsMatchSpreadsheetDurationAndMduration) {
    // DURATION("2008-01-01", "2016-01-01", 8%, 9%, 2, 1) = 5.993775; MDURATION(...) = 5.73567
    const BondSpec s = spec(ql::Date(1, ql::January, 2008), ql::Date(1, ql::January, 2016), 0.08, 2,
                            BondDayCount::ActualActual);
    const BondFigures f = bondFromYield(s, 0.09);
    EXPECT_NEAR(f.macaulayDuration, 5.993775, 1e-6);
    EXPECT_NEAR(f.modifiedDuration, 5.73567, 1e-5);
}

// ---- Accrued interest and the coupon schedule ------------------------------------------------

TEST(Bond, AccruedInterestThirty360CountsNinetyOfOneHundredEightyDays) {
    // Previous coupon 2007-11-15, 30/360: 90 days of a 180-day period; 5.75/2 * 90/180 = 1.4375.
    const BondFigures f = bondFromYield(tenYearBond(), 0.065);
    EXPECT_NEAR(f.accruedInterest, 1.4375, 1e-12);
    EXPECT_NEAR(f.dirtyPrice - f.cleanPrice, 1.4375, 1e-12);
}

TEST(Bond, AccruedInterestActualActualUsesActualDaysOfThePeriod) {
    // 2007-11-15 -> 2008-02-15 is 92 days of the 182-day period to 2008-05-15: 2.875 * 92/182.
    BondSpec s = tenYearBond();
    s.dayCount = BondDayCount::ActualActual;
    EXPECT_NEAR(bondFromYield(s, 0.065).accruedInterest, 2.875 * 92.0 / 182.0, 1e-12);
}

TEST(Bond, ScheduleStartsAtLastCouponOnOrBeforeSettlement) {
    const auto dates = bondCouponDates(tenYearBond());
    ASSERT_EQ(dates.size(), 21u); // 2007-11-15 then 20 half-years to 2017-11-15
    EXPECT_EQ(dates.front(), ql::Date(15, ql::November, 2007));
    EXPECT_EQ(dates[1], ql::Date(15, ql::May, 2008));
    EXPECT_EQ(dates.back(), ql::Date(15, ql::November, 2017));
}

TEST(Bond, MonthEndMaturityKeepsCouponsAtMonthEnds) {
    // Maturity 2017-11-30: coupons on 31 May and 30 November (spreadsheet COUPPCD/COUPNCD rule).
    const BondSpec s = spec(ql::Date(1, ql::March, 2017), ql::Date(30, ql::November, 2017), 0.06);
    const auto dates = bondCouponDates(s);
    ASSERT_EQ(dates.size(), 3u);
    EXPECT_EQ(dates[0], ql::Date(30, ql::November, 2016));
    EXPECT_EQ(dates[1], ql::Date(31, ql::May, 2017));
    // 30/360 US from 2016-11-30 to 2017-03-01: 360 - 8*30 + (1 - 30) = 91 days; 3 * 91/180.
    EXPECT_NEAR(bondFromYield(s, 0.06).accruedInterest, 3.0 * 91.0 / 180.0, 1e-12);
}

TEST(Bond, SettlementOnACouponDateHasNoAccruedAndParAtCouponYield) {
    // On a coupon date, a bond whose yield equals its coupon (same compounding) is worth par.
    const BondSpec s = spec(ql::Date(15, ql::May, 2010), ql::Date(15, ql::May, 2020), 0.05);
    const BondFigures f = bondFromYield(s, 0.05);
    EXPECT_EQ(f.accruedInterest, 0.0);
    EXPECT_NEAR(f.cleanPrice, 100.0, 1e-10);
}

// ---- Cross-checks against QuantLib used directly ---------------------------------------------

TEST(Bond, AgreesWithQuantLibBondFunctionsOnAnIndependentlyBuiltBond) {
    // The same bond built forward from its known issue-like date 2007-11-15.
    const ql::Schedule schedule(ql::Date(15, ql::November, 2007), ql::Date(15, ql::November, 2017),
                                ql::Period(ql::Semiannual), ql::NullCalendar(), ql::Unadjusted,
                                ql::Unadjusted, ql::DateGeneration::Forward, false);
    const ql::Thirty360 dc(ql::Thirty360::USA);
    const ql::FixedRateBond bond(0, 100.0, schedule, {0.0575}, dc, ql::Unadjusted, 100.0,
                                 ql::Date(15, ql::November, 2007));
    const ql::Date settlement(15, ql::February, 2008);
    const ql::InterestRate y(0.065, dc, ql::Compounded, ql::Semiannual);
    using BF = ql::BondFunctions;

    const BondFigures f = bondFromYield(tenYearBond(), 0.065);
    EXPECT_NEAR(f.cleanPrice, BF::cleanPrice(bond, y, settlement), 1e-12);
    EXPECT_NEAR(f.modifiedDuration, BF::duration(bond, y, ql::Duration::Modified, settlement), 1e-12);
    EXPECT_NEAR(f.macaulayDuration, BF::duration(bond, y, ql::Duration::Macaulay, settlement), 1e-12);
    EXPECT_NEAR(f.convexity, BF::convexity(bond, y, settlement), 1e-10);
    EXPECT_NEAR(f.basisPointValue, BF::basisPointValue(bond, y, settlement), 1e-12);
}

TEST(Bond, PriceToYieldToPriceRoundTrips) {
    for (BondDayCount dc : {BondDayCount::Thirty360US, BondDayCount::ActualActual,
                            BondDayCount::Actual365Fixed, BondDayCount::Actual360,
                            BondDayCount::Thirty360European}) {
        for (int frequency : {1, 2, 4, 12}) {
            const BondSpec s = spec(ql::Date(10, ql::March, 2024), ql::Date(31, ql::August, 2039),
                                    0.041, frequency, dc);
            for (double price : {62.5, 97.25, 100.0, 131.0}) {
                const BondFigures f = bondFromCleanPrice(s, price);
                EXPECT_NEAR(bondFromYield(s, f.yield).cleanPrice, price, 1e-9)
                    << "frequency " << frequency << " price " << price;
            }
        }
    }
}

TEST(Bond, MacaulayIsModifiedTimesOnePlusPeriodicYield) {
    const BondFigures f = bondFromYield(tenYearBond(), 0.065);
    EXPECT_NEAR(f.macaulayDuration, f.modifiedDuration * (1.0 + 0.065 / 2.0), 1e-12);
}

TEST(Bond, BasisPointValueIsMinusModifiedDurationTimesDirtyPriceTimesOneBp) {
    const BondSpec s = tenYearBond();
    const BondFigures f = bondFromYield(s, 0.065);
    EXPECT_LT(f.basisPointValue, 0.0);
    EXPECT_NEAR(f.basisPointValue, -f.modifiedDuration * f.dirtyPrice * 1e-4, 1e-6);
    // And the actual repricing: the second-order term is 0.5 * C * P * 1e-8 ~ 3e-5 here.
    EXPECT_NEAR(dirtyAt(s, 0.0651) - f.dirtyPrice, f.basisPointValue, 5e-5);
}

TEST(Bond, DurationAndConvexityMatchFiniteDifferencesOfThePrice) {
    // D_mod = -P'/P and C = P''/P, central differences with h = 1e-4: the error of the first is
    // about h^2/6 * P'''/P ~ 1e-8 * 600 / 6 ~ 1e-6 for a ten-year bond, hence 1e-5.
    const BondSpec s = tenYearBond();
    const double y = 0.065, h = 1e-4;
    const double p0 = dirtyAt(s, y), up = dirtyAt(s, y + h), down = dirtyAt(s, y - h);
    const BondFigures f = bondFromYield(s, y);
    EXPECT_NEAR(f.modifiedDuration, -(up - down) / (2 * h) / p0, 1e-5);
    EXPECT_NEAR(f.convexity, (up + down - 2 * p0) / (h * h) / p0, 1e-3);
}

TEST(Bond, RedemptionAbove100RaisesThePriceByItsDiscountedExtra) {
    // The extra 5 paid at maturity is worth 5 / (1 + y/2)^(2 * years to maturity); on a coupon date
    // with 10 years left, 5 / 1.03^20.
    BondSpec s = spec(ql::Date(15, ql::May, 2010), ql::Date(15, ql::May, 2020), 0.05);
    const double par = bondFromYield(s, 0.06).cleanPrice;
    s.redemption = 105.0;
    EXPECT_NEAR(bondFromYield(s, 0.06).cleanPrice - par, 5.0 / std::pow(1.03, 20), 1e-10);
}

// ---- Z-spread -------------------------------------------------------------------------------

TEST(Bond, ZSpreadRecoversTheSpreadUsedByQuantLibToPrice) {
    const ql::Date settlement(15, ql::February, 2008);
    const auto curve = ql::ext::make_shared<ql::FlatForward>(settlement, 0.04, ql::Actual365Fixed());
    const ql::Schedule schedule(ql::Date(15, ql::November, 2007), ql::Date(15, ql::November, 2017),
                                ql::Period(ql::Semiannual), ql::NullCalendar(), ql::Unadjusted,
                                ql::Unadjusted, ql::DateGeneration::Forward, false);
    const ql::FixedRateBond bond(0, 100.0, schedule, {0.0575}, ql::Thirty360(ql::Thirty360::USA),
                                 ql::Unadjusted, 100.0, ql::Date(15, ql::November, 2007));
    const double spread = 0.0123;
    const double price = ql::BondFunctions::cleanPrice(bond, curve, spread, ql::Actual365Fixed(),
                                                       ql::Continuous, ql::NoFrequency, settlement);
    EXPECT_NEAR(bondZSpread(tenYearBond(), price, *curve), spread, 1e-9);
}

TEST(Bond, ZSpreadOverAFlatCurveEqualsTheShiftOfThatCurve) {
    // Price on a flat 3% + 150bp continuous curve through QuantLib's DiscountingBondEngine; the spread
    // over the flat 3% curve is then 150bp.
    const ql::Date settlement(15, ql::May, 2010);
    const BondSpec s = spec(settlement, ql::Date(15, ql::May, 2020), 0.05);
    const ql::Schedule schedule(settlement, s.maturity, ql::Period(ql::Semiannual), ql::NullCalendar(),
                                ql::Unadjusted, ql::Unadjusted, ql::DateGeneration::Forward, false);
    ql::FixedRateBond bond(0, 100.0, schedule, {0.05}, ql::Thirty360(ql::Thirty360::USA),
                           ql::Unadjusted, 100.0, settlement);
    const ql::Handle<ql::YieldTermStructure> shifted(
        ql::ext::make_shared<ql::FlatForward>(settlement, 0.045, ql::Actual365Fixed()));
    bond.setPricingEngine(ql::ext::make_shared<ql::DiscountingBondEngine>(shifted));
    double price = 0.0;
    {
        const cityfin::finance::EvaluationDateGuard guard(settlement);
        price = bond.cleanPrice();
    }
    const ql::FlatForward base(settlement, 0.03, ql::Actual365Fixed());
    EXPECT_NEAR(bondZSpread(s, price, base), 0.015, 1e-9);
}

// ---- Amortising bonds -----------------------------------------------------------------------

TEST(Bond, AmortisingWithConstantNotionalsEqualsTheBullet) {
    BondSpec s = tenYearBond();
    const BondFigures bullet = bondFromYield(s, 0.065);
    s.amortisingNotionals.assign(bondCouponDates(s).size() - 1, 100.0);
    const BondFigures same = bondFromYield(s, 0.065);
    EXPECT_NEAR(same.cleanPrice, bullet.cleanPrice, 1e-10);
    EXPECT_NEAR(same.macaulayDuration, bullet.macaulayDuration, 1e-10);
}

TEST(Bond, AmortisingBondHasShorterDurationThanTheBullet) {
    BondSpec s = tenYearBond();
    const BondFigures bullet = bondFromYield(s, 0.065);
    const std::size_t periods = bondCouponDates(s).size() - 1; // 20
    for (std::size_t i = 0; i < periods; ++i) // 100, 95, ..., 5: 5 repaid at each coupon date
        s.amortisingNotionals.push_back(100.0 - 5.0 * static_cast<double>(i));
    const BondFigures amortising = bondFromYield(s, 0.065);
    EXPECT_LT(amortising.macaulayDuration, bullet.macaulayDuration - 1.0);
    EXPECT_LT(amortising.modifiedDuration, bullet.modifiedDuration - 1.0);
    // Same coupon period running, same face now: the accrued interest is the same.
    EXPECT_NEAR(amortising.accruedInterest, bullet.accruedInterest, 1e-12);
}

TEST(Bond, AmortisingPriceIsThePresentValueOfItsFlowsWorkedByHand) {
    // Settlement on a coupon date, annual 10% coupon, 30/360, yield 10%, notionals 100, 50:
    // year 1: 10 coupon + 50 repaid; year 2: 5 coupon + 50 repaid.
    // P = 60/1.1 + 55/1.1^2 = 54.5454... + 45.4545... = 100.
    // At yield 8%: 60/1.08 + 55/1.08^2 = 55.5556 + 47.1536 = 102.7092.
    BondSpec s = spec(ql::Date(1, ql::June, 2020), ql::Date(1, ql::June, 2022), 0.10, 1);
    s.amortisingNotionals = {100.0, 50.0};
    EXPECT_NEAR(bondFromYield(s, 0.10).cleanPrice, 100.0, 1e-10);
    EXPECT_NEAR(bondFromYield(s, 0.08).cleanPrice, 60.0 / 1.08 + 55.0 / (1.08 * 1.08), 1e-10);
}

// ---- Bad input ------------------------------------------------------------------------------

TEST(Bond, RejectsMaturityNotAfterSettlement) {
    BondSpec s = tenYearBond();
    s.maturity = s.settlement;
    EXPECT_EQ(messageOf([&] { bondFromYield(s, 0.05); }),
              "maturity: got 2008-02-15, expected a date after settlement 2008-02-15");
    EXPECT_EQ(messageOf([&] { bondFromCleanPrice(s, 99.0); }),
              "maturity: got 2008-02-15, expected a date after settlement 2008-02-15");
}

TEST(Bond, RejectsNullSettlement) {
    BondSpec s = tenYearBond();
    s.settlement = ql::Date();
    EXPECT_EQ(messageOf([&] { bondFromYield(s, 0.05); }),
              "settlement: got an empty date, expected a valid date");
}

TEST(Bond, RejectsFrequencyOutsideOneTwoFourTwelve) {
    BondSpec s = tenYearBond();
    s.frequency = 3;
    EXPECT_EQ(messageOf([&] { bondFromYield(s, 0.05); }),
              "frequency: got 3, expected 1, 2, 4 or 12 coupons a year");
    EXPECT_EQ(messageOf([&] { bondCouponDates(s); }),
              "frequency: got 3, expected 1, 2, 4 or 12 coupons a year");
}

TEST(Bond, RejectsNonPositiveOrNonFinitePrice) {
    EXPECT_EQ(messageOf([&] { bondFromCleanPrice(tenYearBond(), 0.0); }),
              "price: got 0, expected a positive finite clean price");
    EXPECT_EQ(messageOf([&] {
                  bondFromCleanPrice(tenYearBond(), std::numeric_limits<double>::quiet_NaN());
              }),
              "price: got NaN, expected a positive finite clean price");
    const ql::FlatForward curve(tenYearBond().settlement, 0.03, ql::Actual365Fixed());
    EXPECT_EQ(messageOf([&] { bondZSpread(tenYearBond(), -1.0, curve); }),
              "price: got -1, expected a positive finite clean price");
}

TEST(Bond, RejectsAPriceWithoutAYieldInRange) {
    // One monthly period left, no coupon: 100 / (1 + y/12) = 1 needs y = 1188 (118,800%).
    const BondSpec s = spec(ql::Date(1, ql::January, 2020), ql::Date(1, ql::February, 2020), 0.0, 12);
    EXPECT_EQ(messageOf([&] { bondFromCleanPrice(s, 1.0); }),
              "price: got 1, expected a clean price whose yield lies between -12 and 100");
}

TEST(Bond, ExtremePricesEitherRoundTripOrReportAnInputError) {
    // Never a NaN, never a crash: each price gives a yield that reprices it, or a clear error.
    for (int frequency : {1, 12}) {
        const BondSpec s = spec(ql::Date(1, ql::January, 2020), ql::Date(1, ql::January, 2060), 0.03,
                                frequency);
        for (double price : {1e-6, 1e-2, 5.0, 1e3, 1e6, 1e12}) {
            try {
                const BondFigures f = bondFromCleanPrice(s, price);
                EXPECT_TRUE(std::isfinite(f.yield) && std::isfinite(f.convexity));
                EXPECT_NEAR(f.cleanPrice / price, 1.0, 1e-8) << "price " << price;
            } catch (const InputError& e) {
                EXPECT_EQ(e.field(), "price");
            }
        }
    }
}

TEST(Bond, RejectsYieldAtOrBelowMinusFrequencyOrNonFinite) {
    EXPECT_EQ(messageOf([&] { bondFromYield(tenYearBond(), -2.0); }),
              "yield: got -2, expected a finite yield above -2 (-100% per coupon period)");
    EXPECT_EQ(messageOf([&] {
                  bondFromYield(tenYearBond(), std::numeric_limits<double>::infinity());
              }),
              "yield: got inf, expected a finite yield above -2 (-100% per coupon period)");
    EXPECT_NO_THROW(bondFromYield(tenYearBond(), -0.01)); // negative yields are real
}

TEST(Bond, RejectsNegativeOrNonFiniteCoupon) {
    BondSpec s = tenYearBond();
    s.couponRate = -0.01;
    EXPECT_EQ(messageOf([&] { bondFromYield(s, 0.05); }), "coupon: got -0.01, expected a finite rate >= 0");
    s.couponRate = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(messageOf([&] { bondFromYield(s, 0.05); }), "coupon: got NaN, expected a finite rate >= 0");
}

TEST(Bond, RejectsNonPositiveRedemption) {
    BondSpec s = tenYearBond();
    s.redemption = 0.0;
    EXPECT_EQ(messageOf([&] { bondFromYield(s, 0.05); }),
              "redemption: got 0, expected a positive finite amount per 100 of face");
}

TEST(Bond, RejectsBadAmortisingNotionals) {
    BondSpec s = spec(ql::Date(1, ql::June, 2020), ql::Date(1, ql::June, 2023), 0.05, 1);
    s.amortisingNotionals = {100.0, 50.0};
    EXPECT_EQ(messageOf([&] { bondFromYield(s, 0.05); }),
              "amortisingNotionals: got 2 values, expected 3 (one per remaining coupon period)");
    s.amortisingNotionals = {90.0, 50.0, 25.0};
    EXPECT_EQ(messageOf([&] { bondFromYield(s, 0.05); }),
              "amortisingNotionals[0]: got 90, expected 100 (face outstanding now)");
    s.amortisingNotionals = {100.0, 50.0, 60.0};
    EXPECT_EQ(messageOf([&] { bondFromYield(s, 0.05); }),
              "amortisingNotionals[2]: got 60, expected at most the previous period's 50");
    s.amortisingNotionals = {100.0, 0.0, 0.0};
    EXPECT_EQ(messageOf([&] { bondFromYield(s, 0.05); }),
              "amortisingNotionals[1]: got 0, expected a positive finite face amount");
    s.amortisingNotionals = {100.0, 50.0, 25.0};
    s.redemption = 101.0;
    EXPECT_EQ(messageOf([&] { bondFromYield(s, 0.05); }),
              "redemption: got 101, expected 100 for an amortising bond (each repayment is at par)");
}

TEST(Bond, ZSpreadRejectsACurveStartingAfterSettlement) {
    const ql::FlatForward curve(ql::Date(1, ql::March, 2008), 0.03, ql::Actual365Fixed());
    EXPECT_EQ(messageOf([&] { bondZSpread(tenYearBond(), 99.0, curve); }),
              "curve: got 2008-03-01, expected a reference date on or before settlement 2008-02-15");
}
