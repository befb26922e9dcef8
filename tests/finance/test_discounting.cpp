#include "finance/discounting.hpp"
#include "finance/dates.hpp"
#include "finance/errors.hpp"

#include <gtest/gtest.h>

#include <ql/instruments/bonds/fixedratebond.hpp>
#include <ql/pricingengines/bond/discountingbondengine.hpp>
#include <ql/termstructures/yieldtermstructure.hpp>
#include <ql/time/calendars/nullcalendar.hpp>
#include <ql/time/daycounters/actual360.hpp>
#include <ql/time/schedule.hpp>

#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

namespace ql = QuantLib;
using cityfin::InputError;
using namespace cityfin::finance;

namespace {

const ql::Date kReference(15, ql::January, 2025);

std::string messageOf(const std::function<void()>& call) {
    try {
        call();
    } catch (const InputError& e) {
        return e.what();
    }
    return "no InputError thrown";
}

std::vector<ql::Date> yearlyDates(int years) {
    std::vector<ql::Date> dates;
    for (int y = 0; y <= years; ++y) dates.push_back(kReference + ql::Period(y, ql::Years));
    return dates;
}

double act365(const ql::Date& d) { return (d - kReference) / 365.0; }

} // namespace

// ---- Flat curves ----------------------------------------------------------------------------

TEST(Discounting, FlatCompoundedCurveDiscountsAtOnePlusRateOverFrequency) {
    // P(t) = (1 + r/f)^(-f t), t = days/365.
    const auto curve = flatCurve(kReference, 0.06, {ql::Compounded, ql::Semiannual, ql::Actual365Fixed()});
    const auto dates = yearlyDates(30);
    const auto dfs = discountFactors(*curve, dates);
    ASSERT_EQ(dfs.size(), dates.size());
    for (std::size_t i = 0; i < dates.size(); ++i)
        EXPECT_NEAR(dfs[i], std::pow(1.03, -2.0 * act365(dates[i])), 1e-14);
}

TEST(Discounting, FlatSimpleAndContinuousCurvesFollowTheirFormulas) {
    const auto simple = flatCurve(kReference, 0.05, {ql::Simple, ql::Annual, ql::Actual360()});
    const auto continuous = flatCurve(kReference, 0.05, {ql::Continuous, ql::Annual, ql::Actual365Fixed()});
    const ql::Date d = kReference + 400; // 400 days
    EXPECT_NEAR(discountFactors(*simple, std::vector{d})[0], 1.0 / (1.0 + 0.05 * 400.0 / 360.0), 1e-15);
    EXPECT_NEAR(discountFactors(*continuous, std::vector{d})[0], std::exp(-0.05 * 400.0 / 365.0), 1e-15);
}

TEST(Discounting, DiscountFactorsOnTimesMatchThoseOnDates) {
    const auto curve = flatCurve(kReference, 0.04, {ql::Compounded, ql::Annual, ql::Actual365Fixed()});
    const auto dates = yearlyDates(10);
    std::vector<double> times;
    for (const auto& d : dates) times.push_back(act365(d));
    const auto onDates = discountFactors(*curve, dates);
    const auto onTimes = discountFactors(*curve, times);
    for (std::size_t i = 0; i < dates.size(); ++i) {
        EXPECT_NEAR(onTimes[i], onDates[i], 1e-15);
        EXPECT_NEAR(onTimes[i], std::pow(1.04, -times[i]), 1e-14);
    }
    EXPECT_EQ(discountFactors(*curve, std::vector<double>{0.0})[0], 1.0);
}

// ---- Zero curves ----------------------------------------------------------------------------

TEST(Discounting, ZeroCurveReturnsTheQuotedRatesAtItsNodes) {
    const std::vector<CurvePoint> points{{0.5, 0.030}, {1, 0.032}, {2, 0.035}, {5, 0.040}, {10, 0.043}};
    for (auto compounding : {ql::Continuous, ql::Compounded}) {
        const RateConvention convention{compounding, ql::Annual, ql::Actual365Fixed()};
        const auto curve = zeroCurve(kReference, points, convention);
        for (const auto& p : points) {
            const ql::Date node = kReference + ql::Period(static_cast<int>(p.tenorYears * 12), ql::Months);
            EXPECT_NEAR(curve->zeroRate(node, ql::Actual365Fixed(), compounding, ql::Annual).rate(), p.rate,
                        1e-14)
                << "tenor " << p.tenorYears;
        }
    }
}

TEST(Discounting, ZeroCurveIsLinearBetweenNodesAndFlatOutside) {
    // Continuous rates 2% at 1y and 4% at 3y: at 2y the rate is interpolated linearly in the node
    // times (act/365 days, 2026 and 2027 are not leap years but 2028 is); before 1y it is 2%; after
    // 3y it stays 4%.
    const std::vector<CurvePoint> points{{1, 0.02}, {3, 0.04}};
    const auto curve = zeroCurve(kReference, points);
    const ql::Date d1 = kReference + ql::Period(1, ql::Years), d3 = kReference + ql::Period(3, ql::Years);
    const ql::Date mid = kReference + ql::Period(2, ql::Years);
    const double w = (act365(mid) - act365(d1)) / (act365(d3) - act365(d1));
    const auto rateAt = [&](const ql::Date& d) {
        return curve->zeroRate(d, ql::Actual365Fixed(), ql::Continuous).rate();
    };
    EXPECT_NEAR(rateAt(mid), 0.02 + w * 0.02, 1e-14);
    EXPECT_NEAR(rateAt(kReference + 30), 0.02, 1e-14);
    EXPECT_NEAR(rateAt(kReference + ql::Period(40, ql::Years)), 0.04, 1e-14);
    EXPECT_NEAR(discountFactors(*curve, std::vector{d3})[0], std::exp(-0.04 * act365(d3)), 1e-15);
}

// ---- Curves bootstrapped from par bonds -----------------------------------------------------

TEST(Discounting, ParBondCurveRepricesEachInputBondAtPar) {
    const std::vector<CurvePoint> par{{1, 0.030}, {2, 0.033}, {3, 0.035}, {5, 0.038}, {7, 0.040},
                                      {10, 0.042}, {20, 0.045}, {30, 0.046}};
    for (auto frequency : {ql::Annual, ql::Semiannual}) {
        const ParBondConventions conventions{frequency, ql::Thirty360(ql::Thirty360::BondBasis),
                                             ql::Actual365Fixed()};
        const CurvePtr curve = parBondCurve(kReference, par, conventions);
        const ql::Handle<ql::YieldTermStructure> handle(curve);
        const EvaluationDateGuard guard(kReference); // the engine settles bonds at the evaluation date
        for (const auto& p : par) {
            const ql::Date maturity = kReference + ql::Period(static_cast<int>(p.tenorYears), ql::Years);
            const ql::Schedule schedule(kReference, maturity, ql::Period(frequency), ql::NullCalendar(),
                                        ql::Unadjusted, ql::Unadjusted, ql::DateGeneration::Forward, false);
            ql::FixedRateBond bond(0, 100.0, schedule, {p.rate}, conventions.couponDayCounter,
                                   ql::Unadjusted, 100.0, kReference);
            bond.setPricingEngine(ql::ext::make_shared<ql::DiscountingBondEngine>(handle));
            EXPECT_NEAR(bond.cleanPrice(), 100.0, 1e-8) << "tenor " << p.tenorYears;
        }
    }
}

TEST(Discounting, ParBondCurveOnAFlatParCurveIsFlatAtThatYield) {
    // Annual par bonds all paying 5% on 30/360: an annually compounded flat 5% curve prices each at
    // par, and with a 30/360 curve day count its discount factors are 1.05^-n on anniversaries.
    const std::vector<CurvePoint> par{{1, 0.05}, {2, 0.05}, {5, 0.05}, {10, 0.05}};
    const auto curve = parBondCurve(kReference, par,
                                    {ql::Annual, ql::Thirty360(ql::Thirty360::BondBasis),
                                     ql::Thirty360(ql::Thirty360::BondBasis)});
    const auto dfs = discountFactors(*curve, yearlyDates(10));
    for (int n = 0; n <= 10; ++n) EXPECT_NEAR(dfs[n], std::pow(1.05, -n), 1e-10) << "year " << n;
}

TEST(Discounting, ParBondCurveDoesNotMoveWithTheEvaluationDate) {
    const std::vector<CurvePoint> par{{1, 0.03}, {5, 0.04}};
    const auto curve = parBondCurve(kReference, par);
    const ql::Date d = kReference + ql::Period(3, ql::Years);
    const double before = discountFactors(*curve, std::vector{d})[0];
    const EvaluationDateGuard elsewhere(ql::Date(1, ql::June, 2026));
    EXPECT_EQ(discountFactors(*curve, std::vector{d})[0], before);
}

// ---- Spreads --------------------------------------------------------------------------------

TEST(Discounting, SpreadCurveZeroRatesAreBasePlusSpread) {
    const std::vector<CurvePoint> points{{1, 0.02}, {5, 0.03}, {10, 0.035}};
    const auto base = zeroCurve(kReference, points);
    const auto spreaded = spreadCurve(base, 0.025);
    for (int years : {1, 2, 5, 7, 10, 25}) {
        const ql::Date d = kReference + ql::Period(years, ql::Years);
        const double baseRate = base->zeroRate(d, ql::Actual365Fixed(), ql::Continuous).rate();
        EXPECT_NEAR(spreaded->zeroRate(d, ql::Actual365Fixed(), ql::Continuous).rate(), baseRate + 0.025, 1e-14);
        EXPECT_NEAR(discountFactors(*spreaded, std::vector{d})[0],
                    discountFactors(*base, std::vector{d})[0] * std::exp(-0.025 * act365(d)), 1e-14);
    }
}

// ---- Bad input ------------------------------------------------------------------------------

TEST(Discounting, RejectsEmptyPoints) {
    const std::vector<CurvePoint> none;
    EXPECT_EQ(messageOf([&] { zeroCurve(kReference, none); }),
              "points: got no points, expected at least one (tenor, rate) point");
    EXPECT_EQ(messageOf([&] { parBondCurve(kReference, none); }),
              "points: got no points, expected at least one (tenor, rate) point");
}

TEST(Discounting, RejectsUnsortedAndDuplicateTenors) {
    const std::vector<CurvePoint> unsorted{{1, 0.02}, {5, 0.03}, {3, 0.03}};
    EXPECT_EQ(messageOf([&] { zeroCurve(kReference, unsorted); }),
              "points[2].tenor: got 3, expected a tenor after points[1].tenor = 5 (strictly increasing)");
    const std::vector<CurvePoint> duplicate{{1, 0.02}, {1, 0.03}};
    EXPECT_EQ(messageOf([&] { parBondCurve(kReference, duplicate); }),
              "points[1].tenor: got 1, expected a tenor after points[0].tenor = 1 (strictly increasing)");
}

TEST(Discounting, RejectsTenorsThatAreNotWholeMonthsOrOutOfRange) {
    const std::vector<CurvePoint> odd{{0.3, 0.02}};
    EXPECT_EQ(messageOf([&] { zeroCurve(kReference, odd); }),
              "points[0].tenor: got 0.3, expected a tenor of at most 100 years in whole months "
              "(0.25, 0.5, 1, 7 ...)");
    const std::vector<CurvePoint> zero{{0, 0.02}};
    EXPECT_NO_THROW(zeroCurve(kReference, zero));
    EXPECT_EQ(messageOf([&] { parBondCurve(kReference, zero); }),
              "points[0].tenor: got 0, expected a positive tenor of at most 100 years in whole months "
              "(0.25, 0.5, 1, 7 ...)");
}

TEST(Discounting, RejectsRatesAtOrBelowMinusOne) {
    const std::vector<CurvePoint> points{{1, 0.02}, {2, -1.0}};
    EXPECT_EQ(messageOf([&] { zeroCurve(kReference, points); }),
              "points[1].rate: got -1, expected a finite rate above -1 (-100%)");
    EXPECT_EQ(messageOf([&] { flatCurve(kReference, -1.5); }),
              "rate: got -1.5, expected a finite rate above -1 (-100%)");
    EXPECT_EQ(messageOf([&] { flatCurve(kReference, std::numeric_limits<double>::quiet_NaN()); }),
              "rate: got NaN, expected a finite rate above -1 (-100%)");
}

TEST(Discounting, RejectsNullReferenceAndBadConventions) {
    EXPECT_EQ(messageOf([&] { flatCurve(ql::Date(), 0.03); }), "reference: got an empty date, expected a valid date");
    EXPECT_EQ(messageOf([&] { flatCurve(kReference, 0.03, {ql::Compounded, ql::NoFrequency, ql::Actual365Fixed()}); }),
              "frequency: got -1, expected a compounding frequency of 1 to 365 a year");
    EXPECT_EQ(messageOf([&] { flatCurve(kReference, 0.03, {ql::Continuous, ql::Annual, ql::DayCounter()}); }),
              "dayCounter: got an empty day counter, expected a day counter");
    EXPECT_EQ(messageOf([&] { spreadCurve(nullptr, 0.01); }), "base: got an empty curve, expected a curve");
    EXPECT_EQ(messageOf([&] { spreadCurve(flatCurve(kReference, 0.03), std::numeric_limits<double>::infinity()); }),
              "spread: got inf, expected a finite number");
}

TEST(Discounting, DiscountFactorsRejectDatesBeforeTheReferenceAndBadTimes) {
    const auto curve = flatCurve(kReference, 0.03);
    const std::vector<ql::Date> dates{kReference, kReference - 1};
    EXPECT_EQ(messageOf([&] { discountFactors(*curve, dates); }),
              "dates[1]: got 2025-01-14, expected a date on or after the curve's reference date 2025-01-15");
    const std::vector<double> times{0.0, 1.0, -0.5};
    EXPECT_EQ(messageOf([&] { discountFactors(*curve, times); }),
              "times[2]: got -0.5, expected a finite time >= 0 in years");
}

TEST(Discounting, DiscountFactorsRejectPointsWhereTheCurveGoesNegative) {
    // Simple -10%: 1 / (1 - 0.1 t) is negative beyond t = 10 years.
    const auto curve = flatCurve(kReference, -0.10, {ql::Simple, ql::Annual, ql::Actual365Fixed()});
    const std::vector<double> times{5.0, 12.0};
    EXPECT_EQ(messageOf([&] { discountFactors(*curve, times); }),
              "times[1]: got 12, expected a point where the curve's discount factor is positive and finite");
}
