#pragma once
// Break-even solving: the x in [lo, hi] at which f(x) equals a target ("the tariff at which equity IRR
// meets the hurdle", "the subsidy at which min DSCR meets the covenant"), by QuantLib's Brent solver
// after bracketing the root. Formulas and references: docs/methodology/escalation-tax-solver.md.

#include "finance/answer.hpp"

#include <functional>

namespace cityfin::finance {

struct SolverOptions {
    double accuracy = 1e-10;  ///< on x: the root is within about this distance of the true root
    int maxEvaluations = 100; ///< calls of f in all, scan included; at least 2
    int gridPoints = 32;      ///< points of the bracketing scan, both ends included; at least 2
};

/// Finds x in [lo, hi] with f(x) = target.
/// 1. Evaluates f at lo and hi; an end that hits the target exactly is the answer.
/// 2. If f - target has the same sign at both ends, scans gridPoints equally spaced points and takes
///    the lowest sub-interval where the sign changes (a warning counts the sign changes if several).
/// 3. Polishes the bracket with QuantLib Brent to `accuracy` on x.
/// No bracket, f not finite at a point tried, or the evaluation limit reached give an Answer with no
/// value and the reason; they never throw. Invalid arguments throw InputError; an exception thrown by
/// f itself propagates unchanged.
Answer solveBreakEven(const std::function<double(double)>& f, double target, double lo, double hi,
                      const SolverOptions& options = {});

} // namespace cityfin::finance
