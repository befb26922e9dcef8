#pragma once
// Plan B: evaluate the case's plans in order, check each against the feasibility rules, say for each
// failing rule what would mend it (a break-even value found by the solver), and stop at the first
// feasible plan; when none is feasible, name the nearest and its gap. Method: docs/methodology/plan-b.md.

#include "finance/answer.hpp"
#include "models/plans/feasibility.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cityfin::models::plans {

/// What would make a failing rule hold: the break-even value of the driver that matters.
struct Mend {
    std::string rule;          ///< the failing rule's id
    std::string input;         ///< the driver varied (a name of namedInputs()), empty when not solved
    double current = 0.0;      ///< the driver's value as the plan stands
    finance::Answer value;     ///< the driver's break-even value; no value: why
    std::string text;          ///< one sentence
};

struct PlanStep {
    Plan plan;
    std::string structureName;
    FeasibilityRules thresholds;
    std::vector<RuleResult> rules;
    std::vector<Mend> mends;   ///< one per failing rule
    bool feasible = false;
    double gap = 0.0;          ///< largest relative shortfall among failing rules (0 when feasible)
    std::string memo;          ///< the paragraph for this plan
};

struct PlanChain {
    std::string caseId, currency;
    std::vector<PlanStep> steps;        ///< evaluated in order, up to the first feasible plan
    std::optional<std::size_t> chosen;  ///< index into steps of the first feasible plan
    std::optional<std::size_t> nearest; ///< when none is feasible: the step with the smallest gap
    std::string conclusion;             ///< the memo's last paragraph
};

struct ChainOptions {
    bool solveMends = true;  ///< search break-even values for failing rules (costs a few evaluations)
    RiskProbability risk;    ///< empty: the risk rule is not checked
    std::string language = "en";  ///< the memo's language: "en" or "zh" (the ids and figures are the same)
};

PlanChain runPlanChain(const Case& c, const ChainOptions& options = {});

/// The chain as JSON (the same fields, snake_case) for charts and pipelines.
nlohmann::ordered_json planChainJson(const PlanChain& chain);

} // namespace cityfin::models::plans
