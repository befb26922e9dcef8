#pragma once
// Root of an NPV-like function of the growth factor u = 1 + rate, for irr() and xirr().
//
// 1. Scan a grid outward from the guess, both sides in turn, on steps of 5% of u (0.05 in log u).
//    Each grid point gives the value and the slope. A cell whose ends differ in sign holds a root;
//    a cell whose ends share a sign but whose slopes both point into it, towards zero (an interior
//    extremum that may dip through zero: two close roots), is rescanned on ten sub-steps.
// 2. Polish the first bracket with Newton steps safeguarded by bisection, to 1e-12 in the rate.
// 3. A root found above the guess is checked against the cells below at the same distance, so the
//    root returned is the one nearest the guess in log(1 + rate), as a spreadsheet's IRR from its
//    guess usually is.
//
// A Curve provides valueAndSlope(u) (slope d/du). Its value need only have the sign of the NPV and
// vanish where the NPV does: the IRR curves rescale the NPV by a positive power of u below u = 1 so
// that nothing overflows near a rate of -100%.

#include <algorithm>
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
/// Grid step in log(u), and the number of sub-steps when a cell is rescanned.
inline constexpr double kGridStepLog = 0.05;
inline constexpr int kRescanSteps = 10;
/// Polishing stops when the Newton step (or the bracket) is below this, in rate units.
inline constexpr double kRateTolerance = 1e-12;

struct Sample {
    double growth;
    double value;
    double slope;
};

/// A sign change between two samples (low < high in growth), or an exact zero at `low`.
struct Bracket {
    Sample low, high;
    bool exact;
};

template <class Curve>
Sample sampleAt(const Curve& curve, double growth) {
    const ValueAndSlope f = curve.valueAndSlope(growth);
    return {growth, f.value, f.slope};
}

inline bool usable(const Sample& s) { return std::isfinite(s.value) && std::isfinite(s.slope); }

inline bool signsDiffer(const Sample& a, const Sample& b) { return (a.value < 0.0) != (b.value < 0.0); }

inline Bracket ordered(const Sample& a, const Sample& b) {
    return a.growth < b.growth ? Bracket{a, b, false} : Bracket{b, a, false};
}

/// Both ends head towards zero into the cell: f may dip through zero and back between them.
inline bool mayHideTwoRoots(const Sample& a, const Sample& b) {
    const Sample& low = a.growth < b.growth ? a : b;
    const Sample& high = a.growth < b.growth ? b : a;
    const double sign = low.value < 0.0 ? -1.0 : 1.0;
    return sign * low.slope < 0.0 && sign * high.slope > 0.0;
}

/// The sign change in the cell from `near` to `far` nearest to `near`, if any.
template <class Curve>
std::optional<Bracket> searchCell(const Curve& curve, const Sample& near, const Sample& far) {
    if (far.value == 0.0) return Bracket{far, far, true};
    if (!usable(near) || !usable(far)) return std::nullopt;
    if (signsDiffer(near, far)) return ordered(near, far);
    if (!mayHideTwoRoots(near, far)) return std::nullopt;
    const double factor = std::pow(far.growth / near.growth, 1.0 / kRescanSteps);
    Sample previous = near;
    for (int i = 1; i < kRescanSteps; ++i) {
        const Sample s = sampleAt(curve, near.growth * std::pow(factor, i));
        if (s.value == 0.0) return Bracket{s, s, true};
        if (usable(s) && signsDiffer(previous, s)) return ordered(previous, s);
        if (usable(s)) previous = s;
    }
    return signsDiffer(previous, far) ? std::optional<Bracket>(ordered(previous, far)) : std::nullopt;
}

/// A first estimate of the root from the values and slopes at both ends: the root of the cubic
/// Hermite interpolant, by a few Newton steps on the cubic itself (no curve evaluation), falling
/// back to the secant point if they leave the bracket.
inline double hermiteEstimate(const Bracket& b) {
    const double h = b.high.growth - b.low.growth;
    const double f0 = b.low.value, f1 = b.high.value, m0 = h * b.low.slope, m1 = h * b.high.slope;
    const double secant = f0 / (f0 - f1);
    double t = secant;
    for (int i = 0; i < 4; ++i) {
        const double t2 = t * t, t3 = t2 * t;
        const double value = (2 * t3 - 3 * t2 + 1) * f0 + (t3 - 2 * t2 + t) * m0 + (3 * t2 - 2 * t3) * f1 +
                             (t3 - t2) * m1;
        const double slope = (6 * t2 - 6 * t) * (f0 - f1) + (3 * t2 - 4 * t + 1) * m0 + (3 * t2 - 2 * t) * m1;
        t -= value / slope;
    }
    if (!(t > 0.0 && t < 1.0)) t = secant;
    return b.low.growth + t * h;
}

/// Newton from the Hermite estimate; a step leaving the bracket, or not at least halving the
/// previous one, is replaced by bisection, so convergence is guaranteed.
template <class Curve>
double polishRoot(const Curve& curve, Bracket b) {
    if (b.exact) return b.low.growth;
    double low = b.low.growth, high = b.high.growth;
    const bool lowNegative = b.low.value < 0.0;
    double x = hermiteEstimate(b);
    double previousStep = high - low;
    for (int iteration = 0; iteration < 200; ++iteration) {
        const ValueAndSlope f = curve.valueAndSlope(x);
        if (f.value == 0.0) return x;
        ((f.value < 0.0) == lowNegative ? low : high) = x;
        const double step = f.value / f.slope;
        double next = x - step;
        const double tolerance = std::max(kRateTolerance, 4e-16 * std::fabs(x));
        // Converged: the Newton correction is below the tolerance (possibly below one ulp of x).
        if (std::isfinite(next) && std::fabs(step) < tolerance) return next;
        const bool newtonOk = std::isfinite(next) && next > low && next < high &&
                              std::fabs(step) <= 0.5 * std::fabs(previousStep);
        if (!newtonOk) next = 0.5 * (low + high);
        previousStep = next - x;
        if (high - low < tolerance) return next;
        x = next;
    }
    return x;
}

/// One side of the scan: the last grid sample and where the side ends.
struct ScanSide {
    double growth; // last grid point
    Sample last;   // last grid sample with a finite value and slope (or the first one)
    double factor; // e^step above the guess, e^-step below
    double limit;
    bool open;
};

/// Next grid cell on one side; a bracket if the cell holds a root.
template <class Curve>
std::optional<Bracket> advance(const Curve& curve, ScanSide& side) {
    double next = side.growth * side.factor;
    const bool upward = side.factor > 1.0;
    if (upward ? next >= side.limit : next <= side.limit) {
        next = side.limit;
        side.open = false;
    }
    const Sample s = sampleAt(curve, next);
    const std::optional<Bracket> found = searchCell(curve, side.last, s);
    side.growth = next;
    if (usable(s) || !usable(side.last)) side.last = s;
    return found;
}

/// After a root was found above the guess: a root below it at no greater distance (in log u), if
/// the cells below the last grid point on the lower side hold one.
template <class Curve>
std::optional<double> nearerRootBelow(const Curve& curve, const ScanSide& down, double guessGrowth, double root) {
    if (!down.open) return std::nullopt;
    const double probe = std::max(guessGrowth * guessGrowth / root, kLowestGrowth);
    if (probe >= down.growth) return std::nullopt;
    const std::optional<Bracket> found = searchCell(curve, down.last, sampleAt(curve, probe));
    if (!found) return std::nullopt;
    return polishRoot(curve, *found);
}

/// The root nearest to guessGrowth (= 1 + guess), polished; empty when none is found between
/// kLowestGrowth and kHighestGrowth.
template <class Curve>
std::optional<double> findGrowthRoot(const Curve& curve, double guessGrowth) {
    const Sample centre = sampleAt(curve, guessGrowth);
    if (centre.value == 0.0) return guessGrowth;
    const double factor = std::exp(kGridStepLog);
    ScanSide up{guessGrowth, centre, factor, kHighestGrowth, guessGrowth < kHighestGrowth};
    ScanSide down{guessGrowth, centre, 1.0 / factor, kLowestGrowth, guessGrowth > kLowestGrowth};
    while (up.open || down.open) {
        // Upward first, then downward at the same distance.
        if (up.open) {
            if (const auto found = advance(curve, up)) {
                const double root = polishRoot(curve, *found);
                return nearerRootBelow(curve, down, guessGrowth, root).value_or(root);
            }
        }
        if (down.open) {
            if (const auto found = advance(curve, down)) return polishRoot(curve, *found);
        }
    }
    return std::nullopt;
}

/// For a curve with a single root (periodic flows with one sign change: Descartes' rule of signs on
/// the NPV as a polynomial in 1 / u), a bracket of it found from guessGrowth by Newton steps, which
/// land close to the root from a guess near it, widened to grid steps when a step overshoots the
/// range or makes no progress. `negativeAbove`: the value's sign above the root (that of the first
/// non-zero flow). Polished by polishRoot, this is findGrowthRoot's root from any guess, to
/// kRateTolerance. Empty when no sign change is met in the range or the curve overflows on the way
/// (the caller then runs findGrowthRoot).
template <class Curve>
std::optional<Bracket> bracketOnlyRoot(const Curve& curve, double guessGrowth, bool negativeAbove) {
    Sample last = sampleAt(curve, guessGrowth);
    if (last.value == 0.0) return Bracket{last, last, true};
    if (!usable(last)) return std::nullopt;
    const bool rootBelow = (last.value < 0.0) == negativeAbove;
    const double gridFactor = std::exp(rootBelow ? -kGridStepLog : kGridStepLog);
    const double limit = rootBelow ? kLowestGrowth : kHighestGrowth;
    for (int step = 0; step < 400; ++step) {
        if (rootBelow ? last.growth <= limit : last.growth >= limit) return std::nullopt;
        // A Newton step a little past the root (2% further), so that it lands beyond it; at least a
        // thousandth of the grid step, at most one grid step (past a far root, the grid's pace).
        const double newton = last.growth - 1.02 * last.value / last.slope;
        const double gridNext = last.growth * gridFactor;
        double next = gridNext;
        if (std::isfinite(newton) && (rootBelow ? newton < last.growth : newton > last.growth)) {
            const double minimum = last.growth * (1.0 + (gridFactor - 1.0) * 1e-3);
            next = rootBelow ? std::clamp(newton, gridNext, minimum) : std::clamp(newton, minimum, gridNext);
        }
        if (rootBelow ? next < limit : next > limit) next = limit;
        const Sample s = sampleAt(curve, next);
        if (s.value == 0.0) return Bracket{s, s, true};
        if (!usable(s)) return std::nullopt;
        if (signsDiffer(last, s)) return ordered(last, s);
        last = s;
    }
    return std::nullopt;
}

} // namespace cityfin::finance::detail
