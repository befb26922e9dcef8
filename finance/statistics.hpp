#pragma once
// Statistics of simulated outcomes: streaming moments (Welford, mergeable by Chan et al.), and
// sample statistics on a stored vector: mean, sample stdev, min, max, spreadsheet PERCENTILE.INC
// percentiles, histogram data and the share of outcomes meeting a condition.
// Formulas and references: docs/methodology/simulation.md.

#include <cstddef>
#include <span>
#include <vector>

namespace cityfin::finance {

/// Count, mean, sum of squared deviations, min and max in one pass (Welford 1962). Two sets
/// merge exactly as if one pass had seen both (Chan, Golub and LeVeque 1979), up to rounding;
/// merging per-block results in block order gives the same numbers whatever the thread count.
class RunningMoments {
public:
    /// Adds one observation; throws InputError("x") unless finite.
    void add(double x);
    void merge(const RunningMoments& other) noexcept;

    std::size_t count() const noexcept { return count_; }
    /// Each throws InputError("moments") when there are too few observations (1; 2 for stdev).
    double mean() const;
    double variance() const;  ///< sample variance, divisor n - 1
    double stdev() const;
    double standardError() const;  ///< stdev / sqrt(n)
    double min() const;
    double max() const;

private:
    void requireCount(std::size_t needed) const;
    std::size_t count_ = 0;
    double mean_ = 0.0;
    double squaredDeviations_ = 0.0;
    double min_ = 0.0;
    double max_ = 0.0;
};

// Sample statistics on stored values. Every function validates "values" (non-empty, or at least
// 2 values for the stdev) and each "values[i]" (finite).
double sampleMean(std::span<const double> values);
double sampleStdev(std::span<const double> values);  ///< divisor n - 1, like STDEV.S
double sampleMin(std::span<const double> values);
double sampleMax(std::span<const double> values);

/// Spreadsheet PERCENTILE.INC(values, k), k in [0, 1] (Hyndman and Fan 1996, definition 7):
/// with x sorted ascending (0-based) and h = (n - 1) k, x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]).
double percentileInc(std::span<const double> values, double k);
/// Several percentiles with one sort; ks[i] validated as "ks[i]".
std::vector<double> percentilesInc(std::span<const double> values, std::span<const double> ks);
/// As percentileInc on values already sorted ascending (not checked), for repeated queries.
double percentileIncSorted(std::span<const double> sorted, double k);

/// counts[b] holds the values in [edges[b], edges[b + 1]), the last bin closed on the right;
/// below and above count values outside [edges.front(), edges.back()].
struct Histogram {
    std::vector<double> edges;
    std::vector<std::size_t> counts;
    std::size_t below = 0;
    std::size_t above = 0;
};

/// bins (1..1'000'000) equal bins from min to max of values. A constant sample gets the range
/// [x - 0.5, x + 0.5] so that its bins have a width.
Histogram histogram(std::span<const double> values, std::size_t bins);
/// Bins between the given edges (at least 2, finite, strictly increasing: "edges[i]").
Histogram histogram(std::span<const double> values, std::span<const double> edges);

/// Share of values for which holds(value) is true: count / n, n >= 1.
template <class Predicate>
double probability(std::span<const double> values, Predicate holds);

void requireNonEmptySample(std::span<const double> values);

template <class Predicate>
double probability(std::span<const double> values, Predicate holds) {
    requireNonEmptySample(values);
    std::size_t count = 0;
    for (double x : values)
        if (holds(x)) ++count;
    return static_cast<double>(count) / static_cast<double>(values.size());
}

} // namespace cityfin::finance
