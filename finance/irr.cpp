// IRR and XIRR: count sign changes, bracket the root nearest the guess, polish it (rate_root.hpp).

#include "finance/metrics.hpp"

#include "finance/errors.hpp"
#include "finance/flow_checks.hpp"
#include "finance/horner.hpp"
#include "finance/rate_root.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

namespace cityfin::finance {

namespace {

/// NPV of periodic flows as a function of u = 1 + rate: sum f_i u^-i for u >= 1 (Horner in 1/u),
/// and u^(n-1) times that, sum f_i u^(n-1-i), below 1 (Horner in u), so neither side overflows.
class PeriodicCurve {
public:
    explicit PeriodicCurve(Flows flows) : flows_(flows), n_(flows.size()) {}

    detail::ValueAndSlope valueAndSlope(double u) const {
        if (u >= 1.0) {
            const double v = 1.0 / u;
            const auto p = detail::hornerSumAndSlope(n_, [this](std::size_t i) { return flows_[i]; }, v);
            return {p.sum, -v * v * p.slope}; // d/du P(1/u) = P'(v) * (-v^2)
        }
        const auto q = detail::hornerSumAndSlope(n_, [this](std::size_t i) { return flows_[n_ - 1 - i]; }, u);
        return {q.sum, q.slope};
    }

private:
    Flows flows_;
    std::size_t n_;
};

/// XNPV as a function of u = 1 + rate on flows netted by date: sum a_k u^-t_k for u >= 1, and
/// u^T times that (T the last time) below 1.
class DatedCurve {
public:
    DatedCurve(std::vector<double> years, std::vector<double> amounts)
        : years_(std::move(years)), amounts_(std::move(amounts)), last_(years_.back()) {}

    detail::ValueAndSlope valueAndSlope(double u) const {
        const double logGrowth = std::log(u);
        const double shift = u >= 1.0 ? 0.0 : last_;
        double value = 0.0, slope = 0.0;
        for (std::size_t k = 0; k < years_.size(); ++k) {
            const double exponent = shift - years_[k];
            const double term = amounts_[k] * std::exp(exponent * logGrowth);
            value += term;
            slope += exponent * term;
        }
        return {value, slope / u};
    }

private:
    std::vector<double> years_, amounts_;
    double last_;
};

int signChanges(std::span<const double> values) {
    int changes = 0;
    double previous = 0.0;
    for (double x : values) {
        if (x == 0.0) continue;
        if (previous != 0.0 && (x < 0.0) != (previous < 0.0)) ++changes;
        previous = x;
    }
    return changes;
}

void requireGuess(double guess) {
    if (!std::isfinite(guess) || guess <= -1.0 || guess >= detail::kHighestGrowth - 1.0)
        throw InputError("guess", formatValue(guess), "a rate above -1 (-100%) and below 10000 (1000000%)");
}

/// Shared by irr() and xirr(): `name` is "IRR" or "XIRR".
/// withWarnings false: the warning of several sign changes is not written (irrSeeded's callers that
/// read the value alone); the value and the reasons are the same.
template <class Curve>
Answer solveRate(const Curve& curve, int changes, double guess, const char* name, const char* flowsWord,
                 bool withWarnings = true) {
    if (changes == 0)
        return {std::nullopt, std::string("no ") + name + ": the " + flowsWord + " never change sign", {}};
    Answer answer;
    if (changes > 1 && withWarnings)
        answer.warnings.push_back(std::string("the ") + flowsWord + " change sign " + std::to_string(changes) +
                                  " times, so the " + name + " may not be unique: read MIRR beside it");
    const std::optional<double> growth = detail::findGrowthRoot(curve, 1.0 + guess);
    if (growth) {
        answer.value = *growth - 1.0;
    } else {
        answer.reason = std::string("no ") + name + ": the NPV does not reach zero at any rate from -99.9999% to 1000000%";
    }
    return answer;
}

} // namespace

Answer irr(Flows flows, double guess) {
    detail::requireNonEmpty("flows", flows);
    detail::requireAllFinite("flows", flows);
    requireGuess(guess);
    return solveRate(PeriodicCurve(flows), signChanges(flows), guess, "IRR", "flows");
}

Answer irrSeeded(Flows flows, double seed, bool withWarnings) {
    detail::requireNonEmpty("flows", flows);
    // One pass for the checks and the sign changes (this runs in every scenario of a Monte Carlo):
    // x * 0 is NaN for an infinity or a NaN, so the sum stays 0 only if every flow is finite.
    double zero = 0.0, previous = 0.0;
    int changes = 0;
    for (double x : flows) {
        zero += x * 0.0;
        if (x == 0.0) continue;
        changes += previous != 0.0 && (x < 0.0) != (previous < 0.0);  // as signChanges
        previous = x;
    }
    if (zero != 0.0) detail::requireAllFinite("flows", flows);  // throws, naming the flow
    const PeriodicCurve curve(flows);
    constexpr double kIrrGuess = 0.1;  // irr()'s default guess: what the fallbacks below are
    if (changes != 1 || !std::isfinite(seed) || seed <= detail::kLowestGrowth - 1.0 || seed >= detail::kHighestGrowth - 1.0)
        return solveRate(curve, changes, kIrrGuess, "IRR", "flows", withWarnings);  // irr(flows), checks done
    const auto first = std::find_if(flows.begin(), flows.end(), [](double x) { return x != 0.0; });
    if (const auto bracket = detail::bracketOnlyRoot(curve, 1.0 + seed, *first < 0.0))
        return {detail::polishRoot(curve, *bracket) - 1.0, {}, {}};
    // No root in the range (or an overflow on the way): irr's answer and reason.
    return solveRate(curve, changes, kIrrGuess, "IRR", "flows", withWarnings);
}

Answer xirr(Flows flows, std::span<const QuantLib::Date> dates, double guess) {
    detail::requireNonEmpty("flows", flows);
    detail::requireAllFinite("flows", flows);
    const std::vector<double> years = detail::spreadsheetYearFractions(dates, flows.size());
    requireGuess(guess);
    // Net the flows by date, in date order: the sign-change count is then meaningful.
    std::vector<std::size_t> order(flows.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return years[a] < years[b]; });
    std::vector<double> times, amounts;
    for (std::size_t i : order) {
        if (!times.empty() && times.back() == years[i]) {
            amounts.back() += flows[i];
        } else {
            times.push_back(years[i]);
            amounts.push_back(flows[i]);
        }
    }
    if (times.size() == 1) return {std::nullopt, "no XIRR: all flows fall on the same date", {}};
    const int changes = signChanges(amounts);
    return solveRate(DatedCurve(std::move(times), std::move(amounts)), changes, guess, "XIRR",
                     "flows (netted by date)");
}

} // namespace cityfin::finance
