#include "finance/debt_checks.hpp"

#include "finance/errors.hpp"

#include <cmath>

namespace cityfin::finance::debt_checks {

void requireRateAndFrequency(double annualRate, int periodsPerYear) {
    if (!std::isfinite(annualRate) || annualRate < 0.0)
        throw InputError("rate", formatValue(annualRate), "a finite annual rate of 0 or more");
    if (periodsPerYear != 1 && periodsPerYear != 2 && periodsPerYear != 4 && periodsPerYear != 12)
        throw InputError("periodsPerYear", std::to_string(periodsPerYear), "1, 2, 4 or 12");
}

void requireTenor(int tenorPeriods, int periodsPerYear) {
    const int maxPeriods = kMaxYears * periodsPerYear;
    if (tenorPeriods < 1 || tenorPeriods > maxPeriods)
        throw InputError("tenor", std::to_string(tenorPeriods),
                         "from 1 to " + std::to_string(maxPeriods) + " periods (100 years)");
}

void requireTerms(const DebtTerms& terms) {
    requireRateAndFrequency(terms.annualRate, terms.periodsPerYear);
    requireTenor(terms.tenorPeriods, terms.periodsPerYear);
    if (terms.gracePeriods < 0 || terms.gracePeriods >= terms.tenorPeriods)
        throw InputError("grace", std::to_string(terms.gracePeriods),
                         "from 0 to " + std::to_string(terms.tenorPeriods - 1) +
                             " periods (fewer than tenor = " + std::to_string(terms.tenorPeriods) +
                             ")");
}

void requireAmount(const std::string& field, double x) {
    if (!std::isfinite(x) || x < 0.0)
        throw InputError(field, formatValue(x), "a finite amount of 0 or more");
}

void requireSeries(const std::string& field, std::span<const double> values, std::size_t needed,
                   const std::string& why) {
    if (values.size() < needed)
        throw InputError(field, std::to_string(values.size()) + " values",
                         "at least " + std::to_string(needed) + " (" + why + ")");
    for (std::size_t i = 0; i < values.size(); ++i)  // name the field only on failure: hot path
        if (!std::isfinite(values[i])) requireFinite(indexedField(field, i), values[i]);
}

} // namespace cityfin::finance::debt_checks
