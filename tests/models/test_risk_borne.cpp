// Risk borne, measured one at a time: per-risk figures plus the interaction make the total, the
// parties' figures add up to the project's, and each risk lands where the mechanics put it.

#include "models/risk/risk_borne.hpp"

#include "finance/metrics.hpp"
#include "finance/scenario_sampler.hpp"
#include "risk_fixtures.hpp"

#include <gtest/gtest.h>

using namespace cityfin;
using namespace cityfin::models;
using namespace risk_fixtures;

namespace {

RiskOptions options(std::size_t paths) {
    RiskOptions o;
    o.paths = paths;
    o.threads = 2;
    o.seed = 11;
    return o;
}

struct Measured {
    RiskRun run;
    RiskBorne borne;
};

const Measured& measured() {
    static const Measured m = [] {
        Measured x;
        x.run = runRisk(project(), {}, structures(), reg(), options(600));
        x.borne = measureRiskBorne(project(), {}, x.run, reg(), options(600));
        return x;
    }();
    return m;
}

} // namespace

TEST(RiskBorne, PerRiskFiguresPlusInteractionMakeTheTotalForEveryParty) {
    const auto& [run, borne] = measured();
    for (const StructureRiskBorne& s : borne.structures)
        for (std::size_t k = 0; k < kParties.size(); ++k) {
            double sum = s.interaction[k].expectedCost;
            for (const auto& r : s.byRisk) sum += r[k].expectedCost;
            EXPECT_NEAR(sum, s.total[k].expectedCost, 1e-9 * std::max(1.0, std::abs(s.total[k].expectedCost)));
        }
}

TEST(RiskBorne, TheTotalIsTheMeanShiftOfTheSimulatedPvs) {
    const auto& [run, borne] = measured();
    for (std::size_t s = 0; s < run.structures.size(); ++s)
        for (std::size_t k = 0; k < kParties.size(); ++k) {
            const RiskMetric m = pvMetric(kParties[k]);
            const double shift = run.structures[s].summary(m).mean - run.structures[s].baseValue(m);
            EXPECT_NEAR(borne.structures[s].total[k].expectedCost, -shift, 1e-9 * std::max(1.0, std::abs(shift)));
        }
}

TEST(RiskBorne, PartiesRiskEffectsAddUpToTheProjectsForEachRisk) {
    // The project's expected cost of risk r, computed independently: the same draws, only r active,
    // the PV at the public rate of the ledger's real flows against the base.
    const auto& [run, borne] = measured();
    const Project p = project();
    const RiskRegister r = reg();
    std::vector<finance::Distribution> d;
    for (const Risk& x : r.risks) d.push_back(x.distribution);
    const finance::ScenarioSampler sampler(d, riskCorrelation(r), finance::SamplingMethod::MersenneTwister, 11);
    const std::vector<double> draws = sampler.sample(0, 600);
    for (std::size_t s = 0; s < run.structures.size(); ++s) {
        const Structure& fixed = run.structures[s].fixedTerms;
        const double base = finance::npv(p.rates.publicRate, evaluate(p, fixed).outcome.ledger.realFlows());
        for (std::size_t risk = 0; risk < r.risks.size(); ++risk) {
            std::vector<bool> active(r.risks.size(), false);
            active[risk] = true;
            double mean = 0.0;
            for (std::size_t i = 0; i < 600; ++i)
                mean += finance::npv(p.rates.publicRate,
                                     evaluate(p, fixed, applyDraws({}, r, &draws[i * r.risks.size()], &active)).outcome.ledger.realFlows());
            const double projectCost = -(mean / 600.0 - base);
            double parties = 0.0;
            for (const RiskEffect& e : borne.structures[s].byRisk[risk]) parties += e.expectedCost;
            EXPECT_NEAR(parties, projectCost, 1e-6 * std::max(1.0, std::abs(projectCost)))
                << run.structures[s].structureId << " " << r.risks[risk].id;
        }
    }
}

TEST(RiskBorne, OneRiskAloneHasNoInteraction) {
    RiskRegister one = reg();
    one.risks = {one.risks[2]};
    const RiskRun run = runRisk(project(), {}, structures(), one, options(400));
    const RiskBorne borne = measureRiskBorne(project(), {}, run, one, options(400));
    for (const StructureRiskBorne& s : borne.structures)
        for (std::size_t k = 0; k < kParties.size(); ++k) {
            EXPECT_NEAR(s.interaction[k].expectedCost, 0.0, 1e-9 * std::max(1.0, std::abs(s.total[k].expectedCost)));
            EXPECT_NEAR(s.byRisk[0][k].spread, s.total[k].spread, 1e-9 * std::max(1.0, s.total[k].spread));
        }
}

TEST(RiskBorne, EachRiskLandsWhereTheMechanicsPutIt) {
    const auto& [run, borne] = measured();
    const auto at = [&](const std::string& id) {
        for (const auto& s : borne.structures)
            if (s.structureId == id) return s;
        return StructureRiskBorne{};
    };
    const std::size_t gov = 0, priv = 1, demand = 2, capex = 0;
    // Availability PPP: the SPV carries the overrun, the city keeps the demand risk.
    EXPECT_EQ(at("ppp").byRisk[demand][priv].expectedCost, 0.0);
    EXPECT_NE(at("ppp").byRisk[demand][gov].expectedCost, 0.0);
    EXPECT_GT(at("ppp").byRisk[capex][priv].expectedCost, 0.0);
    // Traditional procurement: the city carries the overrun; there is no private party.
    EXPECT_GT(at("psc").byRisk[capex][gov].expectedCost, 0.0);
    EXPECT_EQ(at("psc").byRisk[capex][priv].expectedCost, 0.0);
    // BOT with a revenue guarantee: the concessionaire and the city share demand risk.
    EXPECT_GT(at("bot").byRisk[demand][priv].expectedCost, 0.0);
    EXPECT_GT(at("bot").byRisk[demand][gov].expectedCost, 0.0);
}
