// Draws per second of the scenario sampler: 10 correlated drivers of mixed kinds, Mersenne Twister
// and Sobol, on 1 and 2 threads; plus the PERT inverse CDF, exact (Boost) against the table.
// items_per_second is draws (scenarios x drivers) per second.

#include "finance/pert_table.hpp"
#include "finance/scenario_runner.hpp"
#include "finance/scenario_sampler.hpp"

#include <benchmark/benchmark.h>

using namespace cityfin::finance;

namespace {

constexpr std::size_t kScenarios = 100000;

std::vector<Distribution> tenDrivers() {
    return {Distribution::normal(100, 10),         Distribution::normal(0.02, 0.01),
            Distribution::lognormal(50, 15),        Distribution::lognormal(1.0, 0.3),
            Distribution::triangular(0.9, 1.0, 1.4), Distribution::triangular(0, 2, 12),
            Distribution::pert(0.8, 1.0, 1.5),      Distribution::pert(100, 130, 200),
            Distribution::uniform(0.95, 1.05),      Distribution::discrete({0, 1, 2}, {0.7, 0.2, 0.1})};
}

// Equicorrelation 0.3 with a block of stronger links: positive definite.
CorrelationMatrix tenByTen() {
    std::vector<std::vector<double>> rows(10, std::vector<double>(10, 0.3));
    for (std::size_t i = 0; i < 10; ++i) rows[i][i] = 1.0;
    rows[0][1] = rows[1][0] = 0.7;
    rows[2][7] = rows[7][2] = -0.2;
    return CorrelationMatrix(rows);
}

void drawScenarios(benchmark::State& state, SamplingMethod method, bool correlated) {
    const auto threads = static_cast<unsigned>(state.range(0));
    const ScenarioSampler sampler = correlated ? ScenarioSampler(tenDrivers(), tenByTen(), method, 7)
                                               : ScenarioSampler(tenDrivers(), method, 7);
    for (auto _ : state) benchmark::DoNotOptimize(sampleScenarios(sampler, kScenarios, threads));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kScenarios * 10));
}

void BM_CorrelatedMersenneTwister(benchmark::State& s) { drawScenarios(s, SamplingMethod::MersenneTwister, true); }
void BM_CorrelatedSobol(benchmark::State& s) { drawScenarios(s, SamplingMethod::Sobol, true); }
void BM_IndependentMersenneTwister(benchmark::State& s) { drawScenarios(s, SamplingMethod::MersenneTwister, false); }

void BM_PertQuantileExact(benchmark::State& state) {
    const auto d = Distribution::pert(100, 130, 200);
    double u = 0.0;
    for (auto _ : state) {
        u = u >= 0.999 ? 0.0005 : u + 0.001;
        benchmark::DoNotOptimize(d.quantile(u));
    }
}

void BM_PertQuantileTable(benchmark::State& state) {
    const auto d = Distribution::pert(100, 130, 200);
    const PertQuantileTable table(std::get<Distribution::Pert>(d.parameters()));
    double u = 0.0;
    for (auto _ : state) {
        u = u >= 0.999 ? 0.0005 : u + 0.001;
        benchmark::DoNotOptimize(table.quantile(u));
    }
}

void BM_SamplerConstruction(benchmark::State& state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(ScenarioSampler(tenDrivers(), tenByTen(), SamplingMethod::Sobol, 7));
}

} // namespace

BENCHMARK(BM_CorrelatedMersenneTwister)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_CorrelatedSobol)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_IndependentMersenneTwister)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_PertQuantileExact);
BENCHMARK(BM_PertQuantileTable);
BENCHMARK(BM_SamplerConstruction)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
