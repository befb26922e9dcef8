#include "finance/bond.hpp"

#include "finance/dates.hpp"
#include "finance/errors.hpp"

#include <ql/cashflows/duration.hpp>
#include <ql/errors.hpp>
#include <ql/instruments/bonds/amortizingfixedratebond.hpp>
#include <ql/instruments/bonds/fixedratebond.hpp>
#include <ql/math/solvers1d/brent.hpp>
#include <ql/pricingengines/bond/bondfunctions.hpp>
#include <ql/termstructures/yieldtermstructure.hpp>
#include <ql/time/calendars/nullcalendar.hpp>
#include <ql/time/daycounters/actual360.hpp>
#include <ql/time/daycounters/actual365fixed.hpp>
#include <ql/time/daycounters/actualactual.hpp>
#include <ql/time/daycounters/thirty360.hpp>
#include <ql/time/schedule.hpp>

#include <cmath>
#include <string>

namespace cityfin::finance {

namespace ql = QuantLib;

namespace {

// The yield solver searches (-frequency, kMaxYield]: beyond 10,000% a price means nothing.
constexpr double kMaxYield = 100.0;
constexpr double kYieldAccuracy = 1e-12;

void validateSpec(const BondSpec& spec) {
    if (spec.settlement == ql::Date())
        throw InputError("settlement", isoDate(spec.settlement), "a valid date");
    if (spec.maturity == ql::Date() || spec.maturity <= spec.settlement)
        throw InputError("maturity", isoDate(spec.maturity),
                         "a date after settlement " + isoDate(spec.settlement));
    const int f = spec.frequency;
    if (f != 1 && f != 2 && f != 4 && f != 12)
        throw InputError("frequency", std::to_string(f), "1, 2, 4 or 12 coupons a year");
    if (!std::isfinite(spec.couponRate) || spec.couponRate < 0.0)
        throw InputError("coupon", formatValue(spec.couponRate), "a finite rate >= 0");
    if (!std::isfinite(spec.redemption) || spec.redemption <= 0.0)
        throw InputError("redemption", formatValue(spec.redemption),
                         "a positive finite amount per 100 of face");
}

void validateYield(double yield, int frequency) {
    if (!std::isfinite(yield) || yield <= -frequency)
        throw InputError("yield", formatValue(yield),
                         "a finite yield above -" + std::to_string(frequency) +
                             " (-100% per coupon period)");
}

void validateNotionals(const BondSpec& spec, std::size_t periods) {
    const auto& notionals = spec.amortisingNotionals;
    if (notionals.size() != periods)
        throw InputError("amortisingNotionals", std::to_string(notionals.size()) + " values",
                         std::to_string(periods) + " (one per remaining coupon period)");
    if (spec.redemption != 100.0)
        throw InputError("redemption", formatValue(spec.redemption),
                         "100 for an amortising bond (each repayment is at par)");
    for (std::size_t i = 0; i < notionals.size(); ++i) {
        const double n = notionals[i];
        const std::string field = indexedField("amortisingNotionals", i);
        if (i == 0 && n != 100.0) throw InputError(field, formatValue(n), "100 (face outstanding now)");
        if (!std::isfinite(n) || n <= 0.0)
            throw InputError(field, formatValue(n), "a positive finite face amount");
        if (i > 0 && n > notionals[i - 1])
            throw InputError(field, formatValue(n),
                             "at most the previous period's " + formatValue(notionals[i - 1]));
    }
}

ql::Period couponTenor(int frequency) { return ql::Period(12 / frequency, ql::Months); }

// Spreadsheet COUPPCD: step back from maturity by whole coupon periods (month end kept when maturity
// is a month end) to the last coupon date on or before settlement.
ql::Date previousCouponDate(const BondSpec& spec) {
    const bool endOfMonth = ql::Date::isEndOfMonth(spec.maturity);
    const ql::NullCalendar calendar;
    const ql::Period tenor = couponTenor(spec.frequency);
    for (ql::Integer n = 1;; ++n) {
        const ql::Date d = calendar.advance(spec.maturity, -n * tenor, ql::Unadjusted, endOfMonth);
        if (d <= spec.settlement) return d;
    }
}

ql::Schedule couponSchedule(const BondSpec& spec) {
    return ql::Schedule(previousCouponDate(spec), spec.maturity, couponTenor(spec.frequency),
                        ql::NullCalendar(), ql::Unadjusted, ql::Unadjusted,
                        ql::DateGeneration::Backward, ql::Date::isEndOfMonth(spec.maturity));
}

ql::DayCounter dayCounterFor(BondDayCount dayCount, const ql::Schedule& schedule) {
    switch (dayCount) {
    case BondDayCount::Thirty360US: return ql::Thirty360(ql::Thirty360::USA);
    case BondDayCount::ActualActual: return ql::ActualActual(ql::ActualActual::ISMA, schedule);
    case BondDayCount::Actual365Fixed: return ql::Actual365Fixed();
    case BondDayCount::Actual360: return ql::Actual360();
    case BondDayCount::Thirty360European: return ql::Thirty360(ql::Thirty360::European);
    }
    throw InputError("dayCount", std::to_string(static_cast<int>(dayCount)),
                     "one of Thirty360US, ActualActual, Actual365Fixed, Actual360, Thirty360European");
}

// A bond as QuantLib sees it, with the conventions used to quote its yield.
struct PricedBond {
    ql::ext::shared_ptr<ql::Bond> bond;
    ql::DayCounter dayCounter;
    ql::Frequency frequency;
    ql::Date settlement;
};

PricedBond makeBond(const BondSpec& spec) {
    validateSpec(spec);
    const ql::Schedule schedule = couponSchedule(spec);
    const ql::DayCounter dc = dayCounterFor(spec.dayCount, schedule);
    const std::vector<ql::Rate> coupons{spec.couponRate};
    const ql::Date issue = schedule.startDate();
    ql::ext::shared_ptr<ql::Bond> bond;
    if (spec.amortisingNotionals.empty()) {
        bond = ql::ext::make_shared<ql::FixedRateBond>(0, 100.0, schedule, coupons, dc,
                                                       ql::Unadjusted, spec.redemption, issue);
    } else {
        validateNotionals(spec, schedule.size() - 1);
        bond = ql::ext::make_shared<ql::AmortizingFixedRateBond>(
            0, spec.amortisingNotionals, schedule, coupons, dc, ql::Unadjusted, issue);
    }
    return {bond, dc, static_cast<ql::Frequency>(spec.frequency), spec.settlement};
}

// Four passes over the cash flows instead of eight: the modified duration and the basis-point value
// follow from the others by QuantLib's own formulas (ql/cashflows/cashflows.cpp, CashFlows::duration
// for compounded yields and CashFlows::basisPointValue), so the figures are QuantLib's.
BondFigures figuresAtYield(const PricedBond& b, double yield) {
    const ql::InterestRate y(yield, b.dayCounter, ql::Compounded, b.frequency);
    using BF = ql::BondFunctions;
    BondFigures out;
    out.yield = yield;
    out.accruedInterest = BF::accruedAmount(*b.bond, b.settlement);
    out.dirtyPrice = BF::dirtyPrice(*b.bond, y, b.settlement);
    out.cleanPrice = out.dirtyPrice - out.accruedInterest;
    out.macaulayDuration = BF::duration(*b.bond, y, ql::Duration::Macaulay, b.settlement);
    out.modifiedDuration = out.macaulayDuration / (1.0 + yield / static_cast<double>(b.frequency));
    out.convexity = BF::convexity(*b.bond, y, b.settlement);
    // CashFlows::basisPointValue: delta = -D_mod P 1e-4, gamma = (C / 100) P 1e-8, BPV = delta + gamma / 2.
    constexpr double shift = 1e-4;
    out.basisPointValue = -out.modifiedDuration * out.dirtyPrice * shift +
                          0.5 * (out.convexity / 100.0) * out.dirtyPrice * shift * shift;
    for (double x : {out.dirtyPrice, out.macaulayDuration, out.convexity, out.basisPointValue})
        if (!std::isfinite(x))
            throw InputError("yield", formatValue(yield), "a yield whose price is a finite number");
    return out;
}

} // namespace

std::vector<ql::Date> bondCouponDates(const BondSpec& spec) {
    validateSpec(spec);
    return couponSchedule(spec).dates();
}

BondFigures bondFromYield(const BondSpec& spec, double yield) {
    const PricedBond b = makeBond(spec);
    validateYield(yield, spec.frequency);
    return figuresAtYield(b, yield);
}

BondFigures bondFromCleanPrice(const BondSpec& spec, double cleanPrice) {
    const PricedBond b = makeBond(spec);
    if (!std::isfinite(cleanPrice) || cleanPrice <= 0.0)
        throw InputError("price", formatValue(cleanPrice), "a positive finite clean price");
    // Brent within (-frequency, kMaxYield]: the dirty price falls monotonically in the yield (all
    // flows are positive), so any positive price has exactly one yield; the bounds keep the
    // bracketing away from 1 + y/f <= 0.
    ql::Brent solver;
    solver.setLowerBound(-spec.frequency * (1.0 - 1e-9));
    solver.setUpperBound(kMaxYield);
    double yield = 0.0;
    try {
        yield = ql::BondFunctions::yield(solver, *b.bond, cleanPrice, b.dayCounter, ql::Compounded,
                                         b.frequency, b.settlement, kYieldAccuracy, 0.05);
    } catch (const ql::Error&) {
        throw InputError("price", formatValue(cleanPrice),
                         "a clean price whose yield lies between -" +
                             std::to_string(spec.frequency) + " and " + formatValue(kMaxYield));
    }
    return figuresAtYield(b, yield);
}

double bondZSpread(const BondSpec& spec, double cleanPrice, const ql::YieldTermStructure& curve) {
    const PricedBond b = makeBond(spec);
    if (!std::isfinite(cleanPrice) || cleanPrice <= 0.0)
        throw InputError("price", formatValue(cleanPrice), "a positive finite clean price");
    if (curve.referenceDate() > spec.settlement)
        throw InputError("curve", isoDate(curve.referenceDate()),
                         "a reference date on or before settlement " + isoDate(spec.settlement));
    if (!curve.allowsExtrapolation() && curve.maxDate() < spec.maturity)
        throw InputError("curve", isoDate(curve.maxDate()),
                         "a curve reaching maturity " + isoDate(spec.maturity));
    // BondFunctions wants a shared_ptr; this one borrows the caller's curve and never deletes it.
    // The spreaded curve only registers and unregisters as an observer while it lives.
    const ql::ext::shared_ptr<ql::YieldTermStructure> borrowed(
        const_cast<ql::YieldTermStructure*>(&curve), [](ql::YieldTermStructure*) {});
    try {
        return ql::BondFunctions::zSpread(*b.bond, cleanPrice, borrowed, curve.dayCounter(),
                                          ql::Continuous, ql::NoFrequency, spec.settlement,
                                          kYieldAccuracy, 200, 0.0);
    } catch (const ql::Error&) {
        throw InputError("price", formatValue(cleanPrice),
                         "a clean price that a constant spread over the curve can reach");
    }
}

} // namespace cityfin::finance
