// Debt engine on a 30-year annual timeline: what a project-finance model calls per scenario.
// BM_Engine_SculptedSchedule30y: sizing (min of gearing and DSCR capacity) + sculpted schedule +
// cover ratios. BM_Engine_AnnuitySchedule30y: annuity schedule + cover ratios, for reference.
#include "finance/coverage.hpp"
#include "finance/debt.hpp"
#include "finance/debt_sizing.hpp"

#include <benchmark/benchmark.h>

#include <cmath>
#include <vector>

using namespace cityfin::finance;

namespace {

constexpr int kYears = 30;

/// An uneven, ramping CFADS profile with a dip (a lifecycle year), deterministic.
std::vector<double> cfadsProfile() {
    std::vector<double> cfads(kYears);
    for (int t = 0; t < kYears; ++t)
        cfads[t] = 1.0e6 * (1.0 + 0.02 * t) * (1.0 + 0.1 * std::sin(0.7 * t)) * (t == 12 ? 0.4 : 1.0);
    return cfads;
}

DebtTerms loanTerms(RepaymentProfile profile) {
    DebtTerms terms;
    terms.annualRate = 0.055;
    terms.tenorPeriods = kYears;
    terms.profile = profile;
    return terms;
}

void BM_Engine_SculptedSchedule30y(benchmark::State& state) {
    const std::vector<double> cfads = cfadsProfile();
    SizingTerms sizing;
    sizing.totalCost = 2.0e7;
    sizing.gearingCap = 0.85;
    sizing.targetDscr = 1.30;
    sizing.annualRate = 0.055;
    sizing.tenorPeriods = kYears;
    const DebtTerms terms = loanTerms(RepaymentProfile::Sculpted);
    for (auto _ : state) {
        const DebtSizing size = sizeDebt(sizing, cfads);
        const DebtSchedule schedule = loanSchedule(size.debt, terms, cfads);
        const CoverRatios ratios = coverRatios(schedule, cfads);
        benchmark::DoNotOptimize(ratios.minDscr);
        benchmark::DoNotOptimize(ratios.llcrAtRepaymentStart);
    }
}
BENCHMARK(BM_Engine_SculptedSchedule30y);

void BM_Engine_AnnuitySchedule30y(benchmark::State& state) {
    const std::vector<double> cfads = cfadsProfile();
    const DebtTerms terms = loanTerms(RepaymentProfile::Annuity);
    for (auto _ : state) {
        const DebtSchedule schedule = loanSchedule(1.0e7, terms);
        const CoverRatios ratios = coverRatios(schedule, cfads);
        benchmark::DoNotOptimize(ratios.minDscr);
        benchmark::DoNotOptimize(ratios.llcrAtRepaymentStart);
    }
}
BENCHMARK(BM_Engine_AnnuitySchedule30y);

} // namespace

BENCHMARK_MAIN();
