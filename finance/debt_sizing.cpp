#include "finance/debt_sizing.hpp"

#include "finance/debt_checks.hpp"
#include "finance/errors.hpp"

#include <algorithm>
#include <cmath>

namespace cityfin::finance {

namespace {

void requireSizingTerms(const SizingTerms& terms) {
    debt_checks::requireAmount("totalCost", terms.totalCost);
    if (!(terms.gearingCap >= 0.0 && terms.gearingCap <= 1.0))
        throw InputError("gearingCap", formatValue(terms.gearingCap), "a fraction from 0 to 1");
    if (!std::isfinite(terms.targetDscr) || terms.targetDscr <= 0.0)
        throw InputError("targetDscr", formatValue(terms.targetDscr), "a finite ratio above 0");
    debt_checks::requireRateAndFrequency(terms.annualRate, terms.periodsPerYear);
    debt_checks::requireTenor(terms.tenorPeriods, terms.periodsPerYear);
}

/// Names the amortising periods whose CFADS is negative, and says when none is positive.
void warnAboutCfads(DebtSizing& sizing, std::span<const double> window, std::size_t first) {
    bool anyPositive = false;
    for (std::size_t k = 0; k < window.size(); ++k) {
        anyPositive = anyPositive || window[k] > 0.0;
        if (window[k] < 0.0)
            sizing.warnings.push_back("period " + std::to_string(first + k) + ": CFADS " +
                                      formatAmount(window[k]) +
                                      " is negative and adds nothing to the debt capacity");
    }
    if (!anyPositive)
        sizing.warnings.push_back("no positive CFADS over the tenor: the debt capacity is 0");
}

} // namespace

DebtSizing sizeDebt(const SizingTerms& terms, std::span<const double> cfads) {
    requireSizingTerms(terms);
    const auto tenor = static_cast<std::size_t>(terms.tenorPeriods);
    const std::size_t first = terms.firstRepaymentPeriod;
    if (first > cfads.size())  // checked first so that first + tenor cannot overflow
        throw InputError("cfads", std::to_string(cfads.size()) + " values",
                         "at least " + std::to_string(first) + " + " + std::to_string(tenor) +
                             " (firstRepaymentPeriod + tenor)");
    debt_checks::requireSeries("cfads", cfads, first + tenor, "one per period to maturity");

    const double r = terms.annualRate / terms.periodsPerYear;
    const auto window = cfads.subspan(first, tenor);
    double pv = 0.0;  // backwards: PV at the start of the first amortising period
    for (std::size_t k = tenor; k-- > 0;) pv = (pv + std::max(window[k], 0.0)) / (1.0 + r);

    DebtSizing sizing;
    if (terms.warnings) warnAboutCfads(sizing, window, first);
    sizing.dscrCapacity = pv / terms.targetDscr;
    sizing.gearingLimit = terms.gearingCap * terms.totalCost;
    sizing.binding = sizing.gearingLimit <= sizing.dscrCapacity ? SizingConstraint::Gearing
                                                                : SizingConstraint::Dscr;
    // Guard rails: gearingCap <= 1 keeps debt <= cost; clamps make rounding unable to break them.
    sizing.debt = std::clamp(std::min(sizing.gearingLimit, sizing.dscrCapacity), 0.0, terms.totalCost);
    sizing.equity = std::max(terms.totalCost - sizing.debt, 0.0);
    sizing.gearing = terms.totalCost > 0.0 ? sizing.debt / terms.totalCost : 0.0;
    return sizing;
}

} // namespace cityfin::finance
