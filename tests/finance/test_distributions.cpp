// Distributions: quantiles against closed forms worked by hand and against Boost.Math, moments,
// degenerate cases, moments of 200k sampled draws, and bad input with exact messages.

#include "expect_input_error.hpp"
#include "finance/distributions.hpp"
#include "finance/errors.hpp"
#include "finance/pert_table.hpp"
#include "finance/scenario_sampler.hpp"

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/triangular.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using cityfin::InputError;
using cityfin::finance::Distribution;
using cityfin::finance::DistributionKind;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

const double kProbes[] = {1e-6, 0.001, 0.025, 0.2, 0.5, 0.7, 0.975, 0.999, 1 - 1e-6};

} // namespace

TEST(Normal, QuantileAt975IsMeanPlus1959964Stdev) {
    const auto d = Distribution::normal(100.0, 10.0);
    // 1.959964 is the two-sided 95% critical value of every statistics table.
    EXPECT_NEAR(d.quantile(0.975), 100.0 + 1.959964 * 10.0, 1e-5);
    EXPECT_NEAR(d.quantile(0.025), 100.0 - 1.959964 * 10.0, 1e-5);
    EXPECT_DOUBLE_EQ(d.quantile(0.5), 100.0);
}

TEST(Normal, QuantileMatchesBoostWithinAcklamAccuracy) {
    const auto d = Distribution::normal(-3.0, 2.5);
    const boost::math::normal_distribution<> reference(-3.0, 2.5);
    for (double u : kProbes)
        EXPECT_NEAR(d.quantile(u), boost::math::quantile(reference, u), 1e-8 * 2.5 * (1 + std::abs(std::log(u))))
            << "u = " << u;
    EXPECT_EQ(d.mean(), -3.0);
    EXPECT_EQ(d.stdev(), 2.5);
}

TEST(Lognormal, MeanAndStdevConvertToMuSigmaByHand) {
    // m = 100, s = 30: sigma^2 = ln(1 + 0.09) = 0.0861776962, mu = 4.6051701860 - 0.0430888481 = 4.5620813379.
    const auto p = cityfin::finance::lognormalParameters(100.0, 30.0);
    EXPECT_NEAR(p.sigma * p.sigma, 0.0861776962, 1e-10);
    EXPECT_NEAR(p.mu, 4.5620813379, 1e-10);
}

TEST(Lognormal, MeanAndStdevRoundTrip) {
    for (auto [m, s] : {std::pair{100.0, 30.0}, {1.0, 0.01}, {5e6, 2e7}, {0.03, 0.002}}) {
        const auto d = Distribution::lognormal(m, s);
        EXPECT_NEAR(d.mean(), m, 1e-12 * m);
        EXPECT_NEAR(d.stdev(), s, 1e-9 * s);
    }
}

TEST(Lognormal, FromLogParametersHasClosedFormMoments) {
    const auto d = Distribution::lognormalFromLog(0.0, 1.0);
    EXPECT_NEAR(d.mean(), std::exp(0.5), 1e-15);                        // 1.6487212707
    EXPECT_NEAR(d.stdev(), std::sqrt((std::exp(1.0) - 1) * std::exp(1.0)), 1e-14);  // 2.1611974158
    EXPECT_NEAR(d.quantile(0.5), 1.0, 1e-12);                           // median e^mu
}

TEST(Lognormal, QuantileMatchesBoost) {
    const auto d = Distribution::lognormal(100.0, 30.0);
    const auto p = cityfin::finance::lognormalParameters(100.0, 30.0);
    const boost::math::lognormal_distribution<> reference(p.mu, p.sigma);
    for (double u : kProbes) {
        const double expected = boost::math::quantile(reference, u);
        EXPECT_NEAR(d.quantile(u), expected, 1e-8 * expected * (1 + std::abs(std::log(u)))) << "u = " << u;
    }
}

TEST(Triangular, QuantileByHand) {
    // min 1, mode 2, max 4: F(mode) = 1/3.
    const auto d = Distribution::triangular(1.0, 2.0, 4.0);
    // u = 1/6 < 1/3: 1 + sqrt(1/6 * 3 * 1) = 1 + sqrt(0.5).
    EXPECT_NEAR(d.quantile(1.0 / 6.0), 1.0 + std::sqrt(0.5), 1e-14);
    // u = 1/2 > 1/3: 4 - sqrt(1/2 * 3 * 2) = 4 - sqrt(3).
    EXPECT_NEAR(d.quantile(0.5), 4.0 - std::sqrt(3.0), 1e-14);
    EXPECT_NEAR(d.quantile(1.0 / 3.0), 2.0, 1e-14);  // the mode sits at F = 1/3
    EXPECT_NEAR(d.mean(), 7.0 / 3.0, 1e-15);
    // (1 + 16 + 4 - 4 - 2 - 8) / 18 = 7/18.
    EXPECT_NEAR(d.stdev(), std::sqrt(7.0 / 18.0), 1e-15);
}

TEST(Triangular, QuantileMatchesBoostIncludingModeAtAnEnd) {
    for (auto [a, c, b] : {std::tuple{1.0, 2.0, 4.0}, {0.0, 0.0, 10.0}, {-5.0, 3.0, 3.0}}) {
        const auto d = Distribution::triangular(a, c, b);
        const boost::math::triangular_distribution<> reference(a, c, b);
        for (double u : kProbes)
            EXPECT_NEAR(d.quantile(u), boost::math::quantile(reference, u), 1e-12 * (b - a)) << "u = " << u;
    }
}

TEST(Uniform, QuantileAndMomentsByHand) {
    const auto d = Distribution::uniform(2.0, 6.0);
    EXPECT_DOUBLE_EQ(d.quantile(0.25), 3.0);
    EXPECT_DOUBLE_EQ(d.mean(), 4.0);
    EXPECT_DOUBLE_EQ(d.stdev(), 4.0 / std::sqrt(12.0));
}

TEST(Pert, MeanIsMinPlusFourModePlusMaxOverSix) {
    const auto d = Distribution::pert(1.0, 2.0, 4.0);
    EXPECT_NEAR(d.mean(), (1.0 + 4.0 * 2.0 + 4.0) / 6.0, 1e-15);
    // alpha = 1 + 4/3 = 7/3, beta = 1 + 8/3 = 11/3: variance 9 * (77/9) / (36 * 7).
    EXPECT_NEAR(d.stdev(), std::sqrt(9.0 * (77.0 / 9.0) / (36.0 * 7.0)), 1e-15);
}

TEST(Pert, QuantileIsScaledBetaQuantile) {
    const auto d = Distribution::pert(1.0, 2.0, 4.0);
    const boost::math::beta_distribution<> reference(7.0 / 3.0, 11.0 / 3.0);
    for (double u : kProbes)
        EXPECT_NEAR(d.quantile(u), 1.0 + 3.0 * boost::math::quantile(reference, u), 1e-12) << "u = " << u;
}

TEST(Pert, SymmetricMedianIsModeAndLambdaZeroIsUniform) {
    EXPECT_NEAR(Distribution::pert(0.0, 5.0, 10.0).quantile(0.5), 5.0, 1e-12);
    EXPECT_NEAR(Distribution::pert(0.0, 8.0, 10.0, 0.0).quantile(0.3), 3.0, 1e-12);
}

TEST(PertTable, MatchesExactQuantileWithin1e9OfRange) {
    for (auto [a, c, b, lambda] : {std::tuple{1.0, 2.0, 4.0, 4.0}, {0.0, 0.0, 1.0, 4.0}, {0.0, 1.0, 1.0, 4.0},
                                    {-3.0, -2.9, 7.0, 4.0}, {0.0, 0.5, 1.0, 10.0}, {0.0, 0.2, 1.0, 0.0}}) {
        const auto d = Distribution::pert(a, c, b, lambda);
        const cityfin::finance::PertQuantileTable table(std::get<Distribution::Pert>(d.parameters()));
        double worst = 0.0;
        for (int i = 1; i < 100000; ++i) {
            const double u = i / 100000.0;
            worst = std::max(worst, std::abs(table.quantile(u) - d.quantile(u)));
        }
        EXPECT_LT(worst, 1e-9 * (b - a)) << "PERT(" << a << ", " << c << ", " << b << ", " << lambda << ")";
        EXPECT_EQ(table.quantile(0.0), a);
        EXPECT_EQ(table.quantile(1.0), b);
    }
}

TEST(Discrete, PicksTheFirstValueWhoseCumulativeProbabilityReachesU) {
    // cumulative 0.2, 0.7, 1.0
    const auto d = Distribution::discrete({10.0, 20.0, 30.0}, {0.2, 0.5, 0.3});
    EXPECT_EQ(d.quantile(0.1), 10.0);
    EXPECT_EQ(d.quantile(0.2), 10.0);
    EXPECT_EQ(d.quantile(0.2000001), 20.0);
    EXPECT_EQ(d.quantile(0.7), 20.0);
    EXPECT_EQ(d.quantile(0.7000001), 30.0);
    EXPECT_EQ(d.quantile(0.999999), 30.0);
    // mean 2 + 10 + 9 = 21; variance 0.2 * 121 + 0.5 * 1 + 0.3 * 81 = 49.
    EXPECT_NEAR(d.mean(), 21.0, 1e-12);
    EXPECT_NEAR(d.stdev(), 7.0, 1e-12);
}

TEST(Discrete, SortsValuesSoThatTheQuantileIsMonotone) {
    const auto d = Distribution::discrete({30.0, 10.0, 20.0}, {0.3, 0.2, 0.5});
    EXPECT_EQ(d.quantile(0.15), 10.0);
    EXPECT_EQ(d.quantile(0.5), 20.0);
    EXPECT_EQ(d.quantile(0.9), 30.0);
}

TEST(Discrete, ZeroProbabilityValuesAreNeverDrawn) {
    const auto d = Distribution::discrete({5.0, 10.0, 15.0}, {0.0, 1.0, 0.0});
    EXPECT_EQ(d.quantile(1e-300), 10.0);
    EXPECT_EQ(d.quantile(1 - 1e-16), 10.0);
    EXPECT_EQ(d.fromStandardNormal(-50.0), 10.0);
    EXPECT_EQ(d.fromStandardNormal(50.0), 10.0);
    EXPECT_EQ(d.lower(), 10.0);
    EXPECT_EQ(d.upper(), 10.0);
    EXPECT_TRUE(d.isConstant());
}

TEST(Degenerate, ZeroSpreadIsAConstant) {
    for (const auto& d : {Distribution::normal(5.0, 0.0), Distribution::lognormal(5.0, 0.0),
                          Distribution::triangular(5.0, 5.0, 5.0), Distribution::pert(5.0, 5.0, 5.0),
                          Distribution::uniform(5.0, 5.0), Distribution::discrete({5.0}, {1.0})}) {
        EXPECT_TRUE(d.isConstant()) << d.describe();
        for (double u : kProbes) EXPECT_DOUBLE_EQ(d.quantile(u), 5.0) << d.describe();
        EXPECT_DOUBLE_EQ(d.fromStandardNormal(3.0), 5.0) << d.describe();
        EXPECT_DOUBLE_EQ(d.mean(), 5.0) << d.describe();
        EXPECT_EQ(d.stdev(), 0.0) << d.describe();
    }
}

TEST(Copula, FromStandardNormalIsQuantileOfPhi) {
    const std::vector<Distribution> all{
        Distribution::normal(1.0, 2.0), Distribution::lognormal(3.0, 1.0), Distribution::triangular(0, 1, 3),
        Distribution::pert(0, 1, 3), Distribution::uniform(-1, 1), Distribution::discrete({1, 2}, {0.4, 0.6})};
    const boost::math::normal_distribution<> standard;
    for (const auto& d : all)
        for (double z : {-2.5, -0.3, 0.0, 0.7, 2.2}) {
            const double u = boost::math::cdf(standard, z);
            EXPECT_NEAR(d.fromStandardNormal(z), d.quantile(u), 1e-8 * (1 + std::abs(d.quantile(u))))
                << d.describe() << " z = " << z;
        }
}

TEST(Percentile, EndsAreTheSupportAndInsideIsTheQuantile) {
    const auto t = Distribution::triangular(1.0, 2.0, 4.0);
    EXPECT_EQ(t.percentile(0.0), 1.0);
    EXPECT_EQ(t.percentile(1.0), 4.0);
    EXPECT_EQ(t.percentile(0.95), t.quantile(0.95));
    EXPECT_EQ(Distribution::lognormal(1.0, 0.5).percentile(0.0), 0.0);
    expectInputError([] { Distribution::normal(0.0, 1.0).percentile(0.0); },
                     "k: got 0, expected a probability in (0, 1) for an unbounded distribution");
    expectInputError([] { Distribution::normal(0.0, 1.0).percentile(1.5); },
                     "k: got 1.5, expected a probability in [0, 1]");
}

TEST(Describe, NamesKindAndParameters) {
    EXPECT_EQ(Distribution::pert(1, 2, 4).describe(), "PERT(min 1, mode 2, max 4, lambda 4)");
    EXPECT_EQ(Distribution::discrete({2, 1}, {0.75, 0.25}).describe(), "Discrete(1 with p 0.25, 2 with p 0.75)");
    EXPECT_EQ(Distribution::uniform(0, 1).kind(), DistributionKind::Uniform);
}

// Sampled moments: 200k draws (Mersenne Twister, fixed seed) within 4 standard errors of the
// closed-form mean and stdev. SE(mean) = sigma / sqrt(n); SE(s) ~ sqrt((m4 - s^4) / n) / (2 s),
// the delta method on the sample variance with the sample's fourth central moment m4.
TEST(DrawMoments, TwoHundredThousandDrawsMatchMeanAndStdev) {
    const std::vector<Distribution> drivers{
        Distribution::normal(50.0, 5.0), Distribution::lognormal(100.0, 30.0), Distribution::triangular(1, 2, 4),
        Distribution::pert(1, 2, 4), Distribution::uniform(2, 6), Distribution::discrete({10, 20, 30}, {0.2, 0.5, 0.3})};
    const cityfin::finance::ScenarioSampler sampler(drivers, cityfin::finance::SamplingMethod::MersenneTwister, 20240601);
    const std::size_t n = 200000, d = drivers.size();
    const std::vector<double> draws = sampler.sample(0, n);
    for (std::size_t j = 0; j < d; ++j) {
        double sum = 0.0;
        for (std::size_t i = 0; i < n; ++i) sum += draws[i * d + j];
        const double mean = sum / n;
        double m2 = 0.0, m4 = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            const double e = draws[i * d + j] - mean;
            m2 += e * e;
            m4 += e * e * e * e;
        }
        const double s = std::sqrt(m2 / (n - 1));
        m4 /= n;
        const double seMean = drivers[j].stdev() / std::sqrt(double(n));
        const double seStdev = std::sqrt((m4 - s * s * s * s) / n) / (2 * s);
        EXPECT_NEAR(mean, drivers[j].mean(), 4 * seMean) << drivers[j].describe();
        EXPECT_NEAR(s, drivers[j].stdev(), 4 * seStdev) << drivers[j].describe();
    }
}

TEST(BadInput, FactoriesNameTheField) {
    expectInputError([] { Distribution::normal(0.0, -1.0); }, "stdev: got -1, expected a finite number >= 0");
    expectInputError([] { Distribution::normal(kNaN, 1.0); }, "mean: got NaN, expected a finite number");
    expectInputError([] { Distribution::lognormal(-5.0, 1.0); },
                     "mean: got -5, expected a finite number > 0 (a lognormal variable is positive)");
    expectInputError([] { Distribution::lognormal(5.0, kNaN); }, "stdev: got NaN, expected a finite number >= 0");
    expectInputError([] { Distribution::lognormalFromLog(0.0, -0.1); }, "sigma: got -0.1, expected a finite number >= 0");
    expectInputError([] { Distribution::lognormalFromLog(0.0, 40.0); },
                     "sigma: got 40, expected a value giving a finite mean and stdev");
    expectInputError([] { Distribution::triangular(1.0, 5.0, 4.0); },
                     "mode: got 5, expected a number in [min, max] = [1, 4]");
    expectInputError([] { Distribution::triangular(5.0, 5.0, 4.0); }, "max: got 4, expected a number >= min (5)");
    expectInputError([] { Distribution::triangular(1.0, 2.0, INFINITY); }, "max: got inf, expected a finite number");
    expectInputError([] { Distribution::pert(0.0, 1.0, 2.0, -1.0); }, "lambda: got -1, expected a finite number >= 0");
    expectInputError([] { Distribution::pert(0.0, -1.0, 2.0); }, "mode: got -1, expected a number in [min, max] = [0, 2]");
    expectInputError([] { Distribution::uniform(2.0, 1.0); }, "max: got 1, expected a number >= min (2)");
    expectInputError([] { Distribution::uniform(kNaN, 1.0); }, "min: got NaN, expected a finite number");
}

TEST(BadInput, DiscreteNamesTheEntry) {
    expectInputError([] { Distribution::discrete({}, {}); }, "values: got 0 values, expected at least 1 value");
    expectInputError([] { Distribution::discrete({1, 2}, {1}); },
                     "probabilities: got 1 entry, expected 2 entries (one per value)");
    expectInputError([] { Distribution::discrete({1, kNaN}, {0.5, 0.5}); }, "values[1]: got NaN, expected a finite number");
    expectInputError([] { Distribution::discrete({1, 2, 3}, {0.5, 1.5, -1}); },
                     "probabilities[1]: got 1.5, expected a probability in [0, 1]");
    expectInputError([] { Distribution::discrete({1, 2, 3}, {0.25, 0.5, 0.125}); },
                     "probabilities: got a sum of 0.875, expected a sum of 1 (within 1e-9)");
    EXPECT_NO_THROW(Distribution::discrete({1, 2, 3}, {0.1, 0.2, 0.7}));  // sums to 1 up to rounding
}

TEST(BadInput, QuantileNeedsAnOpenProbability) {
    const auto d = Distribution::uniform(0.0, 1.0);
    expectInputError([&] { d.quantile(0.0); }, "u: got 0, expected a probability in (0, 1)");
    expectInputError([&] { d.quantile(1.0); }, "u: got 1, expected a probability in (0, 1)");
    expectInputError([&] { d.quantile(kNaN); }, "u: got NaN, expected a probability in (0, 1)");
}
