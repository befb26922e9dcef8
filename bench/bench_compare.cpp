// The whole comparison of a 30-year case with every structure (derived terms solved: unitary charge,
// service fee, ESCO share, bond face, BT instalment): what the GUI recomputes on every keystroke.
// Run: ./bench_compare --benchmark_repetitions=10 --benchmark_report_aggregates_only=true

#include "models/case_file.hpp"
#include "models/compare.hpp"
#include "models/evaluation.hpp"

#include <benchmark/benchmark.h>

namespace {

const cityfin::models::Case& benchCase() {
    static const cityfin::models::Case c = cityfin::models::loadCaseFile(CITYFIN_BENCH_DATA_DIR "/compare-30y.json");
    return c;
}

void BM_Engine_Compare(benchmark::State& state) {
    const auto& c = benchCase();
    for (auto _ : state) {
        const auto evaluations = cityfin::models::evaluateAll(c.project, c.structures, c.scenario);
        const auto comparison = cityfin::models::compareStructures(c.project, evaluations, cityfin::models::Perspective::City);
        benchmark::DoNotOptimize(comparison.ranking.data());
    }
    state.counters["structures"] = static_cast<double>(c.structures.size());
}
BENCHMARK(BM_Engine_Compare)->Unit(benchmark::kMicrosecond);

// One structure at a time, to see where the time goes.
void BM_Engine_EvaluateStructure(benchmark::State& state) {
    const auto& c = benchCase();
    const auto& structure = c.structures.at(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        const auto evaluation = cityfin::models::evaluate(c.project, structure, c.scenario);
        benchmark::DoNotOptimize(evaluation.cityPresentCost);
    }
    state.SetLabel(structure.id);
}
BENCHMARK(BM_Engine_EvaluateStructure)->DenseRange(0, 8)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
