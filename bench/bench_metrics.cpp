// Engine metrics against QuantLib's CashFlows on the same 30 annual flows and the same flat 8%:
// NPV (Horner on the rate, and a dot product on cached discount factors) and IRR.
// Run: ./build/bench/bench_metrics --benchmark_repetitions=5 --benchmark_report_aggregates_only=true

#include "finance/metrics.hpp"

#include <benchmark/benchmark.h>

#include <ql/cashflow.hpp>
#include <ql/cashflows/cashflows.hpp>
#include <ql/cashflows/simplecashflow.hpp>
#include <ql/interestrate.hpp>
#include <ql/math/solvers1d/brent.hpp>
#include <ql/settings.hpp>
#include <ql/shared_ptr.hpp>
#include <ql/termstructures/yield/flatforward.hpp>
#include <ql/time/daycounters/simpledaycounter.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {

using namespace QuantLib;
namespace engine = cityfin::finance;

constexpr double kRate = 0.08;
constexpr double kGuess = 0.05; // QuantLib's default guess, given to both
constexpr double kIrrAccuracy = 1e-12;

/// Everything QuantLib needs, built once outside the timed loops. SimpleDayCounter gives whole
/// years between anniversaries (so both sides discount the same flows) and is QuantLib's cheapest.
struct Setup {
    Date start{15, January, 2020};
    SimpleDayCounter dayCounter;
    std::vector<double> flows;
    Leg leg;
    InterestRate flatRate{kRate, dayCounter, Compounded, Annual};
    ext::shared_ptr<FlatForward> curve;
    std::vector<double> discountFactors;

    Setup() {
        Settings::instance().evaluationDate() = start;
        flows.push_back(-1000.0);
        for (int i = 1; i < 30; ++i) flows.push_back(80.0 * std::pow(1.03, i - 1));
        for (std::size_t i = 0; i < flows.size(); ++i) {
            const Date d = start + Period(static_cast<Integer>(i), Years);
            leg.push_back(ext::make_shared<SimpleCashFlow>(flows[i], d));
        }
        curve = ext::make_shared<FlatForward>(start, kRate, dayCounter, Compounded, Annual);
        for (const auto& cf : leg) discountFactors.push_back(curve->discount(cf->date()));
    }
};

const Setup& setup() {
    static const Setup s;
    return s;
}

double quantLibNpv(const Setup& s) { return CashFlows::npv(s.leg, s.flatRate, true, s.start, s.start); }

double quantLibNpvOnCurve(const Setup& s) { return CashFlows::npv(s.leg, *s.curve, true, s.start, s.start); }

double quantLibIrr(const Setup& s) {
    Brent solver;
    return CashFlows::yield<Brent>(solver, s.leg, 0.0, s.dayCounter, Compounded, Annual, true, s.start, s.start,
                                   kIrrAccuracy, kGuess);
}

void requireAgreement(const char* what, double engineValue, double quantLibValue) {
    const double gap = std::fabs(engineValue - quantLibValue);
    std::printf("check %-28s engine %.15g  QuantLib %.15g  relative gap %.2e\n", what, engineValue,
                quantLibValue, gap / std::fabs(quantLibValue));
    if (!(gap <= 1e-10 * std::fabs(quantLibValue))) {
        std::fprintf(stderr, "bench_metrics: %s differs from QuantLib beyond 1e-10 relative; aborting\n", what);
        std::abort();
    }
}

void BM_Engine_Npv(benchmark::State& state) {
    const Setup& s = setup();
    for (auto _ : state) benchmark::DoNotOptimize(engine::npv(kRate, s.flows));
}

void BM_Engine_NpvCachedDiscountFactors(benchmark::State& state) {
    const Setup& s = setup();
    for (auto _ : state) benchmark::DoNotOptimize(engine::npvWithDiscountFactors(s.flows, s.discountFactors));
}

void BM_QuantLib_Npv(benchmark::State& state) {
    const Setup& s = setup();
    for (auto _ : state) benchmark::DoNotOptimize(quantLibNpv(s));
}

void BM_QuantLib_NpvOnCurve(benchmark::State& state) {
    const Setup& s = setup();
    for (auto _ : state) benchmark::DoNotOptimize(quantLibNpvOnCurve(s));
}

void BM_Engine_Irr(benchmark::State& state) {
    const Setup& s = setup();
    for (auto _ : state) benchmark::DoNotOptimize(engine::irr(s.flows, kGuess));
}

void BM_QuantLib_Irr(benchmark::State& state) {
    const Setup& s = setup();
    for (auto _ : state) benchmark::DoNotOptimize(quantLibIrr(s));
}

BENCHMARK(BM_Engine_Npv);
BENCHMARK(BM_QuantLib_Npv);
BENCHMARK(BM_QuantLib_NpvOnCurve);
BENCHMARK(BM_Engine_NpvCachedDiscountFactors);
BENCHMARK(BM_Engine_Irr);
BENCHMARK(BM_QuantLib_Irr);

} // namespace

int main(int argc, char** argv) {
    const Setup& s = setup();
    requireAgreement("NPV (flat rate)", engine::npv(kRate, s.flows), quantLibNpv(s));
    requireAgreement("NPV (flat curve)", engine::npv(kRate, s.flows), quantLibNpvOnCurve(s));
    requireAgreement("NPV (cached discount factors)", engine::npvWithDiscountFactors(s.flows, s.discountFactors),
                     quantLibNpvOnCurve(s));
    const engine::Answer irr = engine::irr(s.flows, kGuess);
    if (!irr) {
        std::fprintf(stderr, "bench_metrics: engine found no IRR (%s); aborting\n", irr.reason.c_str());
        std::abort();
    }
    requireAgreement("IRR", *irr.value, quantLibIrr(s));
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
