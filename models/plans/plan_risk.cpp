#include "models/plans/plan_risk.hpp"

#include "models/risk/risk_register.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cityfin::models::plans {
namespace {

constexpr double kTolerance = 1e-6;  // as the deterministic rules: a solved term meets its target

// The figure on the adverse side at the confidence level: for a floor the value that a share
// (1 - confidence) of the scenarios fall to or below; for a cap the value they reach or exceed. An
// undefined figure (NaN) counts as the worst; empty when the answer is one.
std::optional<double> atConfidence(std::vector<double> values, double confidence, bool floor) {
    if (values.empty()) return std::nullopt;
    const double worst = floor ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    for (double& v : values)
        if (std::isnan(v)) v = worst;
    const auto n = static_cast<double>(values.size());
    const auto k = static_cast<std::size_t>(std::max(1.0, std::ceil((1.0 - confidence) * n - 1e-9))) - 1;
    const auto kth = values.begin() + static_cast<std::ptrdiff_t>(std::min(k, values.size() - 1));
    if (floor) std::nth_element(values.begin(), kth, values.end());
    else std::nth_element(values.begin(), kth, values.end(), std::greater<>());
    if (std::isinf(*kth)) return std::nullopt;
    return *kth;
}

} // namespace

RiskProbability riskProbabilityFor(const Case& c, const RiskOptions& options) {
    RiskRegister reg = readRiskRegister(c.risks);
    if (reg.empty()) return [](const Plan&, const FeasibilityRules&) { return std::optional<RiskEstimate>(); };
    RiskOptions copy;
    copy.paths = options.paths;
    copy.seed = options.seed;
    copy.threads = options.threads;
    copy.sobol = options.sobol;
    return [c, reg, copy](const Plan& plan, const FeasibilityRules& rules) -> std::optional<RiskEstimate> {
        // The rules a scenario can breach: the lenders' covenant and the city's caps. With none of them
        // the plan has nothing to test under risk.
        if (!rules.minDscr && !rules.budgetCap && !rules.generalPublicBudget) return std::nullopt;
        const Case pc = planCase(c, plan);
        const RiskRun run = runRisk(pc.project, pc.scenario, pc.structures, reg, copy);
        const StructureRisk& s = run.structures.front();
        const auto& irr = s.metric(RiskMetric::EquityIrr);
        const auto& dscr = s.metric(RiskMetric::MinDscr);
        const auto& peak = s.metric(RiskMetric::CityPeakOutlay);
        const auto& pppPaid = s.metric(RiskMetric::PppSpendingPeak);  // the ceiling counts gross PPP payments
        const std::size_t n = run.paths;
        // Each rule on one path; NaN compares false, so an undefined metric fails its rule.
        const auto dscrHolds = [&](std::size_t p) { return dscr[p] >= *rules.minDscr - kTolerance * std::max(1.0, *rules.minDscr); };
        const auto capHolds = [&](std::size_t p) { return peak[p] <= *rules.budgetCap + kTolerance * std::max(1.0, *rules.budgetCap); };
        const double limit = rules.generalPublicBudget ? rules.pppBudgetShare * *rules.generalPublicBudget : 0.0;
        const auto shareHolds = [&](std::size_t p) {
            return pppPaid[p] + rules.otherPppSpending <= limit + kTolerance * std::max(1.0, limit);
        };
        RiskEstimate est;
        est.paths = n;
        if (rules.minDscr)
            est.rules.push_back({"min_dscr", *rules.minDscr, probabilityOfPaths(n, dscrHolds),
                                 atConfidence(dscr, rules.confidence, true), true});
        if (rules.budgetCap)
            est.rules.push_back({"budget_cap", *rules.budgetCap, probabilityOfPaths(n, capHolds),
                                 atConfidence(peak, rules.confidence, false), true});
        if (rules.generalPublicBudget) {
            std::vector<double> spending(pppPaid);
            for (double& x : spending) x += rules.otherPppSpending;
            est.rules.push_back({"ppp_budget_share", limit, probabilityOfPaths(n, shareHolds),
                                 atConfidence(spending, rules.confidence, false), true});
        }
        est.probability = probabilityOfPaths(n, [&](std::size_t p) {
            return (!rules.minDscr || dscrHolds(p)) && (!rules.budgetCap || capHolds(p)) && (!rules.generalPublicBudget || shareHolds(p));
        });
        // The investors' hurdle: reported, not counted (docs/methodology/plan-b.md, "Under risk").
        if (rules.equityIrrHurdle) {
            const double h = *rules.equityIrrHurdle;
            est.rules.push_back({"equity_irr", h,
                                 probabilityOfPaths(n, [&](std::size_t p) { return irr[p] >= h - kTolerance * std::max(1.0, std::abs(h)); }),
                                 atConfidence(irr, rules.confidence, true), false});
        }
        return est;
    };
}

} // namespace cityfin::models::plans
