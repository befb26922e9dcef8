#include "finance/discounting.hpp"

#include "finance/dates.hpp"
#include "finance/errors.hpp"

#include <ql/errors.hpp>
#include <ql/interestrate.hpp>
#include <ql/math/interpolations/linearinterpolation.hpp>
#include <ql/math/interpolations/loginterpolation.hpp>
#include <ql/quotes/simplequote.hpp>
#include <ql/termstructures/yield/bondhelpers.hpp>
#include <ql/termstructures/yield/discountcurve.hpp>
#include <ql/termstructures/yield/flatforward.hpp>
#include <ql/termstructures/yield/piecewiseyieldcurve.hpp>
#include <ql/termstructures/yield/zerocurve.hpp>
#include <ql/termstructures/yield/zerospreadedtermstructure.hpp>
#include <ql/time/calendars/nullcalendar.hpp>
#include <ql/time/schedule.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <utility>

namespace cityfin::finance {

namespace ql = QuantLib;

namespace {

constexpr double kMaxTenorYears = 100.0;

void requireReference(const ql::Date& reference) {
    if (reference == ql::Date()) throw InputError("reference", isoDate(reference), "a valid date");
}

void requireDayCounter(const std::string& field, const ql::DayCounter& dc) {
    if (dc.empty()) throw InputError(field, "an empty day counter", "a day counter");
}

void requireConvention(const RateConvention& c) {
    requireDayCounter("dayCounter", c.dayCounter);
    const bool compounded = c.compounding == ql::Compounded || c.compounding == ql::SimpleThenCompounded ||
                            c.compounding == ql::CompoundedThenSimple;
    const int f = static_cast<int>(c.frequency);
    if (compounded && (f < 1 || f > 365))
        throw InputError("frequency", std::to_string(f), "a compounding frequency of 1 to 365 a year");
}

std::string tenorField(std::size_t i) { return indexedField("points", i) + ".tenor"; }
std::string rateField(std::size_t i) { return indexedField("points", i) + ".rate"; }

/// Tenors strictly increasing, whole months, within [minTenor, 100]; rates above -100%.
void validatePoints(std::span<const CurvePoint> points, double minTenor) {
    if (points.empty())
        throw InputError("points", "no points", "at least one (tenor, rate) point");
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double t = points[i].tenorYears;
        const double months = t * 12.0;
        if (!std::isfinite(t) || t < minTenor || t > kMaxTenorYears ||
            std::abs(months - std::round(months)) > 1e-9)
            throw InputError(tenorField(i), formatValue(t),
                             std::string(minTenor > 0 ? "a positive" : "a") +
                                 " tenor of at most 100 years in whole months (0.25, 0.5, 1, 7 ...)");
        if (i > 0 && t <= points[i - 1].tenorYears)
            throw InputError(tenorField(i), formatValue(t),
                             "a tenor after " + tenorField(i - 1) + " = " +
                                 formatValue(points[i - 1].tenorYears) + " (strictly increasing)");
        requireRate(rateField(i), points[i].rate);
    }
}

ql::Date tenorDate(const ql::Date& reference, double tenorYears) {
    return reference + ql::Period(static_cast<ql::Integer>(std::lround(tenorYears * 12.0)), ql::Months);
}

} // namespace

CurvePtr flatCurve(const ql::Date& reference, double rate, const RateConvention& convention) {
    requireReference(reference);
    requireRate("rate", rate);
    requireConvention(convention);
    auto curve = ql::ext::make_shared<ql::FlatForward>(reference, rate, convention.dayCounter,
                                                      convention.compounding, convention.frequency);
    curve->enableExtrapolation();
    return curve;
}

CurvePtr zeroCurve(const ql::Date& reference, std::span<const CurvePoint> points,
                   const RateConvention& convention) {
    requireReference(reference);
    requireConvention(convention);
    validatePoints(points, 0.0);
    // Nodes carry continuously compounded rates, each converted at its own node time, so that the
    // curve returns the quoted rates at the nodes in the quoted convention. A node at the reference
    // date and the flat extrapolation keep the first and last rates outside the quoted range.
    std::vector<ql::Date> dates;
    std::vector<ql::Rate> continuous;
    for (const CurvePoint& p : points) {
        const ql::Date d = tenorDate(reference, p.tenorYears);
        const ql::Time t = convention.dayCounter.yearFraction(reference, d);
        const ql::InterestRate quoted(p.rate, convention.dayCounter, convention.compounding,
                                      convention.frequency);
        const ql::Time tc = t > 0.0 ? t : 1.0 / 365.0;
        dates.push_back(d);
        continuous.push_back(quoted.equivalentRate(ql::Continuous, ql::NoFrequency, tc).rate());
    }
    if (dates.front() > reference) {
        dates.insert(dates.begin(), reference);
        continuous.insert(continuous.begin(), continuous.front());
    }
    dates.push_back(dates.back() + ql::Period(1, ql::Years)); // makes the extrapolation flat
    continuous.push_back(continuous.back());
    auto curve = ql::ext::make_shared<ql::InterpolatedZeroCurve<ql::Linear>>(
        dates, continuous, convention.dayCounter, ql::Linear(), ql::Continuous, ql::Annual);
    curve->enableExtrapolation();
    return curve;
}

namespace {

ql::ext::shared_ptr<ql::RateHelper> parBondHelper(const ql::Date& reference, const CurvePoint& p,
                                                  const ParBondConventions& c) {
    const ql::Schedule schedule(reference, tenorDate(reference, p.tenorYears), ql::Period(c.couponFrequency),
                                ql::NullCalendar(), ql::Unadjusted, ql::Unadjusted,
                                ql::DateGeneration::Backward, false);
    const ql::Handle<ql::Quote> par(ql::ext::make_shared<ql::SimpleQuote>(100.0));
    return ql::ext::make_shared<ql::FixedRateBondHelper>(par, 0, 100.0, schedule,
                                                         std::vector<ql::Rate>{p.rate},
                                                         c.couponDayCounter, ql::Unadjusted, 100.0,
                                                         reference);
}

} // namespace

CurvePtr parBondCurve(const ql::Date& reference, std::span<const CurvePoint> parCoupons,
                      const ParBondConventions& conventions) {
    requireReference(reference);
    requireDayCounter("couponDayCounter", conventions.couponDayCounter);
    requireDayCounter("curveDayCounter", conventions.curveDayCounter);
    const int f = static_cast<int>(conventions.couponFrequency);
    if (f != 1 && f != 2 && f != 4 && f != 12)
        throw InputError("couponFrequency", std::to_string(f), "1, 2, 4 or 12 coupons a year");
    validatePoints(parCoupons, 1e-12);

    std::vector<ql::ext::shared_ptr<ql::RateHelper>> helpers;
    for (const CurvePoint& p : parCoupons) helpers.push_back(parBondHelper(reference, p, conventions));
    // The helpers' bonds settle at the evaluation date: bootstrap with it set to the reference date,
    // then copy the nodes so the returned curve no longer observes it.
    const EvaluationDateGuard guard(reference);
    try {
        ql::PiecewiseYieldCurve<ql::Discount, ql::LogLinear> bootstrapped(reference, helpers,
                                                                          conventions.curveDayCounter);
        const auto nodes = bootstrapped.nodes();
        std::vector<ql::Date> dates;
        std::vector<ql::DiscountFactor> discounts;
        for (const auto& [date, discount] : nodes) {
            dates.push_back(date);
            discounts.push_back(discount);
        }
        auto curve = ql::ext::make_shared<ql::InterpolatedDiscountCurve<ql::LogLinear>>(
            dates, discounts, conventions.curveDayCounter);
        curve->enableExtrapolation();
        return curve;
    } catch (const ql::Error&) {
        throw InputError("points", "par coupons no curve can reprice",
                         "par coupons that a curve with positive discount factors reprices at 100");
    }
}

CurvePtr spreadCurve(const CurvePtr& base, double spread, ql::Compounding compounding,
                     ql::Frequency frequency) {
    if (!base) throw InputError("base", "an empty curve", "a curve");
    requireFinite("spread", spread);
    requireConvention({compounding, frequency, base->dayCounter()});
    const ql::Handle<ql::Quote> quote(ql::ext::make_shared<ql::SimpleQuote>(spread));
    return ql::ext::make_shared<ql::ZeroSpreadedTermStructure>(ql::Handle<ql::YieldTermStructure>(base),
                                                               quote, compounding, frequency);
}

namespace {

// A simple rate below zero, or a spread pushing rates far down, can give a discount factor that is
// not a positive number; say where. fieldAndValue is only built when that happens.
template <typename FieldAndValue>
void checkDiscount(double df, const FieldAndValue& fieldAndValue) {
    if (std::isfinite(df) && df > 0.0) return;
    auto [field, value] = fieldAndValue();
    throw InputError(field, value, "a point where the curve's discount factor is positive and finite");
}

} // namespace

std::vector<double> discountFactors(const ql::YieldTermStructure& curve, std::span<const ql::Date> dates) {
    std::vector<double> out;
    out.reserve(dates.size());
    const ql::Date reference = curve.referenceDate();
    const ql::Date last = curve.allowsExtrapolation() ? ql::Date::maxDate() : curve.maxDate();
    for (std::size_t i = 0; i < dates.size(); ++i) {
        const ql::Date& d = dates[i];
        if (d == ql::Date() || d < reference)
            throw InputError(indexedField("dates", i), isoDate(d),
                             "a date on or after the curve's reference date " + isoDate(reference));
        if (d > last)
            throw InputError(indexedField("dates", i), isoDate(d),
                             "a date on or before the curve's last date " + isoDate(last));
        out.push_back(curve.discount(d));
        checkDiscount(out.back(), [&] { return std::pair(indexedField("dates", i), isoDate(d)); });
    }
    return out;
}

std::vector<double> discountFactors(const ql::YieldTermStructure& curve, std::span<const double> times) {
    std::vector<double> out;
    out.reserve(times.size());
    const double last = curve.allowsExtrapolation() ? std::numeric_limits<double>::infinity() : curve.maxTime();
    for (std::size_t i = 0; i < times.size(); ++i) {
        const double t = times[i];
        if (!std::isfinite(t) || t < 0.0)
            throw InputError(indexedField("times", i), formatValue(t), "a finite time >= 0 in years");
        if (t > last)
            throw InputError(indexedField("times", i), formatValue(t),
                             "a time up to the curve's last time " + formatValue(last));
        out.push_back(curve.discount(t));
        checkDiscount(out.back(), [&] { return std::pair(indexedField("times", i), formatValue(t)); });
    }
    return out;
}

} // namespace cityfin::finance
