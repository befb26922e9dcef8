#include "finance/distributions.hpp"

#include "finance/errors.hpp"

#include <ql/math/distributions/normaldistribution.hpp>

#include <boost/math/special_functions/beta.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace cityfin::finance {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kProbabilitySumTolerance = 1e-9;

// double precision throughout: Boost's default promotes to long double, ~9x slower here.
using FastPolicy = boost::math::policies::policy<boost::math::policies::promote_double<false>>;

template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

void requireNonNegative(const std::string& field, double x) {
    if (!std::isfinite(x) || x < 0.0) throw InputError(field, formatValue(x), "a finite number >= 0");
}

void requireOrdered(double min, double max) {
    if (max < min)
        throw InputError("max", formatValue(max), "a number >= min (" + formatValue(min) + ")");
}

void requireModeWithin(double min, double mode, double max) {
    if (mode < min || mode > max)
        throw InputError("mode", formatValue(mode),
                         "a number in [min, max] = [" + formatValue(min) + ", " + formatValue(max) + "]");
}

void requireMinModeMax(double min, double mode, double max) {
    requireFinite("min", min);
    requireFinite("mode", mode);
    requireFinite("max", max);
    requireOrdered(min, max);
    requireModeWithin(min, mode, max);
}

double triangularQuantile(const Distribution::Triangular& t, double u) noexcept {
    const double width = t.max - t.min;
    if (width == 0.0) return t.min;
    const double modeCdf = (t.mode - t.min) / width;
    if (u < modeCdf) return t.min + std::sqrt(u * width * (t.mode - t.min));
    return t.max - std::sqrt((1.0 - u) * width * (t.max - t.mode));
}

double pertQuantile(const Distribution::Pert& p, double u) noexcept {
    if (p.max == p.min) return p.min;
    if (u <= 0.0) return p.min;
    if (u >= 1.0) return p.max;
    return p.min + (p.max - p.min) * boost::math::ibeta_inv(p.alpha, p.beta, u, FastPolicy());
}

double discreteQuantile(const Distribution::DiscreteTable& table, double u) noexcept {
    // Smallest index whose cumulative probability reaches u; u > 0 skips zero-probability heads.
    const auto it = std::lower_bound(table.cumulative.begin(), table.cumulative.end(), u);
    const auto index = std::min<std::size_t>(static_cast<std::size_t>(it - table.cumulative.begin()),
                                             table.values.size() - 1);
    return table.values[index];
}

std::shared_ptr<const Distribution::DiscreteTable> makeDiscreteTable(std::vector<double> values,
                                                                     std::vector<double> probabilities) {
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    auto table = std::make_shared<Distribution::DiscreteTable>();
    const double total = std::accumulate(probabilities.begin(), probabilities.end(), 0.0);
    double running = 0.0;
    for (std::size_t i : order) {
        running += probabilities[i];
        table->values.push_back(values[i]);
        table->probabilities.push_back(probabilities[i] / total);
        table->cumulative.push_back(running / total);
    }
    table->cumulative.back() = 1.0;
    return table;
}

std::string entries(std::size_t n) { return std::to_string(n) + (n == 1 ? " entry" : " entries"); }

std::string joinParameters(const std::string& name, std::initializer_list<std::pair<const char*, double>> items) {
    std::string text = name + "(";
    bool first = true;
    for (const auto& [label, value] : items) {
        if (!first) text += ", ";
        text += std::string(label) + " " + formatValue(value);
        first = false;
    }
    return text + ")";
}

} // namespace

LognormalParameters lognormalParameters(double mean, double stdev) {
    if (!std::isfinite(mean) || mean <= 0.0)
        throw InputError("mean", formatValue(mean), "a finite number > 0 (a lognormal variable is positive)");
    requireNonNegative("stdev", stdev);
    const double ratio = stdev / mean;
    const double variance = std::log1p(ratio * ratio);
    return {std::log(mean) - 0.5 * variance, std::sqrt(variance)};
}

double standardNormalCdf(double z) noexcept { return 0.5 * std::erfc(-z * M_SQRT1_2); }

double standardNormalQuantile(double u) noexcept {
    return QuantLib::InverseCumulativeNormal::standard_value(u);
}

Distribution Distribution::normal(double mean, double stdev) {
    requireFinite("mean", mean);
    requireNonNegative("stdev", stdev);
    return Distribution(Normal{mean, stdev});
}

Distribution Distribution::lognormal(double mean, double stdev) {
    const LognormalParameters p = lognormalParameters(mean, stdev);
    return Distribution(Lognormal{p.mu, p.sigma});
}

Distribution Distribution::lognormalFromLog(double mu, double sigma) {
    requireFinite("mu", mu);
    requireNonNegative("sigma", sigma);
    const Distribution d(Lognormal{mu, sigma});
    if (!std::isfinite(d.mean()) || !std::isfinite(d.stdev()))
        throw InputError("sigma", formatValue(sigma), "a value giving a finite mean and stdev");
    return d;
}

Distribution Distribution::triangular(double min, double mode, double max) {
    requireMinModeMax(min, mode, max);
    return Distribution(Triangular{min, mode, max});
}

Distribution Distribution::pert(double min, double mode, double max, double lambda) {
    requireMinModeMax(min, mode, max);
    requireNonNegative("lambda", lambda);
    const double width = max - min;
    const double alpha = width > 0.0 ? 1.0 + lambda * (mode - min) / width : 1.0;
    const double beta = width > 0.0 ? 1.0 + lambda * (max - mode) / width : 1.0;
    return Distribution(Pert{min, mode, max, lambda, alpha, beta});
}

Distribution Distribution::uniform(double min, double max) {
    requireFinite("min", min);
    requireFinite("max", max);
    requireOrdered(min, max);
    return Distribution(Uniform{min, max});
}

Distribution Distribution::discrete(std::vector<double> values, std::vector<double> probabilities) {
    if (values.empty()) throw InputError("values", "0 values", "at least 1 value");
    if (probabilities.size() != values.size())
        throw InputError("probabilities", entries(probabilities.size()), entries(values.size()) + " (one per value)");
    double sum = 0.0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        requireFinite(indexedField("values", i), values[i]);
        const double p = probabilities[i];
        if (!std::isfinite(p) || p < 0.0 || p > 1.0)
            throw InputError(indexedField("probabilities", i), formatValue(p), "a probability in [0, 1]");
        sum += p;
    }
    if (std::abs(sum - 1.0) > kProbabilitySumTolerance)
        throw InputError("probabilities", "a sum of " + formatValue(sum), "a sum of 1 (within 1e-9)");
    return Distribution(Discrete{makeDiscreteTable(std::move(values), std::move(probabilities))});
}

DistributionKind Distribution::kind() const noexcept {
    return static_cast<DistributionKind>(parameters_.index());
}

bool Distribution::isConstant() const noexcept { return lower() == upper() || stdev() == 0.0; }

double Distribution::quantile(double u) const {
    if (!(u > 0.0 && u < 1.0)) throw InputError("u", formatValue(u), "a probability in (0, 1)");
    return quantileUnchecked(u);
}

double Distribution::quantileUnchecked(double u) const noexcept {
    return std::visit(
        Overloaded{
            [u](const Normal& n) { return n.stdev == 0.0 ? n.mean : n.mean + n.stdev * standardNormalQuantile(u); },
            [u](const Lognormal& l) {
                return l.sigma == 0.0 ? std::exp(l.mu) : std::exp(l.mu + l.sigma * standardNormalQuantile(u));
            },
            [u](const Triangular& t) { return triangularQuantile(t, u); },
            [u](const Pert& p) { return pertQuantile(p, u); },
            [u](const Uniform& r) { return r.min + u * (r.max - r.min); },
            [u](const Discrete& d) { return discreteQuantile(*d.table, u); },
        },
        parameters_);
}

double Distribution::fromStandardNormal(double z) const noexcept {
    if (const auto* n = std::get_if<Normal>(&parameters_)) return n->mean + n->stdev * z;
    if (const auto* l = std::get_if<Lognormal>(&parameters_)) return std::exp(l->mu + l->sigma * z);
    // Bounded kinds accept [0, 1]; the floor keeps zero-probability discrete heads unreachable.
    const double u = std::max(standardNormalCdf(z), std::numeric_limits<double>::min());
    return quantileUnchecked(u);
}

double Distribution::percentile(double k) const {
    if (!(k >= 0.0 && k <= 1.0)) throw InputError("k", formatValue(k), "a probability in [0, 1]");
    if (k > 0.0 && k < 1.0) return quantileUnchecked(k);
    const double end = k == 0.0 ? lower() : upper();
    if (!std::isfinite(end))
        throw InputError("k", formatValue(k), "a probability in (0, 1) for an unbounded distribution");
    return end;
}

double Distribution::mean() const noexcept {
    return std::visit(
        Overloaded{
            [](const Normal& n) { return n.mean; },
            [](const Lognormal& l) { return std::exp(l.mu + 0.5 * l.sigma * l.sigma); },
            [](const Triangular& t) { return (t.min + t.mode + t.max) / 3.0; },
            [](const Pert& p) { return p.min + (p.max - p.min) * p.alpha / (p.alpha + p.beta); },
            [](const Uniform& r) { return 0.5 * (r.min + r.max); },
            [](const Discrete& d) {
                return std::inner_product(d.table->values.begin(), d.table->values.end(),
                                          d.table->probabilities.begin(), 0.0);
            },
        },
        parameters_);
}

double Distribution::stdev() const noexcept {
    const double variance = std::visit(
        Overloaded{
            [](const Normal& n) { return n.stdev * n.stdev; },
            [](const Lognormal& l) {
                const double s2 = l.sigma * l.sigma;
                return std::expm1(s2) * std::exp(2.0 * l.mu + s2);
            },
            [](const Triangular& t) {
                const double a = t.min, c = t.mode, b = t.max;
                return (a * a + b * b + c * c - a * b - a * c - b * c) / 18.0;
            },
            [](const Pert& p) {
                const double s = p.alpha + p.beta, w = p.max - p.min;
                return w * w * p.alpha * p.beta / (s * s * (s + 1.0));
            },
            [](const Uniform& r) { return (r.max - r.min) * (r.max - r.min) / 12.0; },
            [this](const Discrete& d) {
                const double m = mean();
                double v = 0.0;
                for (std::size_t i = 0; i < d.table->values.size(); ++i)
                    v += d.table->probabilities[i] * (d.table->values[i] - m) * (d.table->values[i] - m);
                return v;
            },
        },
        parameters_);
    return std::sqrt(std::max(variance, 0.0));
}

double Distribution::lower() const noexcept {
    return std::visit(
        Overloaded{
            [](const Normal& n) { return n.stdev == 0.0 ? n.mean : -kInfinity; },
            [](const Lognormal& l) { return l.sigma == 0.0 ? std::exp(l.mu) : 0.0; },
            [](const Triangular& t) { return t.min; },
            [](const Pert& p) { return p.min; },
            [](const Uniform& r) { return r.min; },
            [](const Discrete& d) {
                const auto& t = *d.table;
                std::size_t i = 0;
                while (t.probabilities[i] == 0.0) ++i;  // some probability is positive (sum is 1)
                return t.values[i];
            },
        },
        parameters_);
}

double Distribution::upper() const noexcept {
    return std::visit(
        Overloaded{
            [](const Normal& n) { return n.stdev == 0.0 ? n.mean : kInfinity; },
            [](const Lognormal& l) { return l.sigma == 0.0 ? std::exp(l.mu) : kInfinity; },
            [](const Triangular& t) { return t.max; },
            [](const Pert& p) { return p.max; },
            [](const Uniform& r) { return r.max; },
            [](const Discrete& d) {
                const auto& t = *d.table;
                std::size_t i = t.values.size() - 1;
                while (t.probabilities[i] == 0.0) --i;
                return t.values[i];
            },
        },
        parameters_);
}

std::string Distribution::describe() const {
    return std::visit(
        Overloaded{
            [](const Normal& n) { return joinParameters("Normal", {{"mean", n.mean}, {"stdev", n.stdev}}); },
            [this](const Lognormal& l) {
                return joinParameters("Lognormal", {{"mean", mean()}, {"stdev", stdev()},
                                                    {"mu", l.mu}, {"sigma", l.sigma}});
            },
            [](const Triangular& t) {
                return joinParameters("Triangular", {{"min", t.min}, {"mode", t.mode}, {"max", t.max}});
            },
            [](const Pert& p) {
                return joinParameters("PERT", {{"min", p.min}, {"mode", p.mode}, {"max", p.max},
                                               {"lambda", p.lambda}});
            },
            [](const Uniform& r) { return joinParameters("Uniform", {{"min", r.min}, {"max", r.max}}); },
            [](const Discrete& d) {
                std::string text = "Discrete(";
                for (std::size_t i = 0; i < d.table->values.size(); ++i)
                    text += (i ? ", " : "") + formatValue(d.table->values[i]) + " with p " +
                            formatValue(d.table->probabilities[i]);
                return text + ")";
            },
        },
        parameters_);
}

} // namespace cityfin::finance
