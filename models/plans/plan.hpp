#pragma once
// A plan: a structure of the case plus, optionally, a revised scope (scaled down, capex cut, phased
// over more construction years) and the feasibility thresholds it must meet. A case lists its plans in
// order in "plans" (Plan A first). Format: docs/case-format.md, section "Plans"; method:
// docs/methodology/plan-b.md.

#include "models/case_file.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cityfin::models::plans {

/// How a plan revises the project. The defaults leave it as it is.
struct PlanScope {
    double scale = 1.0;       ///< whole scope: capex, opex, lifecycle, volumes, baselines, residual
    double capexFactor = 1.0; ///< capex alone (value engineering, a cheaper technology)
    std::optional<int> constructionYears; ///< phase the (scaled) capex evenly over this many years
};

/// Per-plan overrides of the feasibility thresholds. The city's constraints (budget cap, general
/// budget, PPP shares, other PPP spending, confidence) carry over to later plans unless a plan changes
/// them; the hurdle, the covenant and the funds secured belong to the plan that states them.
struct RuleOverrides {
    std::optional<double> equityIrrHurdle{};     ///< default: the structure's hurdle (private rate)
    std::optional<double> minDscr{};             ///< default: the debt's own target DSCR
    std::optional<double> budgetCap{};           ///< the city's largest annual outlay for the project
    std::optional<double> generalPublicBudget{}; ///< annual general public budget (enables the 10% check)
    std::optional<double> pppBudgetShare{};      ///< default 0.10 (财金〔2015〕21号)
    std::optional<double> otherPppSpending{};    ///< annual spending on the city's other PPPs, default 0
    std::optional<double> governmentPayPppShare{}; ///< default 0.05 (财金〔2019〕10号): no new government-pay PPP above it
    std::optional<double> fundsSecured{};        ///< committed sources declared by the plan
    std::optional<double> confidence{};          ///< default 0.90; P(all rules hold under risk) at least
};

struct Plan {
    std::string label;        ///< "Plan A: BOT concession"
    std::string structureId;  ///< one of the case's structures
    PlanScope scope;
    RuleOverrides rules;      ///< as written in the file (not yet inherited)
};

/// Reads c.plans strictly (InputError with the JSON path "plans[1].scope.scale"); a structure id that
/// the case does not have is an error. An empty "plans" gives one plan per structure, in file order.
std::vector<Plan> readPlans(const Case& c);

/// The JSON of plans as readPlans reads it (defaults omitted): c.plans = plansToJson(readPlans(c)).
nlohmann::json plansToJson(const std::vector<Plan>& plans);

/// The project revised by the scope. Throws InputError for a scope out of range.
Project applyScope(const Project& project, const PlanScope& scope);

/// The case reduced to the plan: the scoped project and the plan's structure alone.
Case planCase(const Case& c, const Plan& plan);

/// The overrides in force for plan i (see RuleOverrides for what carries over).
RuleOverrides inheritedRules(const std::vector<Plan>& plans, std::size_t i);

} // namespace cityfin::models::plans
