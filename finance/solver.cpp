#include "finance/solver.hpp"

#include "finance/errors.hpp"

#include <ql/errors.hpp>
#include <ql/math/solvers1d/brent.hpp>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace cityfin::finance {

namespace {

// Thrown inside the search only, caught in solveBreakEven: they end the search with a reason.
struct NotFinite {
    double x;
    double fx;
};
struct BudgetExhausted {};

// f(x) - target, counting calls of f against the budget and refusing NaN / inf.
class Objective {
public:
    Objective(const std::function<double(double)>& f, double target, int maxEvaluations)
        : f_(f), target_(target), maxEvaluations_(maxEvaluations) {}

    double operator()(double x) const {
        if (evaluations_ >= maxEvaluations_) throw BudgetExhausted{};
        ++evaluations_;
        const double fx = f_(x);
        if (!std::isfinite(fx)) throw NotFinite{x, fx};
        return fx - target_;
    }

    int remaining() const { return maxEvaluations_ - evaluations_; }

private:
    const std::function<double(double)>& f_;
    double target_;
    int maxEvaluations_;
    mutable int evaluations_ = 0;
};

struct Bracket {
    double a, b, ga, gb;  // ga = f(a) - target, gb likewise, of opposite signs
};

bool opposite(double u, double v) { return (u < 0.0 && v > 0.0) || (u > 0.0 && v < 0.0); }

// Appended piece by piece: "[" + std::string + ... trips g++ 12's false -Wrestrict (GCC bug 105329).
std::string range(double lo, double hi) {
    std::string text = "[";
    text += formatValue(lo);
    text += ", ";
    text += formatValue(hi);
    text += "]";
    return text;
}

// Scans the grid between the ends (whose values are known). Returns the lowest bracket, or an exact
// root as a zero-width bracket; counts sign changes (and interior zeros) into `changes`.
std::optional<Bracket> scanGrid(const Objective& g, double lo, double hi, double glo, double ghi,
                                int points, int& changes) {
    std::vector<double> xs(static_cast<std::size_t>(points)), gs(xs.size());
    const double last = static_cast<double>(points - 1);
    for (std::size_t i = 0; i < xs.size(); ++i) xs[i] = lo + (hi - lo) * (static_cast<double>(i) / last);
    xs.front() = lo;
    xs.back() = hi;
    gs.front() = glo;
    gs.back() = ghi;
    for (std::size_t i = 1; i + 1 < xs.size(); ++i) gs[i] = g(xs[i]);

    std::optional<Bracket> lowest;
    changes = 0;
    for (std::size_t i = 0; i + 1 < xs.size(); ++i) {
        const bool zero = gs[i] == 0.0 && i > 0;
        if (!zero && !opposite(gs[i], gs[i + 1])) continue;
        ++changes;
        if (lowest) continue;
        lowest = zero ? Bracket{xs[i], xs[i], 0.0, 0.0} : Bracket{xs[i], xs[i + 1], gs[i], gs[i + 1]};
    }
    return lowest;
}

// Brent on a bracket; the bracket's ends are served from their known values, not evaluated again.
double polish(const Objective& g, const Bracket& bracket, const SolverOptions& options) {
    const double mid = bracket.a + 0.5 * (bracket.b - bracket.a);
    if (!(bracket.a < mid && mid < bracket.b))  // ends adjacent in floating point
        return std::fabs(bracket.ga) <= std::fabs(bracket.gb) ? bracket.a : bracket.b;
    const auto cached = [&](double x) {
        if (x == bracket.a) return bracket.ga;
        if (x == bracket.b) return bracket.gb;
        return g(x);
    };
    QuantLib::Brent brent;
    // Our own Objective enforces the evaluation limit; Brent's counter must never trigger first.
    brent.setMaxEvaluations(static_cast<QuantLib::Size>(options.maxEvaluations) + 10);
    return brent.solve(cached, options.accuracy, mid, bracket.a, bracket.b);
}

void requireArguments(const std::function<double(double)>& f, double target, double lo, double hi,
                      const SolverOptions& options) {
    if (!f) throw InputError("f", "an empty function", "a function to solve");
    requireFinite("target", target);
    requireFinite("lo", lo);
    requireFinite("hi", hi);
    if (lo >= hi)
        throw InputError("hi", formatValue(hi), "a number above lo (" + formatValue(lo) + ")");
    if (!std::isfinite(options.accuracy) || options.accuracy <= 0.0)
        throw InputError("options.accuracy", formatValue(options.accuracy), "a finite number above 0");
    if (options.maxEvaluations < 2)
        throw InputError("options.maxEvaluations", std::to_string(options.maxEvaluations),
                         "at least 2 (both ends of the range)");
    if (options.gridPoints < 2)
        throw InputError("options.gridPoints", std::to_string(options.gridPoints),
                         "at least 2 (both ends of the range)");
}

Answer noValue(std::string reason) {
    Answer answer;
    answer.reason = std::move(reason);
    return answer;
}

Answer search(const Objective& g, double lo, double hi, const SolverOptions& options) {
    const double glo = g(lo);
    if (glo == 0.0) return Answer{lo, {}, {}};
    const double ghi = g(hi);
    if (ghi == 0.0) return Answer{hi, {}, {}};

    Answer answer;
    std::optional<Bracket> bracket;
    if (opposite(glo, ghi)) {
        bracket = Bracket{lo, hi, glo, ghi};
    } else {
        if (options.gridPoints - 2 > g.remaining())
            return noValue("no bracket on " + range(lo, hi) + ": f(" + formatValue(lo) +
                           ") - target = " + formatValue(glo) + " and f(" + formatValue(hi) +
                           ") - target = " + formatValue(ghi) + " have the same sign, and a " +
                           std::to_string(options.gridPoints) + "-point scan would exceed the " +
                           "limit of " + std::to_string(options.maxEvaluations) +
                           " evaluations of f");
        int changes = 0;
        bracket = scanGrid(g, lo, hi, glo, ghi, options.gridPoints, changes);
        if (!bracket) {
            answer.reason = "no root in " + range(lo, hi) + ": f(" + formatValue(lo) +
                            ") - target = " + formatValue(glo) + " and f(" + formatValue(hi) +
                            ") - target = " + formatValue(ghi) + " have the same sign";
            if (options.gridPoints > 2)
                answer.warnings.push_back(
                    "a " + std::to_string(options.gridPoints) + "-point scan of " + range(lo, hi) +
                    " found no sign change either; a root where f only touches the target, or two "
                    "roots between scan points, can be missed");
            return answer;
        }
        if (changes > 1)
            answer.warnings.push_back("f reaches the target " + std::to_string(changes) +
                                      " times on a " + std::to_string(options.gridPoints) +
                                      "-point scan of " + range(lo, hi) +
                                      " (sign changes or exact hits); the lowest root is returned");
    }
    answer.value = bracket->a == bracket->b ? bracket->a : polish(g, *bracket, options);
    return answer;
}

} // namespace

Answer solveBreakEven(const std::function<double(double)>& f, double target, double lo, double hi,
                      const SolverOptions& options) {
    requireArguments(f, target, lo, hi, options);
    const Objective g(f, target, options.maxEvaluations);
    try {
        return search(g, lo, hi, options);
    } catch (const NotFinite& e) {
        return noValue("f is not finite at x = " + formatValue(e.x) + " (f(" + formatValue(e.x) +
                       ") = " + formatValue(e.fx) + "); cannot solve on " + range(lo, hi));
    } catch (const BudgetExhausted&) {
        return noValue("no convergence on " + range(lo, hi) + " within " +
                       std::to_string(options.maxEvaluations) + " evaluations of f (accuracy " +
                       formatValue(options.accuracy) + ")");
    } catch (const QuantLib::Error& e) {
        return noValue("Brent solver failed on " + range(lo, hi) + ": " + e.what());
    }
}

} // namespace cityfin::finance
