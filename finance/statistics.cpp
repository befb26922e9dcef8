#include "finance/statistics.hpp"

#include "finance/errors.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace cityfin::finance {

namespace {

constexpr std::size_t kMaxBins = 1'000'000;

std::string countText(std::size_t n, const char* noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

// Finite and at least `needed` values; names "values" or "values[i]".
void requireSample(std::span<const double> values, std::size_t needed) {
    if (values.size() < needed)
        throw InputError("values", countText(values.size(), "value"), "at least " + countText(needed, "value"));
    for (std::size_t i = 0; i < values.size(); ++i)  // the field name is built only for an error
        if (!std::isfinite(values[i])) requireFinite(indexedField("values", i), values[i]);
}

void requireProbability(const std::string& field, double k) {
    if (!(k >= 0.0 && k <= 1.0)) throw InputError(field, formatValue(k), "a number in [0, 1]");
}

std::vector<double> sortedCopy(std::span<const double> values) {
    std::vector<double> sorted(values.begin(), values.end());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

// Neumaier's compensated sum: the mean of 10^6 outcomes keeps full precision.
double compensatedSum(std::span<const double> values) {
    double sum = 0.0, compensation = 0.0;
    for (double x : values) {
        const double t = sum + x;
        compensation += std::abs(sum) >= std::abs(x) ? (sum - t) + x : (x - t) + sum;
        sum = t;
    }
    return sum + compensation;
}

Histogram countInto(std::span<const double> values, std::vector<double> edges) {
    Histogram h;
    h.counts.assign(edges.size() - 1, 0);
    for (double x : values) {
        if (x < edges.front()) ++h.below;
        else if (x > edges.back()) ++h.above;
        else {
            // First edge strictly above x, minus one; x == back() falls in the last (closed) bin.
            const auto it = std::upper_bound(edges.begin(), edges.end(), x);
            const auto bin = static_cast<std::size_t>(it - edges.begin()) - 1;
            ++h.counts[std::min(bin, h.counts.size() - 1)];
        }
    }
    h.edges = std::move(edges);
    return h;
}

} // namespace

void requireNonEmptySample(std::span<const double> values) { requireSample(values, 1); }

void RunningMoments::add(double x) {
    requireFinite("x", x);
    ++count_;
    const double delta = x - mean_;
    mean_ += delta / static_cast<double>(count_);
    squaredDeviations_ += delta * (x - mean_);
    min_ = count_ == 1 ? x : std::min(min_, x);
    max_ = count_ == 1 ? x : std::max(max_, x);
}

void RunningMoments::merge(const RunningMoments& other) noexcept {
    if (other.count_ == 0) return;
    if (count_ == 0) {
        *this = other;
        return;
    }
    const auto na = static_cast<double>(count_), nb = static_cast<double>(other.count_);
    const double n = na + nb;
    const double delta = other.mean_ - mean_;
    mean_ += delta * nb / n;
    squaredDeviations_ += other.squaredDeviations_ + delta * delta * na * nb / n;
    count_ += other.count_;
    min_ = std::min(min_, other.min_);
    max_ = std::max(max_, other.max_);
}

void RunningMoments::requireCount(std::size_t needed) const {
    if (count_ < needed)
        throw InputError("moments", countText(count_, "observation"), "at least " + countText(needed, "observation"));
}

double RunningMoments::mean() const {
    requireCount(1);
    return mean_;
}

double RunningMoments::variance() const {
    requireCount(2);
    return std::max(squaredDeviations_, 0.0) / static_cast<double>(count_ - 1);
}

double RunningMoments::stdev() const { return std::sqrt(variance()); }

double RunningMoments::standardError() const { return stdev() / std::sqrt(static_cast<double>(count_)); }

double RunningMoments::min() const {
    requireCount(1);
    return min_;
}

double RunningMoments::max() const {
    requireCount(1);
    return max_;
}

double sampleMean(std::span<const double> values) {
    requireSample(values, 1);
    return compensatedSum(values) / static_cast<double>(values.size());
}

double sampleStdev(std::span<const double> values) {
    requireSample(values, 2);
    const double mean = compensatedSum(values) / static_cast<double>(values.size());
    double squares = 0.0;
    for (double x : values) squares += (x - mean) * (x - mean);
    return std::sqrt(squares / static_cast<double>(values.size() - 1));
}

double sampleMin(std::span<const double> values) {
    requireSample(values, 1);
    return *std::min_element(values.begin(), values.end());
}

double sampleMax(std::span<const double> values) {
    requireSample(values, 1);
    return *std::max_element(values.begin(), values.end());
}

double percentileIncSorted(std::span<const double> sorted, double k) {
    requireProbability("k", k);
    if (sorted.empty()) throw InputError("values", "0 values", "at least 1 value");
    const double h = static_cast<double>(sorted.size() - 1) * k;
    const auto j = static_cast<std::size_t>(std::floor(h));
    if (j + 1 >= sorted.size()) return sorted.back();
    return sorted[j] + (h - static_cast<double>(j)) * (sorted[j + 1] - sorted[j]);
}

double percentileInc(std::span<const double> values, double k) {
    requireProbability("k", k);
    requireSample(values, 1);
    return percentileIncSorted(sortedCopy(values), k);
}

std::vector<double> percentilesInc(std::span<const double> values, std::span<const double> ks) {
    for (std::size_t i = 0; i < ks.size(); ++i) requireProbability(indexedField("ks", i), ks[i]);
    requireSample(values, 1);
    const std::vector<double> sorted = sortedCopy(values);
    std::vector<double> result;
    result.reserve(ks.size());
    for (double k : ks) result.push_back(percentileIncSorted(sorted, k));
    return result;
}

Histogram histogram(std::span<const double> values, std::size_t bins) {
    if (bins == 0 || bins > kMaxBins)
        throw InputError("bins", std::to_string(bins), "between 1 and " + std::to_string(kMaxBins));
    requireSample(values, 1);
    auto [lowIt, highIt] = std::minmax_element(values.begin(), values.end());
    double low = *lowIt, high = *highIt;
    if (low == high) {
        low -= 0.5;
        high += 0.5;
    }
    const auto t = [bins](std::size_t b) { return static_cast<double>(b) / static_cast<double>(bins); };
    std::vector<double> edges(bins + 1);
    for (std::size_t b = 0; b <= bins; ++b)
        edges[b] = low * (1.0 - t(b)) + high * t(b);  // no overflow for any finite range
    edges.back() = high;  // exact, so that the maximum lands in the last bin
    return countInto(values, std::move(edges));
}

Histogram histogram(std::span<const double> values, std::span<const double> edges) {
    if (edges.size() < 2)
        throw InputError("edges", countText(edges.size(), "edge"), "at least 2 edges");
    for (std::size_t i = 0; i < edges.size(); ++i) {
        requireFinite(indexedField("edges", i), edges[i]);
        if (i > 0 && edges[i] <= edges[i - 1])
            throw InputError(indexedField("edges", i), formatValue(edges[i]),
                             "a number above edges[" + std::to_string(i - 1) + "] (" + formatValue(edges[i - 1]) + ")");
    }
    requireSample(values, 1);
    return countInto(values, std::vector<double>(edges.begin(), edges.end()));
}

} // namespace cityfin::finance
