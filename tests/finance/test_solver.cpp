// Break-even solver: roots known in closed form (sqrt 2, an annuity's rate), a published spreadsheet
// IRR example, and every way of not finding a root, each with its exact reason.

#include "expect_input_error.hpp"
#include "finance/errors.hpp"
#include "finance/solver.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

using cityfin::InputError;
using namespace cityfin::finance;

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

// NPV of flows[0] at t = 0 and flows[k] at the end of period k, written here so the test does not
// depend on the metrics unit.
std::function<double(double)> npvOf(std::vector<double> flows) {
    return [flows](double rate) {
        double npv = 0.0;
        for (std::size_t k = 0; k < flows.size(); ++k)
            npv += flows[k] / std::pow(1.0 + rate, static_cast<double>(k));
        return npv;
    };
}

} // namespace

TEST(Solver, FindsSquareRootOfTwo) {
    SolverOptions options;
    options.accuracy = 1e-13;
    const Answer a = solveBreakEven([](double x) { return x * x; }, 2.0, 0.0, 2.0, options);
    ASSERT_TRUE(a) << a.reason;
    EXPECT_NEAR(*a.value, std::sqrt(2.0), 1e-12);
    EXPECT_TRUE(a.reason.empty());
    EXPECT_TRUE(a.warnings.empty());
}

TEST(Solver, AnnuityBreakEvenRateIsItsKnownIrr) {
    // 1000 lent for 5 years at 10%: payment = 1000 x 0.1 / (1 - 1.1^-5) = 263.7974808; the rate at
    // which the NPV of (-1000, 5 x payment) is 0 is 10% by construction.
    const double payment = 1000.0 * 0.1 / (1.0 - std::pow(1.1, -5.0));
    const auto npv = npvOf({-1000, payment, payment, payment, payment, payment});
    const Answer a = solveBreakEven(npv, 0.0, 0.0, 1.0);
    ASSERT_TRUE(a) << a.reason;
    EXPECT_NEAR(*a.value, 0.10, 1e-10);
}

TEST(Solver, SpreadsheetIrrExample) {
    // Microsoft's IRR documentation: -70000, 12000, 15000, 18000, 21000, 26000 -> 8.66%.
    const auto npv = npvOf({-70000, 12000, 15000, 18000, 21000, 26000});
    const Answer a = solveBreakEven(npv, 0.0, -0.5, 1.0);
    ASSERT_TRUE(a) << a.reason;
    EXPECT_NEAR(*a.value, 0.0866, 5e-5);
}

TEST(Solver, HitsANonZeroTarget) {
    // Break-even tariff: revenue 1200 x tariff - cost 3000 = target 600 -> tariff 3.
    const Answer a = solveBreakEven([](double t) { return 1200.0 * t - 3000.0; }, 600.0, 0.0, 10.0);
    ASSERT_TRUE(a);
    EXPECT_NEAR(*a.value, 3.0, 1e-10);
}

TEST(Solver, NoRootReportsTheRangeAndTheEndValues) {
    // x^2 = -1 on [0, 1]: f - target is 1 at 0 and 2 at 1.
    const Answer a = solveBreakEven([](double x) { return x * x; }, -1.0, 0.0, 1.0);
    EXPECT_FALSE(a);
    EXPECT_FALSE(a.value.has_value());
    EXPECT_EQ(a.reason, "no root in [0, 1]: f(0) - target = 1 and f(1) - target = 2 have the same "
                        "sign");
    ASSERT_EQ(a.warnings.size(), 1u);
    EXPECT_EQ(a.warnings[0], "a 32-point scan of [0, 1] found no sign change either; a root where f "
                             "only touches the target, or two roots between scan points, can be "
                             "missed");
}

TEST(Solver, FindsARootThatOnlyTheGridScanBrackets) {
    // (x - 1)(x - 2) is +2 at both 0 and 3 but negative in between: the scan finds the root at 1
    // (the lowest) and warns that there are two.
    const Answer a =
        solveBreakEven([](double x) { return (x - 1.0) * (x - 2.0); }, 0.0, 0.0, 3.0);
    ASSERT_TRUE(a) << a.reason;
    EXPECT_NEAR(*a.value, 1.0, 1e-10);
    ASSERT_EQ(a.warnings.size(), 1u);
    EXPECT_EQ(a.warnings[0], "f reaches the target 2 times on a 32-point scan of [0, 3] (sign "
                             "changes or exact hits); the lowest root is returned");
}

TEST(Solver, AnEndOnTheTargetIsTheAnswer) {
    int calls = 0;
    const Answer a = solveBreakEven([&](double x) { ++calls; return x - 1.0; }, 0.0, 1.0, 2.0);
    ASSERT_TRUE(a);
    EXPECT_EQ(*a.value, 1.0);
    EXPECT_EQ(calls, 1);
}

TEST(Solver, EvaluatesEachEndOnceAndStaysWithinTheLimit) {
    std::vector<double> xs;
    const Answer a = solveBreakEven([&](double x) { xs.push_back(x); return x * x * x; }, 5.0, 0.0, 3.0);
    ASSERT_TRUE(a);
    EXPECT_NEAR(*a.value, std::cbrt(5.0), 1e-10);
    EXPECT_EQ(std::count(xs.begin(), xs.end(), 0.0), 1);
    EXPECT_EQ(std::count(xs.begin(), xs.end(), 3.0), 1);
    EXPECT_LE(xs.size(), 100u);
}

TEST(Solver, NaNAtAnEndIsReported) {
    const Answer a = solveBreakEven([](double x) { return std::sqrt(x); }, 1.0, -1.0, 4.0);
    EXPECT_FALSE(a);
    EXPECT_EQ(a.reason, "f is not finite at x = -1 (f(-1) = NaN); cannot solve on [-1, 4]");
    const Answer inf = solveBreakEven([](double x) { return 1.0 / x; }, 2.0, 0.0, 1.0);
    EXPECT_EQ(inf.reason, "f is not finite at x = 0 (f(0) = inf); cannot solve on [0, 1]");
}

TEST(Solver, NaNInsideTheRangeIsReported) {
    // During Brent: the first trial point is the midpoint 0.5.
    const auto hole = [](double x) { return x < 0.3 ? -1.0 : (x < 0.7 ? kNaN : 1.0); };
    EXPECT_EQ(solveBreakEven(hole, 0.0, 0.0, 1.0).reason,
              "f is not finite at x = 0.5 (f(0.5) = NaN); cannot solve on [0, 1]");
    // During the scan: same sign at the ends, grid point 16/31 falls in the hole.
    const auto sameSign = [](double x) { return x > 0.5 && x < 0.6 ? kNaN : 1.0 + x; };
    EXPECT_EQ(solveBreakEven(sameSign, 0.0, 0.0, 1.0).reason,
              "f is not finite at x = " + cityfin::formatValue(16.0 / 31.0) + " (f(" +
                  cityfin::formatValue(16.0 / 31.0) + ") = NaN); cannot solve on [0, 1]");
}

TEST(Solver, ReportsNonConvergenceWithinTheEvaluationLimit) {
    SolverOptions options;
    options.accuracy = 1e-15;
    options.maxEvaluations = 4;
    const Answer a = solveBreakEven([](double x) { return x * x; }, 2.0, 0.0, 2.0, options);
    EXPECT_FALSE(a);
    EXPECT_EQ(a.reason, "no convergence on [0, 2] within 4 evaluations of f (accuracy 1e-15)");
}

TEST(Solver, ReportsAScanTheLimitDoesNotAllow) {
    SolverOptions options;
    options.maxEvaluations = 10;
    const Answer a =
        solveBreakEven([](double x) { return (x - 1.0) * (x - 2.0); }, 0.0, 0.0, 3.0, options);
    EXPECT_FALSE(a);
    EXPECT_EQ(a.reason, "no bracket on [0, 3]: f(0) - target = 2 and f(3) - target = 2 have the "
                        "same sign, and a 32-point scan would exceed the limit of 10 evaluations "
                        "of f");
}

TEST(Solver, ExceptionsFromFPropagate) {
    const auto throwing = [](double) -> double { throw InputError("tariff", "-1", "a tariff >= 0"); };
    EXPECT_THROW(solveBreakEven(throwing, 0.0, 0.0, 1.0), InputError);
}

TEST(Solver, RejectsBadArguments) {
    const auto square = [](double x) { return x * x; };
    expectInputError([&] { solveBreakEven(square, 2.0, 1.0, 0.0); },
                     "hi: got 0, expected a number above lo (1)");
    expectInputError([&] { solveBreakEven(square, 2.0, 1.0, 1.0); },
                     "hi: got 1, expected a number above lo (1)");
    expectInputError([&] { solveBreakEven(square, kNaN, 0.0, 2.0); },
                     "target: got NaN, expected a finite number");
    expectInputError([&] { solveBreakEven(square, 2.0, -std::numeric_limits<double>::infinity(), 2.0); },
                     "lo: got -inf, expected a finite number");
    SolverOptions options;
    options.accuracy = 0.0;
    expectInputError([&] { solveBreakEven(square, 2.0, 0.0, 2.0, options); },
                     "options.accuracy: got 0, expected a finite number above 0");
    options = SolverOptions{};
    options.maxEvaluations = 1;
    expectInputError([&] { solveBreakEven(square, 2.0, 0.0, 2.0, options); },
                     "options.maxEvaluations: got 1, expected at least 2 (both ends of the range)");
    options = SolverOptions{};
    options.gridPoints = 1;
    expectInputError([&] { solveBreakEven(square, 2.0, 0.0, 2.0, options); },
                     "options.gridPoints: got 1, expected at least 2 (both ends of the range)");
    expectInputError([] { solveBreakEven(std::function<double(double)>{}, 0.0, 0.0, 1.0); },
                     "f: got an empty function, expected a function to solve");
}
