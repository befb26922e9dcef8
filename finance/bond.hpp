#pragma once
// Fixed-rate and amortising bonds priced through QuantLib's FixedRateBond, AmortizingFixedRateBond
// and BondFunctions. Prices are per 100 of face. Formulas and references: docs/methodology/bonds.md.

#include <ql/time/date.hpp>

#include <vector>

namespace QuantLib { class YieldTermStructure; }

namespace cityfin::finance {

/// Day-count conventions offered to users, named as spreadsheets' `basis` argument.
enum class BondDayCount { Thirty360US, ActualActual, Actual365Fixed, Actual360, Thirty360European };

struct BondSpec {
    QuantLib::Date settlement;
    QuantLib::Date maturity;
    double couponRate = 0.0;      ///< annual coupon, decimal
    int frequency = 2;            ///< coupons per year: 1, 2, 4 or 12
    BondDayCount dayCount = BondDayCount::Thirty360US;
    double redemption = 100.0;    ///< paid at maturity per 100 of face
    /// Optional: face outstanding per coupon period (first = 100), for an amortising bond.
    /// Empty means a bullet bond. The coupon schedule runs backwards from maturity.
    std::vector<double> amortisingNotionals;
};

struct BondFigures {
    double cleanPrice = 0.0;
    double dirtyPrice = 0.0;
    double accruedInterest = 0.0;
    double yield = 0.0;                ///< compounded `frequency` times a year
    double macaulayDuration = 0.0;     ///< years
    double modifiedDuration = 0.0;     ///< years
    double convexity = 0.0;
    double basisPointValue = 0.0;      ///< change of the dirty price for +1bp of yield (negative)
};

/// Throws InputError naming the field for a bad spec (maturity not after settlement, frequency not
/// 1/2/4/12, coupon or yield not finite, price not positive).
BondFigures bondFromYield(const BondSpec& spec, double yield);
BondFigures bondFromCleanPrice(const BondSpec& spec, double cleanPrice);

/// The coupon dates the bond is priced on: the last regular coupon date on or before settlement,
/// then every coupon date up to maturity (built backwards from maturity, unadjusted, end of month
/// kept when maturity is a month end). An amortising bond needs size() - 1 notionals.
std::vector<QuantLib::Date> bondCouponDates(const BondSpec& spec);

/// Constant spread over the zero rates of `curve` (continuous compounding) that reprices the bond at
/// cleanPrice.
double bondZSpread(const BondSpec& spec, double cleanPrice, const QuantLib::YieldTermStructure& curve);

} // namespace cityfin::finance
