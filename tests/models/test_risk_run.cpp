// Monte Carlo over every structure: reproducible whatever the thread count, terms fixed at close,
// each risk landing where the structure's mechanics put it, conservation in every scenario.

#include "models/risk/risk_run.hpp"

#include "finance/errors.hpp"
#include "finance/metrics.hpp"
#include "finance/scenario_sampler.hpp"
#include "risk_fixtures.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

using namespace cityfin;
using namespace cityfin::models;
using namespace risk_fixtures;

namespace {

RiskOptions options(std::size_t paths, unsigned threads, std::uint64_t seed = 7) {
    RiskOptions o;
    o.paths = paths;
    o.threads = threads;
    o.seed = seed;
    return o;
}

std::size_t indexOf(const RiskRun& run, const std::string& id) {
    for (std::size_t i = 0; i < run.structures.size(); ++i)
        if (run.structures[i].structureId == id) return i;
    return run.structures.size();
}

} // namespace

TEST(RiskRun, SameSeedGivesTheSameSamplesWhateverTheThreadCount) {
    // 2500 paths: three blocks of 1024, so the threads really share the work.
    const RiskRun one = runRisk(project(), {}, structures(), reg(), options(2500, 1));
    for (unsigned threads : {2u, 3u}) {
        const RiskRun many = runRisk(project(), {}, structures(), reg(), options(2500, threads));
        ASSERT_EQ(many.structures.size(), one.structures.size());
        for (std::size_t s = 0; s < one.structures.size(); ++s)
            for (std::size_t m = 0; m < kRiskMetricCount; ++m)
                for (std::size_t i = 0; i < one.paths; ++i)
                    ASSERT_TRUE(sameOrBothNaN(one.structures[s].samples[m][i], many.structures[s].samples[m][i]))
                        << s << " " << m << " " << i;
    }
}

TEST(RiskRun, AnotherSeedOrSobolGivesOtherSamples) {
    const RiskRun a = runRisk(project(), {}, structures(), reg(), options(300, 1, 1));
    const RiskRun b = runRisk(project(), {}, structures(), reg(), options(300, 1, 2));
    RiskOptions sobol = options(300, 1, 1);
    sobol.sobol = true;
    const RiskRun c = runRisk(project(), {}, structures(), reg(), sobol);
    EXPECT_NE(a.structures[0].metric(RiskMetric::NpvGovernment), b.structures[0].metric(RiskMetric::NpvGovernment));
    EXPECT_NE(a.structures[0].metric(RiskMetric::NpvGovernment), c.structures[0].metric(RiskMetric::NpvGovernment));
}

TEST(RiskRun, SolvedTermsAreFixedAtFinancialClose) {
    const auto fixed = fixTermsAtClose(project(), structures());
    const Evaluation base = evaluate(project(), structures()[1]);
    ASSERT_FALSE(base.outcome.solved.empty());
    const auto& ppp = std::get<PppAvailabilityTerms>(fixed[1].terms);
    ASSERT_TRUE(ppp.unitaryCharge.has_value());
    EXPECT_DOUBLE_EQ(*ppp.unitaryCharge, base.outcome.solved.front().value);
    ASSERT_TRUE(std::get<PayAsYouGoTerms>(fixed[4].terms).annualServiceFee.has_value());
    // With the charge fixed, the base evaluation is unchanged.
    EXPECT_NEAR(evaluate(project(), fixed[1]).party(Party::Private).npv, base.party(Party::Private).npv, 1e-6);
}

TEST(RiskRun, DemandRiskStaysWithTheCityUnderAnAvailabilityPpp) {
    RiskRegister demandOnly = reg();
    demandOnly.risks = {demandOnly.risks[2]};
    const RiskRun run = runRisk(project(), {}, structures(), demandOnly, options(500, 2));
    const StructureRisk& ppp = run.structures[indexOf(run, "ppp")];
    EXPECT_EQ(ppp.summary(RiskMetric::NpvPrivate).stdev, 0.0);  // the unitary charge does not move with demand
    EXPECT_GT(ppp.summary(RiskMetric::NpvGovernment).stdev, 0.0);
    const StructureRisk& bot = run.structures[indexOf(run, "bot")];
    EXPECT_GT(bot.summary(RiskMetric::NpvPrivate).stdev, 0.0);  // the concessionaire carries it
}

TEST(RiskRun, TheMinimumRevenueGuaranteePaysWhenDemandFalls) {
    const RiskRun run = runRisk(project(), {}, structures(), reg(), options(1000, 2));
    const StructureRisk& bot = run.structures[indexOf(run, "bot")];
    EXPECT_EQ(bot.baseValue(RiskMetric::GuaranteePv), 0.0);
    EXPECT_GT(bot.expectedContingent, 0.0);
    EXPECT_GE(bot.p95Contingent, bot.expectedContingent);
    const auto& demandCity = bot.metric(RiskMetric::GuaranteePv);
    EXPECT_GT(probability(demandCity, [](double x) { return x > 0.0; }), 0.1);
    EXPECT_EQ(run.structures[indexOf(run, "ppp")].expectedContingent, 0.0);
}

TEST(RiskRun, PartiesPvsAddUpToTheLedgersRealFlowsInEveryScenario) {
    const Project p = project();
    const auto fixed = fixTermsAtClose(p, structures());
    const RiskRegister r = reg();
    const finance::ScenarioSampler sampler({r.risks[0].distribution, r.risks[1].distribution, r.risks[2].distribution,
                                            r.risks[3].distribution},
                                           riskCorrelation(r), finance::SamplingMethod::MersenneTwister, 3);
    const std::vector<double> draws = sampler.sample(0, 50);
    for (std::size_t i = 0; i < 50; ++i)
        for (const Structure& s : fixed) {
            const Evaluation e = evaluate(p, s, applyDraws({}, r, &draws[i * 4]));
            const std::vector<double> m = riskMetrics(p, e, applicableRules(e));
            double sum = 0.0;
            for (Party party : kParties) sum += m[static_cast<std::size_t>(pvMetric(party))];
            const double real = finance::npv(p.rates.publicRate, e.outcome.ledger.realFlows());
            EXPECT_NEAR(sum, real, 1e-7 * std::max(1.0, std::abs(real))) << s.id;
        }
}

TEST(RiskRun, AllRulesHoldNoMoreOftenThanTheWeakestRule) {
    const RiskRun run = runRisk(project(), {}, structures(), reg(), options(1000, 2));
    for (const StructureRisk& s : run.structures) {
        for (const RuleProbability& r : s.rules) EXPECT_LE(s.allRulesProbability, r.probability + 1e-12) << s.structureId;
        if (s.rules.empty()) {
            EXPECT_EQ(s.allRulesProbability, 1.0);
        }
    }
    const StructureRisk& ppp = run.structures[indexOf(run, "ppp")];
    ASSERT_EQ(ppp.rules.size(), 2u);
    // Overruns and delays at a charge fixed at close: the hurdle is missed in most scenarios.
    EXPECT_LT(ppp.rules[0].probability, 0.5);
}

TEST(RiskRun, SummariesArePercentilesOfTheSamples) {
    const RiskRun run = runRisk(project(), {}, structures(), reg(), options(800, 1));
    const auto& npv = run.structures[0].metric(RiskMetric::NpvGovernment);
    const MetricSummary& s = run.structures[0].summary(RiskMetric::NpvGovernment);
    EXPECT_EQ(s.defined, 800u);
    EXPECT_DOUBLE_EQ(s.p50, finance::percentileInc(npv, 0.5));
    EXPECT_DOUBLE_EQ(s.p5, finance::percentileInc(npv, 0.05));
    EXPECT_NEAR(s.mean, finance::sampleMean(npv), 1e-9 * std::abs(s.mean));
    std::size_t counted = 0;
    for (auto c : s.histogram.counts) counted += c;
    EXPECT_EQ(counted, 800u);
}

TEST(RiskRun, ProbabilityCountsUndefinedSamplesAsNotHolding) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    EXPECT_DOUBLE_EQ(probability({0.1, nan, 0.3, 0.05}, [](double x) { return x >= 0.08; }), 0.5);
    EXPECT_DOUBLE_EQ(probabilityOfPaths(4, [](std::size_t i) { return i % 2 == 0; }), 0.5);
    EXPECT_THROW(probability({}, [](double) { return true; }), InputError);
}

TEST(RiskRun, BadInputIsAnInputError) {
    try {
        runRisk(project(), {}, structures(), reg(), options(0, 1));
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.field(), "paths");
    }
    try {
        runRisk(project(), {}, structures(), RiskRegister{}, options(10, 1));
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.field(), "risks");
    }
    EXPECT_THROW(riskMetricFromId("npv_city"), InputError);
    EXPECT_EQ(riskMetricFromId("min_dscr"), RiskMetric::MinDscr);
}

TEST(RiskRun, ScenarioMetricsEqualTheFullEvaluationOnRandomScenarios) {
    // The Monte Carlo's per-scenario path (straight from the ledger) against riskMetrics(evaluate()).
    const Project p = project();
    const auto fixed = fixTermsAtClose(p, structures());
    const RiskRegister r = reg();
    std::vector<finance::Distribution> d;
    for (const Risk& x : r.risks) d.push_back(x.distribution);
    const finance::ScenarioSampler sampler(d, riskCorrelation(r), finance::SamplingMethod::MersenneTwister, 99);
    const std::vector<double> draws = sampler.sample(0, 200);
    for (std::size_t i = 0; i < 200; ++i) {
        const Scenario sc = applyDraws({}, r, &draws[i * r.risks.size()]);
        for (const Structure& s : fixed) {
            const Evaluation e = evaluate(p, s, sc);
            const auto rules = applicableRules(evaluate(p, s));
            const std::vector<double> full = riskMetrics(p, e, rules), fast = scenarioMetrics(p, s, sc, rules);
            for (std::size_t m = 0; m < kRiskMetricCount; ++m)
                ASSERT_TRUE(sameOrBothNaN(full[m], fast[m])) << s.id << " scenario " << i << " metric " << riskMetricId(static_cast<RiskMetric>(m))
                                                             << ": " << full[m] << " vs " << fast[m];
        }
    }
}

TEST(RiskRun, GreenBondKernelEqualsTheFullPathOnRandomScenarios) {
    Project p = project();
    p.basis = PriceBasis::Nominal;
    p.inflation = 0.02;
    GreenBondTerms t;
    t.tenorYears = 10;
    t.externalReviewCost = 5.0;
    t.annualReportingCost = 1.0;
    t.amortising = true;
    Structure bond{"bond", "Green bond", t, {}};
    bond.support.grants = {{"EU", 100.0, 0, false}};
    const auto kernel = ScenarioKernel::make(p, bond);
    ASSERT_TRUE(kernel.has_value());
    Structure withTif = bond;
    withTif.support.taxIncrement = TaxIncrementFinancing{20.0, 0.5, 0};
    EXPECT_FALSE(ScenarioKernel::make(p, withTif).has_value());  // falls back to the full path
    EXPECT_FALSE(ScenarioKernel::make(p, structures()[1]).has_value());
    const RiskRegister r = reg();
    std::vector<finance::Distribution> d;
    for (const Risk& x : r.risks) d.push_back(x.distribution);
    const finance::ScenarioSampler sampler(d, riskCorrelation(r), finance::SamplingMethod::MersenneTwister, 5);
    const std::vector<double> draws = sampler.sample(0, 300);
    const auto rules = applicableRules(evaluate(p, bond));
    for (std::size_t i = 0; i < 300; ++i) {
        Scenario sc = applyDraws({}, r, &draws[i * r.risks.size()]);
        sc.priceFactor = 0.8 + 0.001 * static_cast<double>(i);
        const std::vector<double> full = scenarioMetrics(p, bond, sc, rules), fast = kernel->metrics(p, sc, rules);
        for (std::size_t m = 0; m < kRiskMetricCount; ++m) {
            if (std::isnan(full[m])) {
                ASSERT_TRUE(std::isnan(fast[m])) << m;
                continue;
            }
            ASSERT_NEAR(fast[m], full[m], 1e-9 * std::max(1.0, std::abs(full[m])))
                << "scenario " << i << " metric " << riskMetricId(static_cast<RiskMetric>(m));
        }
    }
}

TEST(RiskRun, ACancelledRunStopsEarlyAndThrowsRunCancelled) {
    std::atomic<bool> cancel{false};
    std::atomic<std::size_t> done{0};
    RiskOptions o = options(100000, 2);
    o.cancel = &cancel;
    o.progress = &done;
    // Cancel once the first blocks are in: the run must stop long before its 100000 paths.
    std::thread stopper([&] {
        while (done.load() == 0) std::this_thread::yield();
        cancel = true;
    });
    EXPECT_THROW(runRisk(project(), {}, structures(), reg(), o), RunCancelled);
    stopper.join();
    EXPECT_LT(done.load(), 100000u);
    // Not set: the same options run to the end.
    cancel = false;
    o.paths = 500;
    EXPECT_EQ(runRisk(project(), {}, structures(), reg(), o).paths, 500u);
}
