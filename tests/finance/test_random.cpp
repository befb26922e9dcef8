// Generators, seeding, correlation and the parallel runner: published reference values
// (SplitMix64, MT19937 init_by_array, the Sobol/van der Corput sequence), QuantLib's Cholesky,
// closed forms of the Gaussian copula, determinism across thread counts, and bad input.

#include "expect_input_error.hpp"
#include "finance/correlation.hpp"
#include "finance/errors.hpp"
#include "finance/random.hpp"
#include "finance/scenario_runner.hpp"
#include "finance/scenario_sampler.hpp"

#include <ql/math/matrixutilities/choleskydecomposition.hpp>
#include <ql/math/randomnumbers/mt19937uniformrng.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

using cityfin::InputError;
using namespace cityfin::finance;

namespace {

double pearson(const std::vector<double>& draws, std::size_t d, std::size_t a, std::size_t b) {
    const std::size_t n = draws.size() / d;
    double ma = 0, mb = 0;
    for (std::size_t i = 0; i < n; ++i) ma += draws[i * d + a], mb += draws[i * d + b];
    ma /= n, mb /= n;
    double sab = 0, saa = 0, sbb = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double x = draws[i * d + a] - ma, y = draws[i * d + b] - mb;
        sab += x * y, saa += x * x, sbb += y * y;
    }
    return sab / std::sqrt(saa * sbb);
}

std::vector<double> ranks(const std::vector<double>& draws, std::size_t d, std::size_t column) {
    const std::size_t n = draws.size() / d;
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](auto x, auto y) { return draws[x * d + column] < draws[y * d + column]; });
    std::vector<double> r(n);
    for (std::size_t k = 0; k < n; ++k) r[order[k]] = double(k);
    return r;
}

ScenarioSampler correlatedSampler(SamplingMethod method) {
    return ScenarioSampler({Distribution::normal(0, 1), Distribution::triangular(1, 2, 4), Distribution::pert(0, 3, 10),
                            Distribution::lognormal(5, 2), Distribution::discrete({1, 2, 3}, {0.3, 0.3, 0.4})},
                           CorrelationMatrix({{1, 0.5, 0.2, 0, 0.1},
                                              {0.5, 1, 0.3, 0.2, 0},
                                              {0.2, 0.3, 1, -0.4, 0},
                                              {0, 0.2, -0.4, 1, 0},
                                              {0.1, 0, 0, 0, 1}}),
                           method, 42);
}

} // namespace

TEST(SplitMix64, MatchesPublishedOutputsForStateZero) {
    // Vigna's splitmix64.c with x = 0 (also the seeds of xoshiro's reference tests).
    std::uint64_t state = 0;
    EXPECT_EQ(splitmix64(state), 0xE220A8397B1DCDAFull);
    EXPECT_EQ(splitmix64(state), 0x6E789E6AA1B965F4ull);
    EXPECT_EQ(splitmix64(state), 0x06C45D188009454Full);
}

TEST(SplitMix64, BlockSeedIsOutputBlockPlusOneOfTheStream) {
    std::uint64_t state = 12345;
    for (std::uint64_t b = 0; b < 5; ++b) EXPECT_EQ(blockSeed(12345, b), splitmix64(state));
}

TEST(MersenneTwister, VectorSeedIsInitByArray) {
    // mt19937ar.out (Matsumoto & Nishimura): init_by_array({0x123, 0x234, 0x345, 0x456}) -> 1067595299 first.
    const QuantLib::MersenneTwisterUniformRng rng(std::vector<unsigned long>{0x123, 0x234, 0x345, 0x456});
    EXPECT_EQ(rng.nextInt32(), 1067595299ul);
    EXPECT_EQ(rng.nextInt32(), 955945823ul);
}

TEST(Uniforms, SobolFirstDimensionIsVanDerCorputInGrayCodeOrder) {
    std::vector<double> u(7);
    fillUniforms(SamplingMethod::Sobol, 0, 1, 0, 7, u);
    EXPECT_EQ(u, (std::vector<double>{0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125}));
}

TEST(Uniforms, AnyRangeReproducesTheSameScenarios) {
    for (auto method : {SamplingMethod::MersenneTwister, SamplingMethod::Sobol}) {
        const std::size_t d = 3;
        std::vector<double> all(3000 * d), part(2000 * d);
        fillUniforms(method, 7, d, 0, 3000, all);
        fillUniforms(method, 7, d, 3, 2000, part);  // starts mid-block, crosses two block edges
        EXPECT_TRUE(std::equal(part.begin(), part.end(), all.begin() + 3 * d));
        EXPECT_TRUE(std::all_of(all.begin(), all.end(), [](double x) { return x > 0 && x < 1; }));
    }
}

TEST(Uniforms, SeedsAndBlocksGiveDifferentStreams) {
    std::vector<double> a(2048), b(2048);
    fillUniforms(SamplingMethod::MersenneTwister, 1, 1, 0, 2048, a);
    fillUniforms(SamplingMethod::MersenneTwister, 2, 1, 0, 2048, b);
    EXPECT_NE(a, b);
    EXPECT_FALSE(std::equal(a.begin(), a.begin() + 1024, a.begin() + 1024));  // block 0 vs block 1
}

TEST(Uniforms, SobolMeanErrorIsSmallerThanMersenneTwister) {
    const std::size_t n = 10000, d = 5;
    std::vector<double> mt(n * d), sobol(n * d);
    fillUniforms(SamplingMethod::MersenneTwister, 2024, d, 0, n, mt);
    fillUniforms(SamplingMethod::Sobol, 2024, d, 0, n, sobol);
    for (std::size_t j = 0; j < d; ++j) {
        double sumMt = 0, sumSobol = 0;
        for (std::size_t i = 0; i < n; ++i) sumMt += mt[i * d + j], sumSobol += sobol[i * d + j];
        // QMC error ~ (log n)^d / n against MC's 0.29 / sqrt(n) ~ 0.003.
        EXPECT_LT(std::abs(sumSobol / n - 0.5), 1e-3) << "dimension " << j;
        EXPECT_LT(std::abs(sumSobol / n - 0.5), std::abs(sumMt / n - 0.5)) << "dimension " << j;
    }
}

TEST(Correlation, CholeskyMatchesHandAndQuantLib) {
    const CorrelationMatrix two({{1, 0.6}, {0.6, 1}});
    EXPECT_EQ(two.cholesky(), (std::vector<double>{1, 0, 0.6, 0.8}));
    const std::vector<std::vector<double>> rows{{1, 0.5, 0.2}, {0.5, 1, -0.3}, {0.2, -0.3, 1}};
    QuantLib::Matrix m(3, 3);
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t j = 0; j < 3; ++j) m[i][j] = rows[i][j];
    const QuantLib::Matrix l = QuantLib::CholeskyDecomposition(m);
    const CorrelationMatrix three(rows);
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t j = 0; j < 3; ++j) EXPECT_NEAR(three.cholesky()[i * 3 + j], l[i][j], 1e-14);
    EXPECT_FALSE(three.isIdentity());
    EXPECT_TRUE(CorrelationMatrix::identity(4).isIdentity());
}

TEST(Correlation, SemiDefiniteMatrixIsAccepted) {
    // Perfect correlation: the second driver repeats the first one's normal.
    const ScenarioSampler sampler({Distribution::normal(0, 1), Distribution::normal(10, 2)},
                                  CorrelationMatrix({{1, 1}, {1, 1}}), SamplingMethod::MersenneTwister, 3);
    const auto draws = sampler.sample(0, 100);
    for (std::size_t i = 0; i < 100; ++i) EXPECT_NEAR(draws[2 * i + 1], 10 + 2 * draws[2 * i], 1e-12);
}

TEST(Correlation, PointSevenIsReproducedByCorrelatedDraws) {
    for (auto method : {SamplingMethod::MersenneTwister, SamplingMethod::Sobol}) {
        const ScenarioSampler normals({Distribution::normal(0, 1), Distribution::normal(5, 3)},
                                      CorrelationMatrix({{1, 0.7}, {0.7, 1}}), method, 99);
        EXPECT_NEAR(pearson(normals.sample(0, 100000), 2, 0, 1), 0.7, 0.02);
        // Non-normal marginals keep the copula's rank correlation: (6/pi) asin(0.7/2) = 0.6829.
        const ScenarioSampler others({Distribution::triangular(1, 2, 4), Distribution::pert(0, 1, 10)},
                                     CorrelationMatrix({{1, 0.7}, {0.7, 1}}), method, 99);
        const auto draws = others.sample(0, 100000);
        std::vector<double> both(200000);
        const auto r0 = ranks(draws, 2, 0), r1 = ranks(draws, 2, 1);
        for (std::size_t i = 0; i < 100000; ++i) both[2 * i] = r0[i], both[2 * i + 1] = r1[i];
        EXPECT_NEAR(pearson(both, 2, 0, 1), 6 / M_PI * std::asin(0.35), 0.02);
    }
}

TEST(Runner, SameArraysForOneTwoAndSevenThreads) {
    for (auto method : {SamplingMethod::MersenneTwister, SamplingMethod::Sobol}) {
        const ScenarioSampler sampler = correlatedSampler(method);
        const std::size_t n = 5000;  // 5 blocks, the last one partial
        const auto one = sampleScenarios(sampler, n, 1);
        EXPECT_EQ(one, sampleScenarios(sampler, n, 2));
        EXPECT_EQ(one, sampleScenarios(sampler, n, 7));
        EXPECT_EQ(one, sampler.sample(0, n));
        const auto evaluate = [](std::size_t, std::span<const double> x, std::span<double> out) {
            out[0] = x[0] + x[1] * x[2];
            out[1] = std::max(x[3], x[4]);
        };
        const auto results1 = runScenarios(sampler, n, 2, 1, evaluate);
        EXPECT_EQ(results1, runScenarios(sampler, n, 2, 2, evaluate));
        EXPECT_EQ(results1, runScenarios(sampler, n, 2, 7, evaluate));
        EXPECT_EQ(results1[2 * 4321 + 1], std::max(one[5 * 4321 + 3], one[5 * 4321 + 4]));
    }
}

TEST(Runner, RethrowsTheFirstFailingScenarioWhateverTheThreads) {
    const ScenarioSampler sampler({Distribution::uniform(0, 1)}, SamplingMethod::MersenneTwister, 1);
    for (unsigned threads : {1u, 2u, 7u}) {
        try {
            runScenarios(sampler, 10000, 1, threads, [](std::size_t i, std::span<const double>, std::span<double>) {
                if (i == 2500 || i == 7000) throw std::runtime_error("scenario " + std::to_string(i));
            });
            FAIL() << "no error";
        } catch (const std::runtime_error& e) {
            EXPECT_STREQ(e.what(), "scenario 2500") << threads << " threads";
        }
    }
}

TEST(Runner, CountsCompletedScenariosAndResolvesThreads) {
    std::atomic<std::size_t> completed{0};
    forEachScenarioBlock(3000, 2, [](std::size_t, std::size_t) {}, &completed);
    EXPECT_EQ(completed.load(), 3000u);
    EXPECT_GE(resolveThreadCount(0), 1u);
    EXPECT_EQ(resolveThreadCount(3), 3u);
    EXPECT_TRUE(sampleScenarios(correlatedSampler(SamplingMethod::Sobol), 0, 2).empty());
}

TEST(BadInput, CorrelationNamesTheEntry) {
    expectInputError([] { CorrelationMatrix(std::vector<std::vector<double>>{}); }, "correlation: got an empty matrix, expected at least 1 row");
    expectInputError([] { CorrelationMatrix({{1, 0.5}, {0.5}}); },
                     "correlation[1]: got 1 entry, expected 2 entries (a square matrix)");
    expectInputError([] { CorrelationMatrix({{1, 1.2}, {1.2, 1}}); },
                     "correlation[0][1]: got 1.2, expected a correlation in [-1, 1]");
    expectInputError([] { CorrelationMatrix({{1, 0}, {0, 0.9}}); }, "correlation[1][1]: got 0.9, expected 1 (a unit diagonal)");
    expectInputError([] { CorrelationMatrix({{1, 0.5}, {0.4, 1}}); },
                     "correlation[0][1]: got 0.5, expected 0.4 (= correlation[1][0], a symmetric matrix)");
    // Eigenvalues of this matrix: 1 and 1 +- sqrt(2).
    expectInputError([] { CorrelationMatrix({{1, 1, 0}, {1, 1, 1}, {0, 1, 1}}); },
                     "correlation: got a matrix that is not positive semi-definite (smallest eigenvalue -0.414), "
                     "expected a positive semi-definite matrix");
}

TEST(BadInput, SamplerAndGeneratorsNameTheArgument) {
    expectInputError([] { ScenarioSampler({}, SamplingMethod::Sobol, 1); },
                     "drivers: got 0 drivers, expected between 1 and 1000 drivers");
    expectInputError(
        [] {
            ScenarioSampler({Distribution::uniform(0, 1), Distribution::uniform(0, 1)}, CorrelationMatrix::identity(3),
                            SamplingMethod::Sobol, 1);
        },
        "correlation: got a 3x3 matrix, expected a 2x2 matrix (one row per driver)");
    std::vector<double> out(5);
    expectInputError([&] { fillUniforms(SamplingMethod::MersenneTwister, 1, 3, 0, 2, out); },
                     "out: got 5 entries, expected scenarioCount x dimension = 2 x 3");
    expectInputError([&] { fillUniforms(SamplingMethod::MersenneTwister, 1, 0, 0, 2, out); },
                     "dimension: got 0, expected between 1 and 1000");
    std::vector<double> two(2);
    expectInputError([&] { fillUniforms(SamplingMethod::Sobol, 1, 1, 4294967294u, 2, two); },
                     "scenarioCount: got 2, expected firstScenario + scenarioCount <= 4294967295 (the Sobol "
                     "sequence's length)");
}

TEST(BadInput, RunnerNamesTheArgument) {
    const ScenarioSampler sampler({Distribution::uniform(0, 1)}, SamplingMethod::Sobol, 1);
    expectInputError([&] { sampleScenarios(sampler, 10, 300); },
                     "threads: got 300, expected between 0 (all hardware threads) and 256");
    expectInputError([&] { runScenarios(sampler, 10, 0, 1, [](auto, auto, auto) {}); },
                     "outputsPerScenario: got 0, expected at least 1 output");
    expectInputError([] { forEachScenarioBlock(10, 1, nullptr); }, "work: got an empty function, expected a callable");
}
