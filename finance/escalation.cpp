#include "finance/escalation.hpp"

#include "finance/errors.hpp"
#include "finance/period_checks.hpp"

#include <cmath>
#include <string>

namespace cityfin::finance {

namespace {

using detail::describeCount;

void requireGrid(const EscalationGrid& grid) {
    detail::requirePeriodsPerYear("grid.periodsPerYear", grid.periodsPerYear);
    if (grid.periods == 0) throw InputError("grid.periods", "0", "at least 1 period");
    detail::requirePeriodIndex("grid.basePeriod", grid.basePeriod, grid.periods);
}

void requireRates(const std::string& field, std::span<const double> rates, std::size_t needed) {
    if (rates.size() < needed)
        throw InputError(field, describeCount(rates.size()),
                         "at least " + std::to_string(needed) + " (one rate per timeline year)");
    for (std::size_t y = 0; y < rates.size(); ++y) requireRate(indexedField(field, y), rates[y]);
}

void requireFlows(const std::string& field, std::span<const double> flows) {
    if (flows.empty()) throw InputError(field, describeCount(0), "at least one flow");
    for (std::size_t k = 0; k < flows.size(); ++k) requireFinite(indexedField(field, k), flows[k]);
}

void requireFactors(std::span<const double> factors, std::size_t flowCount) {
    if (factors.size() != flowCount)
        throw InputError("cpiFactors", describeCount(factors.size()),
                         describeCount(flowCount) + " (one per flow)");
    for (std::size_t k = 0; k < factors.size(); ++k)
        if (!std::isfinite(factors[k]) || factors[k] <= 0.0)
            throw InputError(indexedField("cpiFactors", k), formatValue(factors[k]),
                             "a finite factor above 0");
}

// The continuous index G at the start of period m (m may be negative in Yearly mode, before the
// timeline starts: the first year's rate applies there). yearIndex[y] = prod_{j<y} (1 + rates[j]).
double indexAt(long long m, int periodsPerYear, std::span<const double> rates,
               const std::vector<double>& yearIndex) {
    const long long p = periodsPerYear;
    if (m < 0) return std::pow(1.0 + rates[0], static_cast<double>(m) / static_cast<double>(p));
    const auto year = static_cast<std::size_t>(m / p);
    const double fraction = static_cast<double>(m % p) / static_cast<double>(p);
    if (fraction == 0.0) return yearIndex[year];
    return yearIndex[year] * std::pow(1.0 + rates[year], fraction);
}

// The period whose index value period k carries: itself, or in Yearly mode the last anniversary of
// the base period at or before k (floor division, also for k before the base).
long long indexedPosition(std::size_t k, const EscalationGrid& grid) {
    if (grid.step == EscalationStep::EveryPeriod) return static_cast<long long>(k);
    const long long p = grid.periodsPerYear;
    const long long base = static_cast<long long>(grid.basePeriod);
    const long long diff = static_cast<long long>(k) - base;
    const long long years = diff >= 0 ? diff / p : -((-diff + p - 1) / p);
    return base + years * p;
}

std::vector<double> factorsFromValidRates(std::span<const double> rates, const EscalationGrid& grid) {
    const std::size_t years = timelineYears(grid);
    std::vector<double> yearIndex(years + 1, 1.0);
    for (std::size_t y = 0; y < years; ++y) yearIndex[y + 1] = yearIndex[y] * (1.0 + rates[y]);

    const int p = grid.periodsPerYear;
    const double baseIndex =
        indexAt(static_cast<long long>(grid.basePeriod), p, rates, yearIndex);
    std::vector<double> factors(grid.periods);
    for (std::size_t k = 0; k < grid.periods; ++k)
        factors[k] = indexAt(indexedPosition(k, grid), p, rates, yearIndex) / baseIndex;
    factors[grid.basePeriod] = 1.0;  // exactly, whatever the rounding of the division
    return factors;
}

std::vector<double> scaled(std::span<const double> flows, std::span<const double> factors,
                           bool divide) {
    std::vector<double> out(flows.size());
    for (std::size_t k = 0; k < flows.size(); ++k)
        out[k] = divide ? flows[k] / factors[k] : flows[k] * factors[k];
    return out;
}

} // namespace

std::size_t timelineYears(const EscalationGrid& grid) {
    requireGrid(grid);
    const auto p = static_cast<std::size_t>(grid.periodsPerYear);
    return (grid.periods + p - 1) / p;
}

std::vector<double> escalationFactors(double annualRate, const EscalationGrid& grid) {
    requireRate("annualRate", annualRate);
    const std::vector<double> rates(timelineYears(grid), annualRate);
    return factorsFromValidRates(rates, grid);
}

std::vector<double> escalationFactors(std::span<const double> annualRates,
                                      const EscalationGrid& grid) {
    requireRates("annualRates", annualRates, timelineYears(grid));
    return factorsFromValidRates(annualRates, grid);
}

std::vector<double> lineAnnualRates(std::span<const double> cpiRates, const LineIndexation& line,
                                    const EscalationGrid& grid) {
    using Basis = LineIndexation::Basis;
    const std::size_t years = timelineYears(grid);
    requireFinite("line.spread", line.spread);
    requireFinite("line.ownRate", line.ownRate);
    if (line.basis != Basis::Cpi && line.spread != 0.0)
        throw InputError("line.spread", formatValue(line.spread),
                         "0 unless the line follows CPI (basis Cpi)");
    if (line.basis != Basis::OwnRate && line.ownRate != 0.0)
        throw InputError("line.ownRate", formatValue(line.ownRate),
                         "0 unless the line has its own rate (basis OwnRate)");

    if (line.basis == Basis::Fixed) return std::vector<double>(years, 0.0);
    if (line.basis == Basis::OwnRate) {
        requireRate("line.ownRate", line.ownRate);
        return std::vector<double>(years, line.ownRate);
    }
    requireRates("cpiRates", cpiRates, years);
    std::vector<double> rates(years);
    for (std::size_t y = 0; y < years; ++y) {
        rates[y] = cpiRates[y] + line.spread;
        if (rates[y] <= -1.0)
            throw InputError(indexedField("cpiRates", y) + " + line.spread", formatValue(rates[y]),
                             "a rate above -1 (-100%)");
    }
    return rates;
}

std::vector<double> escalateLine(std::span<const double> amountsInBasePrices,
                                 std::span<const double> cpiRates, const LineIndexation& line,
                                 const EscalationGrid& grid) {
    const std::vector<double> rates = lineAnnualRates(cpiRates, line, grid);
    if (amountsInBasePrices.size() != grid.periods)
        throw InputError("amountsInBasePrices", describeCount(amountsInBasePrices.size()),
                         describeCount(grid.periods) + " (one per period)");
    for (std::size_t k = 0; k < amountsInBasePrices.size(); ++k)
        requireFinite(indexedField("amountsInBasePrices", k), amountsInBasePrices[k]);
    return scaled(amountsInBasePrices, factorsFromValidRates(rates, grid), false);
}

std::vector<double> realToNominal(std::span<const double> realFlows,
                                  std::span<const double> cpiFactors) {
    requireFlows("realFlows", realFlows);
    requireFactors(cpiFactors, realFlows.size());
    return scaled(realFlows, cpiFactors, false);
}

std::vector<double> nominalToReal(std::span<const double> nominalFlows,
                                  std::span<const double> cpiFactors) {
    requireFlows("nominalFlows", nominalFlows);
    requireFactors(cpiFactors, nominalFlows.size());
    return scaled(nominalFlows, cpiFactors, true);
}

double nominalRateFromReal(double realRate, double inflation) {
    requireRate("realRate", realRate);
    requireRate("inflation", inflation);
    return (1.0 + realRate) * (1.0 + inflation) - 1.0;
}

double realRateFromNominal(double nominalRate, double inflation) {
    requireRate("nominalRate", nominalRate);
    requireRate("inflation", inflation);
    return (1.0 + nominalRate) / (1.0 + inflation) - 1.0;
}

} // namespace cityfin::finance
