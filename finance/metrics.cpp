#include "finance/metrics.hpp"

#include "finance/errors.hpp"
#include "finance/flow_checks.hpp"
#include "finance/horner.hpp"

#include <algorithm>
#include <cmath>

namespace cityfin::finance {

namespace {

bool hasNegative(Flows flows) {
    return std::any_of(flows.begin(), flows.end(), [](double x) { return x < 0.0; });
}

bool hasPositive(Flows flows) {
    return std::any_of(flows.begin(), flows.end(), [](double x) { return x > 0.0; });
}

} // namespace

bool startsWithOutlay(Flows flows) {
    // Flows below a billionth of the largest are rounding residue (a scenario computed as
    // base + change - forecast), not a first receipt or outlay.
    double largest = 0.0;
    for (double x : flows) largest = std::max(largest, std::abs(x));
    const double noise = 1e-9 * largest;
    const auto first = std::find_if(flows.begin(), flows.end(), [noise](double x) { return std::abs(x) > noise; });
    return first != flows.end() && *first < 0.0;
}

double npv(double rate, Flows flows, NpvConvention convention) {
    detail::requireRateFast("rate", rate);
    detail::requireNonEmpty("flows", flows);
    // Horner in v = 1/(1+r); a non-finite flow always yields a non-finite sum, so the flows are
    // checked only when the result says something is wrong (keeps the hot path to one pass).
    const double v = 1.0 / (1.0 + rate);
    double value = detail::hornerSum(flows.size(), [flows](std::size_t i) { return flows[i]; }, v);
    if (convention == NpvConvention::Spreadsheet) value *= v;
    if (!std::isfinite(value)) detail::throwNonFiniteResult(flows, rate);
    return value;
}

double npvWithDiscountFactors(Flows flows, std::span<const double> discountFactors) {
    detail::requireNonEmpty("flows", flows);
    detail::requireSameSize("discountFactors", discountFactors.size(), flows.size(), "values");
    // Four partial sums: independent chains the processor can overlap.
    const double* f = flows.data();
    const double* d = discountFactors.data();
    const std::size_t n = flows.size();
    const std::size_t blocked = n - n % 4;
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
    double lowest = d[0];
    for (std::size_t i = 0; i < blocked; i += 4) {
        s0 += f[i] * d[i];
        s1 += f[i + 1] * d[i + 1];
        s2 += f[i + 2] * d[i + 2];
        s3 += f[i + 3] * d[i + 3];
        lowest = std::min(lowest, std::min(std::min(d[i], d[i + 1]), std::min(d[i + 2], d[i + 3])));
    }
    for (std::size_t i = blocked; i < n; ++i) {
        s0 += f[i] * d[i];
        lowest = std::min(lowest, d[i]);
    }
    const double value = (s0 + s1) + (s2 + s3);
    // A NaN discount factor makes the sum NaN, so lowest > 0 and a finite sum cover every factor.
    const bool allPositive = lowest > 0.0;
    if (allPositive && std::isfinite(value)) return value;
    detail::requireAllFinite("flows", flows);
    for (std::size_t i = 0; i < n; ++i)
        if (!(discountFactors[i] > 0.0) || !std::isfinite(discountFactors[i]))
            throw InputError(indexedField("discountFactors", i), formatValue(discountFactors[i]),
                             "a finite discount factor above 0");
    throw InputError("flows", "amounts whose discounted sum overflows", "smaller amounts");
}

double xnpv(double rate, Flows flows, std::span<const QuantLib::Date> dates) {
    detail::requireRateFast("rate", rate);
    detail::requireNonEmpty("flows", flows);
    const std::vector<double> years = detail::spreadsheetYearFractions(dates, flows.size());
    const double logGrowth = std::log1p(rate);
    double value = 0.0;
    for (std::size_t i = 0; i < flows.size(); ++i) value += flows[i] * std::exp(-years[i] * logGrowth);
    if (!std::isfinite(value)) detail::throwNonFiniteResult(flows, rate);
    return value;
}

Answer mirr(Flows flows, double financeRate, double reinvestRate) {
    detail::requireNonEmpty("flows", flows);
    detail::requireAllFinite("flows", flows);
    detail::requireRateFast("financeRate", financeRate);
    detail::requireRateFast("reinvestRate", reinvestRate);
    const std::size_t n = flows.size();
    // Negative flows discounted to t0 at the finance rate; positive ones compounded to t(n-1) at the
    // reinvestment rate (Horner in (1+reinvestRate) over the reversed flows).
    const double costOfOutlays = detail::hornerSum(
        n, [flows](std::size_t i) { return std::min(flows[i], 0.0); }, 1.0 / (1.0 + financeRate));
    const double terminalInflows = detail::hornerSum(
        n, [flows, n](std::size_t i) { return std::max(flows[n - 1 - i], 0.0); }, 1.0 + reinvestRate);
    if (!hasNegative(flows) || !hasPositive(flows))
        return {std::nullopt, "no MIRR: the flows need at least one negative and one positive value", {}};
    if (!std::isfinite(terminalInflows))
        throw InputError("reinvestRate", formatValue(reinvestRate),
                         "a rate at which the reinvested inflows stay finite");
    const double periods = static_cast<double>(n - 1);
    const double value = std::pow(-terminalInflows / costOfOutlays, 1.0 / periods) - 1.0;
    // A zero (underflowed) or infinite cost of outlays is the finance rate's doing.
    if (!std::isfinite(value) || costOfOutlays == 0.0)
        throw InputError("financeRate", formatValue(financeRate),
                         "a rate at which the discounted outlays stay finite and non-zero");
    return {value, "", {}};
}

Answer profitabilityIndex(double rate, Flows flows) {
    detail::requireRateFast("rate", rate);
    detail::requireNonEmpty("flows", flows);
    detail::requireAllFinite("flows", flows);
    const double v = 1.0 / (1.0 + rate);
    const std::size_t n = flows.size();
    const double inflows =
        detail::hornerSum(n, [flows](std::size_t i) { return std::max(flows[i], 0.0); }, v);
    const double outlays =
        detail::hornerSum(n, [flows](std::size_t i) { return std::min(flows[i], 0.0); }, v);
    if (!hasNegative(flows))
        return {std::nullopt, "no profitability index: there is no negative flow (investment) to divide by",
                {}};
    const double index = inflows / -outlays;
    if (!std::isfinite(index)) detail::throwNonFiniteResult(flows, rate);
    return {index, "", {}};
}

} // namespace cityfin::finance
