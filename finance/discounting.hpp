#pragma once
// Discount curves as QuantLib YieldTermStructures: flat, zero curve from points, bootstrapped from
// par bond quotes, and a spread over any of them. Every curve takes its reference date explicitly
// and depends on no global setting once built. discountFactors() reads a curve into an array once so
// that the engine's loops work on plain doubles. Formulas: docs/methodology/discounting-and-time.md.

#include <ql/compounding.hpp>
#include <ql/shared_ptr.hpp>
#include <ql/time/date.hpp>
#include <ql/time/daycounter.hpp>
#include <ql/time/daycounters/actual365fixed.hpp>
#include <ql/time/daycounters/thirty360.hpp>
#include <ql/time/frequency.hpp>

#include <span>
#include <vector>

namespace QuantLib { class YieldTermStructure; }

namespace cityfin::finance {

using CurvePtr = QuantLib::ext::shared_ptr<QuantLib::YieldTermStructure>;

/// How a quoted rate turns into discount factors: simple 1/(1 + r t), compounded (1 + r/f)^(-f t),
/// continuous exp(-r t), with t from the day counter.
struct RateConvention {
    QuantLib::Compounding compounding = QuantLib::Continuous;
    QuantLib::Frequency frequency = QuantLib::Annual; ///< used when compounding is Compounded
    QuantLib::DayCounter dayCounter = QuantLib::Actual365Fixed();
};

/// One quote of a curve: a tenor in years from the reference date (a whole number of months:
/// 0.25, 0.5, 1, 7 ...) and a rate (zero rate or par coupon, decimal).
struct CurvePoint {
    double tenorYears = 0.0;
    double rate = 0.0;
};

/// Flat curve at `rate` in the given convention (QuantLib FlatForward); extrapolates forever.
CurvePtr flatCurve(const QuantLib::Date& reference, double rate, const RateConvention& convention = {});

/// Zero curve through the points (QuantLib InterpolatedZeroCurve<Linear>), rates quoted in
/// `convention`. Linear in continuously compounded zero rates between nodes, flat before the first
/// and after the last. Tenors strictly increasing, 0 to 100 years.
CurvePtr zeroCurve(const QuantLib::Date& reference, std::span<const CurvePoint> points,
                   const RateConvention& convention = {});

/// Conventions of the par bonds a curve is bootstrapped from.
struct ParBondConventions {
    QuantLib::Frequency couponFrequency = QuantLib::Annual;
    QuantLib::DayCounter couponDayCounter = QuantLib::Thirty360(QuantLib::Thirty360::BondBasis);
    QuantLib::DayCounter curveDayCounter = QuantLib::Actual365Fixed();
};

/// Curve on which each bond (issued at the reference date, maturing at its tenor, paying its par
/// coupon, settling on the reference date) is worth exactly 100: QuantLib FixedRateBondHelper +
/// PiecewiseYieldCurve<Discount, LogLinear>. The result is frozen (its nodes copied into an
/// InterpolatedDiscountCurve<LogLinear>), so it no longer depends on the evaluation date. Flat
/// forward beyond the last tenor. While bootstrapping it sets Settings::evaluationDate to the
/// reference date and restores it: call it from the main thread only, like any QuantLib code here.
CurvePtr parBondCurve(const QuantLib::Date& reference, std::span<const CurvePoint> parCoupons,
                      const ParBondConventions& conventions = {});

/// `base` with `spread` added to its zero rates (QuantLib ZeroSpreadedTermStructure), e.g. a private
/// cost of capital over the public curve. Spread quoted in the given compounding.
CurvePtr spreadCurve(const CurvePtr& base, double spread,
                     QuantLib::Compounding compounding = QuantLib::Continuous,
                     QuantLib::Frequency frequency = QuantLib::Annual);

/// Discount factors P(d_i) relative to the curve's reference date, read once into an array.
/// Dates must be on or after the reference date (and within the curve, unless it extrapolates).
std::vector<double> discountFactors(const QuantLib::YieldTermStructure& curve,
                                    std::span<const QuantLib::Date> dates);

/// The same on times in years from the reference date, in the curve's own day count.
std::vector<double> discountFactors(const QuantLib::YieldTermStructure& curve,
                                    std::span<const double> times);

} // namespace cityfin::finance
