// The Monte Carlo's fast path against the full path, scenario by scenario: simulateMetrics (flows
// computed once per scenario and shared by the structures, the forecast shared by every scenario,
// the forecast debt sizing reused through ForecastSizingMemo, scenario kernels where they exist)
// must give, for every structure, scenario and metric, what scenarioMetrics gives on its own (each
// structure built from scratch on projectFlows(project, scenario)). On every bundled case and on
// the 30-year benchmark case, with a register that delays operation in half the scenarios, with
// and without the cases' social outcomes.

#include "finance/scenario_sampler.hpp"
#include "models/case_file.hpp"
#include "models/risk/risk_run.hpp"
#include "risk_fixtures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

using namespace cityfin;
using namespace cityfin::models;

namespace {

constexpr std::size_t kPaths = 120;

// Every driver of the project's flows, delays of 0 to 3 years (clamped to the operating years).
RiskRegister everyDriver() {
    return readRiskRegister(nlohmann::json::parse(R"([
      {"id": "capex", "driver": "capex_factor", "distribution": {"type": "pert", "min": 0.8, "mode": 1.05, "max": 1.6},
       "correlations": {"delay": 0.5}},
      {"id": "delay", "driver": "delay_years", "distribution": {"type": "discrete", "values": [0, 1, 2, 3], "probabilities": [0.5, 0.25, 0.15, 0.1]}},
      {"id": "demand", "driver": "demand_factor", "distribution": {"type": "lognormal", "mean": 0.9, "stdev": 0.35}},
      {"id": "savings", "driver": "savings_factor", "distribution": {"type": "pert", "min": 0.3, "mode": 0.95, "max": 1.3}},
      {"id": "price", "driver": "price_factor", "distribution": {"type": "normal", "mean": 1.0, "stdev": 0.15}},
      {"id": "opex", "driver": "opex_factor", "distribution": {"type": "triangular", "min": 0.8, "mode": 1.0, "max": 1.5}}])"));
}

std::vector<std::string> caseFiles() {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(risk_fixtures::casesDir()))
        if (std::filesystem::exists(entry.path() / "case.json")) files.push_back((entry.path() / "case.json").string());
    std::sort(files.begin(), files.end());
    files.push_back(risk_fixtures::casesDir() + "/../bench/data/compare-30y.json");
    return files;
}

// 1e-9 relative; near zero, 1e-6 absolute or 1e-14 of the project's capex, whichever is larger: the
// kernels add a party's flows in another order than the ledger, and a sum of flows of 1e9-1e11
// currency units carries a rounding of that order (a lender's NPV at its own rate is 0 up to ~1e-5).
bool close(double fast, double full, double capex) {
    if (std::isnan(full) || std::isnan(fast)) return std::isnan(full) && std::isnan(fast);
    return std::abs(fast - full) <= std::max({1e-6, 1e-14 * capex, 1e-9 * std::abs(full)});
}

// Runs simulateMetrics and checks every sample against scenarioMetrics on the same draws.
void expectFastEqualsFull(const Case& c, const RiskRegister& reg, bool withOutcomes, std::size_t& delayed) {
    const std::vector<Structure> fixed = fixTermsAtClose(c.project, c.structures);
    RiskOptions o;
    o.paths = kPaths;
    o.seed = 11;
    o.threads = 2;
    if (withOutcomes) {
        o.outcomes = &c.outcomes;
        o.carbonPrice = &c.carbonPrice;
    }
    const auto samples = simulateMetrics(c.project, c.scenario, fixed, reg, o);

    std::vector<finance::Distribution> drivers;
    for (const Risk& r : reg.risks) drivers.push_back(r.distribution);
    const finance::ScenarioSampler sampler(drivers, riskCorrelation(reg), finance::SamplingMethod::MersenneTwister, o.seed);
    const std::vector<double> draws = sampler.sample(0, kPaths);
    std::vector<std::vector<RuleProbability>> rules;
    for (const Structure& s : fixed) rules.push_back(applicableRules(evaluate(c.project, s, c.scenario)));
    for (std::size_t i = 0; i < kPaths; ++i) {
        const double* d = &draws[i * drivers.size()];
        Scenario sc = applyDraws(c.scenario, reg, d);
        sc.delayYears = std::min(sc.delayYears, std::max(0, c.project.operatingYears - 1));
        if (sc.delayYears > 0) ++delayed;
        const ScenarioOutcomes social{o.outcomes, &c.carbonPrice, outcomeFactorsFromDraws(reg, d)};
        for (std::size_t s = 0; s < fixed.size(); ++s) {
            const std::vector<double> full =
                scenarioMetrics(c.project, fixed[s], sc, rules[s], withOutcomes ? &social : nullptr);
            for (std::size_t m = 0; m < kRiskMetricCount; ++m)
                ASSERT_TRUE(close(samples[s][m][i], full[m], c.project.totalCapex()))
                    << c.id << " / " << fixed[s].id << " scenario " << i << " (delay " << sc.delayYears << ") "
                    << riskMetricId(static_cast<RiskMetric>(m)) << ": fast " << samples[s][m][i] << ", full "
                    << full[m];
        }
    }
}

} // namespace

TEST(RiskFastPath, EqualsTheFullPathOnEveryBundledCaseWithDelaysWithAndWithoutSocialOutcomes) {
    const RiskRegister reg = everyDriver();
    std::size_t cases = 0, delayed = 0;
    for (const std::string& file : caseFiles()) {
        SCOPED_TRACE(file);
        const Case c = loadCaseFile(file);
        expectFastEqualsFull(c, reg, false, delayed);
        if (!c.outcomes.empty()) expectFastEqualsFull(c, reg, true, delayed);  // and the social metrics
        ++cases;
    }
    EXPECT_GE(cases, 10u);
    EXPECT_GT(delayed, cases * kPaths / 4);  // the delays are exercised, not only drawn
}

TEST(RiskFastPath, EqualsTheFullPathWithEachCasesOwnRegisterAndSocialOutcomes) {
    std::size_t withRegister = 0, delayed = 0;
    for (const std::string& file : caseFiles()) {
        SCOPED_TRACE(file);
        const Case c = loadCaseFile(file);
        const RiskRegister own = readRiskRegister(c.risks);
        if (own.empty()) continue;
        expectFastEqualsFull(c, own, !c.outcomes.empty(), delayed);
        ++withRegister;
    }
    EXPECT_GE(withRegister, 3u);
}

// Every debt of the case partly floating (the senior debts, the ESCO's, the city's loans), so that
// the interest rate driver moves each structure's financing.
void floatEveryDebt(Case& c, double share) {
    for (Structure& s : c.structures) {
        if (auto* t = std::get_if<PppAvailabilityTerms>(&s.terms)) t->debt.floatingShare = share;
        if (auto* t = std::get_if<ConcessionTerms>(&s.terms)) t->debt.floatingShare = share;
        if (auto* t = std::get_if<TraditionalTerms>(&s.terms)) t->loanFloatingShare = share;
        if (auto* t = std::get_if<EspcTerms>(&s.terms)) {
            t->ownerLoanFloatingShare = share;
            if (t->escoDebt) t->escoDebt->floatingShare = share;
        }
    }
}

// The case in nominal terms (2.5% inflation), with a tax increment captured by the city under every
// structure but the green bond (whose kernel leaves it to the full path): so that the inflation
// driver moves every escalated line, those the kernels otherwise keep fixed included.
void makeNominalWithTaxIncrement(Case& c) {
    c.project.basis = PriceBasis::Nominal;
    c.project.inflation = 0.025;
    for (Structure& s : c.structures)
        if (!std::holds_alternative<GreenBondTerms>(s.terms))
            s.support.taxIncrement = TaxIncrementFinancing{0.01 * c.project.totalCapex(), 0.5, 0};
}

// The drivers of the risk register beyond the project's factors: the interest rate and inflation
// shifts, the availability and payment shortfalls.
RiskRegister newDrivers() {
    return readRiskRegister(nlohmann::json::parse(R"([
      {"id": "capex", "driver": "capex_factor", "distribution": {"type": "pert", "min": 0.8, "mode": 1.05, "max": 1.6}},
      {"id": "delay", "driver": "delay_years", "distribution": {"type": "discrete", "values": [0, 1], "probabilities": [0.7, 0.3]}},
      {"id": "demand", "driver": "demand_factor", "distribution": {"type": "lognormal", "mean": 0.9, "stdev": 0.35}},
      {"id": "rate", "driver": "interest_rate_shift", "distribution": {"type": "normal", "mean": 0.002, "stdev": 0.015},
       "correlations": {"rate2": 0.3}},
      {"id": "rate2", "driver": "interest_rate_shift", "distribution": {"type": "uniform", "min": -0.01, "max": 0.02}},
      {"id": "cpi", "driver": "inflation_shift", "distribution": {"type": "normal", "mean": 0.0, "stdev": 0.012},
       "correlations": {"rate": 0.5}},
      {"id": "downtime", "driver": "availability_shortfall", "distribution": {"type": "pert", "min": 0, "mode": 0.02, "max": 0.3}},
      {"id": "outage", "driver": "availability_shortfall", "distribution": {"type": "discrete", "values": [0, 0.5], "probabilities": [0.9, 0.1]}},
      {"id": "arrears", "driver": "payment_shortfall", "distribution": {"type": "discrete", "values": [0, 0.1, 0.4], "probabilities": [0.6, 0.3, 0.1]}}])"));
}

TEST(RiskFastPath, EqualsTheFullPathWithTheNewDriversOnEveryBundledCase) {
    const RiskRegister reg = newDrivers();
    std::size_t cases = 0, delayed = 0;
    for (const std::string& file : caseFiles()) {
        SCOPED_TRACE(file);
        Case c = loadCaseFile(file);
        floatEveryDebt(c, 0.6);
        makeNominalWithTaxIncrement(c);
        for (Structure& s : c.structures)  // deductions above proportion where a PPP has them
            if (auto* t = std::get_if<PppAvailabilityTerms>(&s.terms)) t->deductionMultiplier = 1.5;
        expectFastEqualsFull(c, reg, !c.outcomes.empty(), delayed);
        ++cases;
    }
    EXPECT_GE(cases, 10u);
}

TEST(RiskFastPath, EveryStructureOfTheBenchmarkCaseHasAKernel) {
    // So that the comparison above exercises a kernel for each of the nine structure types.
    const Case c = loadCaseFile(risk_fixtures::casesDir() + "/../bench/data/compare-30y.json");
    const std::vector<Structure> fixed = fixTermsAtClose(c.project, c.structures);
    ASSERT_EQ(fixed.size(), 9u);
    for (const Structure& s : fixed) EXPECT_TRUE(ScenarioKernel::make(c.project, s).has_value()) << s.id;
}

TEST(RiskFastPath, NoMoneySampleIsRoundingResidueSoZeroFiguresHaveAPointDistribution) {
    // A lender's NPV at its own rate is zero in exact arithmetic; the kernels' base + V(scenario) -
    // V(forecast) leaves ~1e-8 of residue unless it is snapped, which scatters a point distribution
    // over a histogram of noise.
    const Case c = loadCaseFile(risk_fixtures::casesDir() + "/../bench/data/compare-30y.json");
    const std::vector<Structure> fixed = fixTermsAtClose(c.project, c.structures);
    RiskOptions o;
    o.paths = kPaths;
    const auto samples = simulateMetrics(c.project, c.scenario, fixed, everyDriver(), o);
    std::size_t zeros = 0;
    for (std::size_t s = 0; s < fixed.size(); ++s)
        for (std::size_t m = 0; m <= static_cast<std::size_t>(RiskMetric::PvFunders); ++m)
            for (double x : samples[s][m]) {
                EXPECT_TRUE(x == 0.0 || std::abs(x) > 1e-3) << fixed[s].id << " " << riskMetricId(static_cast<RiskMetric>(m)) << ": " << x;
                if (x == 0.0) ++zeros;
            }
    EXPECT_GT(zeros, kPaths);  // the case has such figures: the assertion above is exercised
    const MetricSummary lenders = summarise(samples[0][static_cast<std::size_t>(RiskMetric::NpvLenders)]);
    EXPECT_EQ(lenders.stdev, 0.0);
}
