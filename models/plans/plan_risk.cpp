#include "models/plans/plan_risk.hpp"

#include "models/risk/risk_register.hpp"

#include <cmath>

namespace cityfin::models::plans {

RiskProbability riskProbabilityFor(const Case& c, const RiskOptions& options) {
    RiskRegister reg = readRiskRegister(c.risks);
    if (reg.empty()) return [](const Plan&, const FeasibilityRules&) { return std::optional<double>(); };
    RiskOptions copy;
    copy.paths = options.paths;
    copy.seed = options.seed;
    copy.threads = options.threads;
    copy.sobol = options.sobol;
    return [c, reg, copy](const Plan& plan, const FeasibilityRules& rules) -> std::optional<double> {
        const Case pc = planCase(c, plan);
        const RiskRun run = runRisk(pc.project, pc.scenario, pc.structures, reg, copy);
        const StructureRisk& s = run.structures.front();
        const auto& irr = s.metric(RiskMetric::EquityIrr);
        const auto& dscr = s.metric(RiskMetric::MinDscr);
        const auto& peak = s.metric(RiskMetric::CityPeakOutlay);
        constexpr double tol = 1e-6;
        return probabilityOfPaths(run.paths, [&](std::size_t p) {
            // NaN compares false: an undefined metric fails its rule.
            if (rules.equityIrrHurdle && !(irr[p] >= *rules.equityIrrHurdle - tol)) return false;
            if (rules.minDscr && !(dscr[p] >= *rules.minDscr - tol)) return false;
            if (rules.budgetCap && !(peak[p] <= *rules.budgetCap * (1.0 + tol))) return false;
            if (rules.generalPublicBudget &&
                !(peak[p] + rules.otherPppSpending <= rules.pppBudgetShare * *rules.generalPublicBudget * (1.0 + tol)))
                return false;
            return true;
        });
    };
}

} // namespace cityfin::models::plans
