#pragma once
// Root of an NPV-like function of the growth factor u = 1 + rate, for irr() and xirr(): scan a grid
// outward from the guess until the sign changes (so the root found is the one nearest the guess),
// then polish inside that bracket with Newton steps safeguarded by bisection.
//
// A Curve provides value(u) and valueAndSlope(u) (slope d/du). Its value need only have the sign of
// the NPV and vanish where the NPV does: the IRR curves rescale the NPV by a positive power of u
// below u = 1 so that nothing overflows near a rate of -100%.

#include <cmath>
#include <optional>

namespace cityfin::finance::detail {

struct ValueAndSlope {
    double value;
    double slope;
};

/// The range searched for a root, in u = 1 + rate: rates from -99.9999% to +1,000,000%.
inline constexpr double kLowestGrowth = 1e-6;
inline constexpr double kHighestGrowth = 1e4 + 1.0;
/// Grid step, as a factor on u: 1% of (1 + rate) between grid points.
inline constexpr double kGridStepLog = 0.01;
/// Polishing stops when the step (or the bracket) is below this, in rate units.
inline constexpr double kRateTolerance = 1e-12;

struct Bracket {
    double low, valueLow, high, valueHigh; // valueLow and valueHigh of opposite signs, non-zero
};

struct GridSide {
    double growth;  // last grid point on this side
    double value;   // curve value there (may be non-finite: then not yet usable)
    double factor;  // multiplies growth for the next point (e^step or e^-step)
    double limit;   // last point on this side
    bool open;
};

/// Next grid point on one side; returns true when it closes a bracket (or hits a root exactly).
template <class Curve>
bool stepSide(const Curve& curve, GridSide& side, Bracket& bracket, std::optional<double>& exactRoot) {
    double next = side.growth * side.factor;
    const bool upward = side.factor > 1.0;
    if (upward ? next >= side.limit : next <= side.limit) {
        next = side.limit;
        side.open = false;
    }
    const double value = curve.value(next);
    if (value == 0.0) {
        exactRoot = next;
        return true;
    }
    if (std::isfinite(value) && std::isfinite(side.value) && (value < 0.0) != (side.value < 0.0)) {
        bracket = upward ? Bracket{side.growth, side.value, next, value}
                         : Bracket{next, value, side.growth, side.value};
        return true;
    }
    if (std::isfinite(value) || !std::isfinite(side.value)) side.value = value;
    side.growth = next;
    return false;
}

/// Newton from the secant point of the bracket; a step leaving the bracket, or not at least halving
/// the previous one, is replaced by bisection, so convergence is guaranteed.
template <class Curve>
double polishRoot(const Curve& curve, Bracket b) {
    double x = b.low - b.valueLow * (b.high - b.low) / (b.valueHigh - b.valueLow);
    double previousStep = b.high - b.low;
    for (int iteration = 0; iteration < 200; ++iteration) {
        const ValueAndSlope f = curve.valueAndSlope(x);
        if (f.value == 0.0) return x;
        if ((f.value < 0.0) == (b.valueLow < 0.0)) {
            b.low = x;
            b.valueLow = f.value;
        } else {
            b.high = x;
            b.valueHigh = f.value;
        }
        double next = x - f.value / f.slope;
        const bool newtonOk = std::isfinite(next) && next > b.low && next < b.high &&
                              std::fabs(next - x) <= 0.5 * std::fabs(previousStep);
        if (!newtonOk) next = 0.5 * (b.low + b.high);
        previousStep = next - x;
        const double tolerance = std::fmax(kRateTolerance, 4e-16 * std::fabs(next));
        if (std::fabs(previousStep) < tolerance || b.high - b.low < tolerance) return next;
        x = next;
    }
    return x;
}

/// The root nearest to guessGrowth (= 1 + guess) on the grid, polished; empty when the curve does not
/// change sign anywhere on the grid.
template <class Curve>
std::optional<double> findGrowthRoot(const Curve& curve, double guessGrowth) {
    const double centreValue = curve.value(guessGrowth);
    if (centreValue == 0.0) return guessGrowth;
    const double factor = std::exp(kGridStepLog);
    GridSide up{guessGrowth, centreValue, factor, kHighestGrowth, guessGrowth < kHighestGrowth};
    GridSide down{guessGrowth, centreValue, 1.0 / factor, kLowestGrowth, guessGrowth > kLowestGrowth};
    Bracket bracket{};
    std::optional<double> exactRoot;
    bool found = false;
    while (!found && (up.open || down.open)) {
        // Upward first, then downward at the same distance: the first bracket is the nearest one.
        found = up.open && stepSide(curve, up, bracket, exactRoot);
        if (!found) found = down.open && stepSide(curve, down, bracket, exactRoot);
    }
    if (!found) return std::nullopt;
    if (exactRoot) return exactRoot;
    return polishRoot(curve, bracket);
}

} // namespace cityfin::finance::detail
