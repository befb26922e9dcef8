// Cost of one bond evaluation: from a yield (one pricing pass plus duration and convexity) against
// from a clean price (a Brent yield search first). Each call rebuilds the QuantLib bond.

#include "finance/bond.hpp"

#include <benchmark/benchmark.h>

namespace {

namespace ql = QuantLib;
using cityfin::finance::BondSpec;

BondSpec tenYearSemiannual() {
    BondSpec spec;
    spec.settlement = ql::Date(15, ql::February, 2008);
    spec.maturity = ql::Date(15, ql::November, 2017);
    spec.couponRate = 0.0575;
    spec.frequency = 2;
    return spec;
}

void BM_BondFromYield(benchmark::State& state) {
    const BondSpec spec = tenYearSemiannual();
    for (auto _ : state) benchmark::DoNotOptimize(cityfin::finance::bondFromYield(spec, 0.065));
}
BENCHMARK(BM_BondFromYield)->Unit(benchmark::kMicrosecond);

void BM_BondFromCleanPrice(benchmark::State& state) {
    const BondSpec spec = tenYearSemiannual();
    for (auto _ : state) benchmark::DoNotOptimize(cityfin::finance::bondFromCleanPrice(spec, 94.6343616));
}
BENCHMARK(BM_BondFromCleanPrice)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
