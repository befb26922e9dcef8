#include "models/risk/risk_borne.hpp"

#include <cmath>

namespace cityfin::models {
namespace {

RiskEffect effectOf(const std::vector<double>& pv, double basePv) {
    const MetricSummary s = summarise(pv);
    return {-(s.mean - basePv), s.stdev};
}

} // namespace

RiskBorne measureRiskBorne(const Project& project, const Scenario& base, const RiskRun& run, const RiskRegister& reg,
                           const RiskOptions& options) {
    RiskBorne out;
    for (const Risk& r : reg.risks) {
        out.riskIds.push_back(r.id);
        out.riskDrivers.push_back(r.driver);
    }
    std::vector<Structure> fixed;
    for (const StructureRisk& s : run.structures) fixed.push_back(s.fixedTerms);
    for (const StructureRisk& s : run.structures) {
        StructureRiskBorne b;
        b.structureId = s.structureId;
        b.byRisk.assign(reg.risks.size(), {});
        for (Party p : kParties) b.total.push_back(effectOf(s.metric(pvMetric(p)), s.baseValue(pvMetric(p))));
        out.structures.push_back(std::move(b));
    }
    const RiskOptions& one = options;  // progress counts on: paths x (1 + risks) in all
    for (std::size_t r = 0; r < reg.risks.size(); ++r) {
        std::vector<bool> active(reg.risks.size(), false);
        active[r] = true;
        const auto samples = simulateMetrics(project, base, fixed, reg, one, &active);
        for (std::size_t s = 0; s < fixed.size(); ++s)
            for (Party p : kParties)
                out.structures[s].byRisk[r].push_back(effectOf(samples[s][static_cast<std::size_t>(pvMetric(p))],
                                                               run.structures[s].baseValue(pvMetric(p))));
    }
    for (StructureRiskBorne& b : out.structures)
        for (std::size_t k = 0; k < kParties.size(); ++k) {
            double sum = 0.0;
            for (const auto& risk : b.byRisk) sum += risk[k].expectedCost;
            b.interaction.push_back({b.total[k].expectedCost - sum, 0.0});
        }
    return out;
}

} // namespace cityfin::models
